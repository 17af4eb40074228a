import type {
  FlowPlan,
  FlowRun,
  FlowStep,
  PlannedStep,
  StepRecord,
  StepState,
} from '../../../shared/domain/flows/flow-plan';
import { fillOutputs } from '../../../shared/domain/flows/flow-plan';
import { assertNever } from '../lib/assert-never';

/** One row of the wizard's step list: the planned step and, once it ran, what its record says. */
export interface StepRow {
  id: string;
  title: string;
  step: FlowStep;
  effects: string[];
  destructive: boolean;
  state: StepState;
  error: StepRecord['error'];
  outputs: Record<string, string>;
}

/** What a step produced, as the list shows it: a PR, a release or a workflow run (links), or a fact. */
export interface StepOutput {
  /** e.g. "Pull request #42", "Tag v2026.11.0", "staging at 3f2a9c1". */
  label: string;
  /** A web page to open, when there is one. */
  url: string | null;
}

/** A link or fact a whole run produced, for the result screen and the Activity table. */
export interface RunOutput {
  kind: 'pull-request' | 'release' | 'tag' | 'workflow';
  label: string;
  url: string | null;
}

/** The steps of `plan` in order, each with its record from `records` (pending when there is none). */
export function stepRows(plan: FlowPlan, records: readonly StepRecord[] = []): StepRow[] {
  return plan.steps.map((planned) => {
    const record = records.find((candidate) => candidate.id === planned.id);
    return {
      id: planned.id,
      title: fillOutputs(planned.title, records),
      step: planned.step,
      effects: planned.effects.map((effect) => fillOutputs(effect, records)),
      destructive: planned.destructive,
      state: record?.state ?? 'pending',
      error: record?.error ?? null,
      outputs: record?.outputs ?? {},
    };
  });
}

/** The titles of the steps that change something others see, for the confirmation before Start. */
export function destructiveTitles(plan: FlowPlan): string[] {
  return plan.steps.filter((step) => step.destructive).map((step) => step.title);
}

/**
 * The step a run stopped at (or is at): the failed one, else the running one, else the first that has
 * not finished. Null when every step is done.
 */
export function currentStep(run: FlowRun): PlannedStep | null {
  const rows = stepRows(run.plan, run.steps);
  const at =
    rows.find((row) => row.state === 'failed') ??
    rows.find((row) => row.state === 'running') ??
    rows.find((row) => row.state !== 'done');
  return at ? (run.plan.steps.find((step) => step.id === at.id) ?? null) : null;
}

/** The failed step's error, or null. */
export function runError(run: FlowRun): NonNullable<StepRecord['error']> | null {
  return run.steps.find((record) => record.state === 'failed' && record.error)?.error ?? null;
}

const short = (sha: string | undefined): string => (sha ? sha.slice(0, 7) : '');

