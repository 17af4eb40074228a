import {
  resolveInput,
  type FlowPlan,
  type FlowRun,
  type PlannedStep,
  type PreflightCheck,
  type StepRecord,
} from '../../shared/domain/flows/flow-plan';
import type { FlowPreview } from '../../shared/ipc/contract';
import { formatTable } from './output';

/** `✓` passed, `✗` a failed blocker, `!` a failed warning (it does not stop the flow). */
function checkMark(check: PreflightCheck): string {
  if (check.ok) return '✓';
  return check.severity === 'blocker' ? '✗' : '!';
}

/** The preflight as lines a person reads: every check, and the fix under each failed one. */
export function formatPreflight(checks: readonly PreflightCheck[]): string {
  const lines = checks.flatMap((check) => [
    `  ${checkMark(check)} ${check.title} — ${check.reason}`,
    ...(!check.ok && check.fix ? [`      fix: ${check.fix}`] : []),
  ]);
  return `Preflight:\n${lines.join('\n')}\n`;
}

/** The choices a plan was made with, e.g. `version 2026.11.0, sha 3f2a…`. */
function choicesText(plan: FlowPlan): string {
  return Object.entries(plan.choices)
    .map(([name, value]) => `${name} ${/^[0-9a-f]{40}$/.test(value) ? value.slice(0, 12) : value}`)
    .join(', ');
}

/**
 * The exact plan, as the dry run promises: each step's title, then the git commands and GitHub calls it
 * makes. A step that changes what others see (a merge, a tag, a published release) is marked.
 */
export function formatPlan(plan: FlowPlan): string {
  const steps = plan.steps.flatMap((planned, index) => [
    `  ${index + 1}. ${planned.title}${planned.destructive ? '  [changes what others see]' : ''}`,
    ...planned.effects.map((effect) => `       ${effect}`),
  ]);
  const choices = choicesText(plan);
  return `Plan: ${plan.flow} of ${plan.repository}${choices ? ` (${choices})` : ''}, ${plan.steps.length} steps:\n${steps.join('\n')}\n`;
}

/** The preflight, then the plan: what `--dry-run` prints, and what is shown before asking. */
export function formatPreview(preview: FlowPreview): string {
  return `${formatPreflight(preview.preflight)}\n${formatPlan(preview.plan)}`;
}

/** The failed blockers, each with its fix: the detail of the error a blocked flow ends with. */
export function blockerDetail(checks: readonly PreflightCheck[]): string {
  return checks
    .filter((check) => !check.ok && check.severity === 'blocker')
    .map((check) => `${check.title}: ${check.reason}${check.fix ? `\nfix: ${check.fix}` : ''}`)
    .join('\n');
}

/** What a finished step made, in a few characters: a PR number, a short sha, or a URL. */
function outcomeOf(record: StepRecord): string {
  const { number, sha, url } = record.outputs;
  if (number) return ` #${number}`;
  if (sha) return ` ${sha.slice(0, 7)}`;
  if (url) return ` ${url}`;
  return '';
}

/**
 * A step's title with what earlier steps of the run produced filled in: the plan says
 * `Merge PR #<pr.number>` because a dry run cannot know the number; the run can.
 */
export function resolvedTitle(run: FlowRun, planned: PlannedStep | undefined, id: string): string {
  if (!planned) return id;
  return planned.title.replace(
    /<([\w-]+)\.(\w+)>/g,
    (placeholder, step: string, output: string) =>
      run.steps.find((record) => record.id === step)?.outputs[output] ?? placeholder,
  );
}

/** One human progress line for a step that ended: `✓ Open the freeze PR … #24`, or `✗` with the error. */
export function formatStepLine(run: FlowRun, record: StepRecord, planned: PlannedStep | undefined): string {
  const title = resolvedTitle(run, planned, record.id);
  if (record.state === 'failed') {
    const detail = record.error?.detail ? `\n    ${record.error.detail.split('\n').join('\n    ')}` : '';
    return `✗ ${title}\n  ${record.error?.message ?? 'The step failed.'}${detail}\n`;
  }
  return `✓ ${title}${outcomeOf(record)}\n`;
}

/** One `--json` line for a step that ended: `{ runId, step, state, outputs, error? }`. */
export function stepJsonLine(run: FlowRun, record: StepRecord): string {
  return `${JSON.stringify({
    runId: run.id,
    step: record.id,
    state: record.state,
    outputs: record.outputs,
    ...(record.error ? { error: record.error } : {}),
  })}\n`;
}

/** The last `--json` line of a run: the whole run as the journal keeps it. */
export function runJsonLine(run: FlowRun): string {
  return `${JSON.stringify({ run })}\n`;
}

/** How a run ended, in a sentence, with the command that goes on from there. */
export function formatRunEnd(run: FlowRun): string {
  const name = `The ${run.plan.flow} of ${run.plan.repository}`;
  switch (run.status) {
    case 'completed':
      return `${name} completed (run ${run.id}).\n`;
    case 'failed': {
      const failed = run.steps.find((record) => record.state === 'failed');
      const title = run.plan.steps.find((planned) => planned.id === failed?.id)?.title ?? failed?.id ?? 'a step';
      return (
        `${name} stopped at “${title}” (run ${run.id}).\n` +
        `Fix the cause, then: release-desk resume ${run.id}   (or give it up: release-desk abandon ${run.id} --yes)\n`
      );
    }
    case 'waiting': {
      const waiting = run.steps.find((record) => record.state !== 'done');
      const planned = run.plan.steps.find((candidate) => candidate.id === waiting?.id);
      const link =
        planned?.step.kind === 'approve' && planned.step.link ? resolveInput(planned.step.link, run.steps) : undefined;
      return (
        `${name} is waiting for you: ${planned?.title ?? 'an approval'} (run ${run.id}).\n` +
        (link ? `Review it: ${link}\n` : '') +
        `Then go on with: release-desk resume ${run.id} --approve   (or give it up: release-desk abandon ${run.id} --yes)\n`
      );
    }
    case 'running':
      return `${name} was interrupted (run ${run.id}). Go on with: release-desk resume ${run.id}\n`;
    case 'abandoned':
      return `${name} was abandoned (run ${run.id}).\n`;
  }
}

/** `runs`: newest first, one line each. */
export function formatRunList(runs: readonly FlowRun[]): string {
  if (runs.length === 0) return 'No flow runs yet. Start one with e.g.: release-desk freeze --repo . --dry-run\n';
  return formatTable(
    ['id', 'flow', 'project', 'status', 'by', 'started'],
    runs.map((run) => [run.id, run.plan.flow, run.plan.repository, run.status, run.by, run.startedAt]),
  );
}