/** What a finished step produced, as the step list shows it; empty when it has nothing to show. */
export function stepOutputs(step: FlowStep, outputs: Record<string, string>): StepOutput[] {
  switch (step.kind) {
    case 'acquire-lock':
    case 'release-lock':
      return [];
    case 'approve':
      return outputs.by ? [{ label: `Approved by ${outputs.by}`, url: null }] : [];
    case 'create-branch':
      return outputs.sha ? [{ label: `${step.branch} at ${short(outputs.sha)}`, url: null }] : [];
    case 'cherry-pick': {
      if (!outputs.sha) return [];
      const picked = Number(outputs.picked ?? step.shas.length);
      const commits = `${picked} ${picked === 1 ? 'commit' : 'commits'}`;
      return [{ label: `${commits} picked; ${step.branch} at ${short(outputs.sha)}`, url: null }];
    }
    case 'open-pr':
      return outputs.number ? [{ label: `Pull request #${outputs.number}`, url: outputs.url ?? null }] : [];
    case 'wait-pr':
      return outputs.headSha ? [{ label: `Ready at ${short(outputs.headSha)}`, url: null }] : [];
    case 'wait-commits': {
      if (!outputs.headSha) return [];
      const ahead = Number(outputs.ahead ?? 1);
      const commits = `${ahead} ${ahead === 1 ? 'commit' : 'commits'}`;
      return [{ label: `${commits} pushed; ${step.branch} at ${short(outputs.headSha)}`, url: null }];
    }
    case 'merge-pr':
      return outputs.sha ? [{ label: `Merged as ${short(outputs.sha)}`, url: null }] : [];
    case 'watch-workflow':
      if (!outputs.url && !outputs.conclusion) return [];
      return [
        {
          label: `${step.workflow}${outputs.conclusion ? `: ${outputs.conclusion}` : ''}`,
          url: outputs.url ?? null,
        },
      ];
    case 'bump-version':
      if (!outputs.sha) return [];
      return [
        {
          label: `${step.version} on ${outputs.branch ?? step.branch} at ${short(outputs.sha)}${outputs.created === 'false' ? ' (already there)' : ''}`,
          url: null,
        },
      ];
    case 'create-tag':
      return outputs.sha ? [{ label: `Tag ${outputs.tag ?? step.tag} at ${short(outputs.sha)}`, url: null }] : [];
    case 'create-release':
      return outputs.url ? [{ label: `Draft release ${step.tag}`, url: outputs.url }] : [];
    case 'publish-release':
      return outputs.url ? [{ label: `Release ${step.tag}`, url: outputs.url }] : [];
    default:
      return assertNever(step);
  }
}

/**
 * The links and names a run produced, in plan order: its pull requests, tag and release (the published
 * one replacing the draft), and deploy runs. Used by the result screen and the Activity log.
 */
export function runOutputs(run: FlowRun): RunOutput[] {
  const found: RunOutput[] = [];
  for (const row of stepRows(run.plan, run.steps)) {
    const { step, outputs } = row;
    switch (step.kind) {
      case 'open-pr':
        if (outputs.number)
          found.push({ kind: 'pull-request', label: `PR #${outputs.number}`, url: outputs.url ?? null });
        break;
      case 'create-tag':
        if (outputs.sha) found.push({ kind: 'tag', label: `Tag ${outputs.tag ?? step.tag}`, url: null });
        break;
      case 'create-release':
      case 'publish-release':
        if (outputs.url) {
          const label = `${step.kind === 'create-release' ? 'Draft release' : 'Release'} ${step.tag}`;
          const existing = found.findIndex((output) => output.kind === 'release');
          if (existing >= 0) found.splice(existing, 1);
          found.push({ kind: 'release', label, url: outputs.url });
        }
        break;
      case 'watch-workflow':
        if (outputs.url) found.push({ kind: 'workflow', label: step.workflow, url: outputs.url });
        break;
      case 'acquire-lock':
      case 'create-branch':
      case 'cherry-pick':
      case 'wait-pr':
      case 'wait-commits':
      case 'merge-pr':
      case 'bump-version':
      case 'approve':
      case 'release-lock':
        break;
      default:
        assertNever(step);
    }
  }
  return found;
}

/** "3 of 7 steps done", for the run screen's status line. */
export function progressSummary(run: FlowRun): string {
  const rows = stepRows(run.plan, run.steps);
  const done = rows.filter((row) => row.state === 'done').length;
  return `${done} of ${rows.length} steps done`;
}

/** A step title inside a sentence: "Open the freeze PR…" reads "open the freeze PR…". */
function inSentence(title: string): string {
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/**
 * The confirmation's sentence before a run starts, naming every step that changes what others see:
 * "It will open the freeze PR release/2026.11.0 → staging and merge it." Null when no step does.
 */
export function startConfirmation(plan: FlowPlan): string | null {
  const titles = destructiveTitles(plan).map(inSentence);
  if (titles.length === 0) return null;
  return `It will ${new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(titles)}.`;
}
