import { FLOW_NAMES, type FlowName, type FlowRun, type RunStatus } from '../../../shared/domain/flows/flow-plan';
import { flowLabels, runStatusLabel } from '../flows/flow-labels';
import { currentStep, runError, runOutputs, stepRows, type RunOutput } from '../flows/step-rows';

/**
 * The Activity screen's pure parts: which runs a filter keeps, how a run reads in the table, and the
 * audit log exported as JSON or Markdown.
 */

/** "Any" in a filter. */
export const ANY = 'any';

/** The run statuses, in the order the status filter lists them. */
export const RUN_STATUSES = [
  'running',
  'waiting',
  'completed',
  'failed',
  'abandoned',
] as const satisfies readonly RunStatus[];

/** What the table shows: one project, flow and status, or {@link ANY} of each. */
export interface ActivityFilter {
  projectId: string;
  flow: FlowName | typeof ANY;
  status: RunStatus | typeof ANY;
}

/** The filter that keeps every run. */
export const NO_FILTER: ActivityFilter = { projectId: ANY, flow: ANY, status: ANY };

/** A project as the filter and the table name it. */
export interface ProjectName {
  id: string;
  name: string;
}

/** The runs `filter` keeps, in the order given (newest first from `flows.runs`). */
export function filterRuns(runs: readonly FlowRun[], filter: ActivityFilter): FlowRun[] {
  return runs.filter(
    (run) =>
      (filter.projectId === ANY || run.plan.projectId === filter.projectId) &&
      (filter.flow === ANY || run.plan.flow === filter.flow) &&
      (filter.status === ANY || run.status === filter.status),
  );
}

/** True when the filter hides some runs, so the screen can offer to clear it. */
export function isFiltered(filter: ActivityFilter): boolean {
  return filter.projectId !== ANY || filter.flow !== ANY || filter.status !== ANY;
}

/**
 * The projects the project filter offers: those in the app by name, then any that only old runs name
 * (a project removed since), by repository. Sorted by name.
 */
export function projectOptions(runs: readonly FlowRun[], projects: readonly ProjectName[]): ProjectName[] {
  const options = new Map(projects.map((project) => [project.id, project.name]));
  for (const run of runs) {
    if (!options.has(run.plan.projectId)) options.set(run.plan.projectId, `${run.plan.repository} (removed)`);
  }
  return [...options].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The flows the flow filter offers, in the train's order. */
export function flowOptions(): { value: FlowName; label: string }[] {
  return FLOW_NAMES.map((flow) => ({ value: flow, label: flowLabels(flow).name }));
}

/** How long a run took, in ms: until its last journal write, or until `now` while it runs. */
export function runDurationMs(run: FlowRun, now: Date): number | null {
  const start = Date.parse(run.startedAt);
  const end = run.status === 'running' ? now.getTime() : Date.parse(run.updatedAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}

/** A duration as "45 s", "3 min 5 s" or "2 h 4 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** A run as one row of the table and of the exports. */
export interface ActivityRow {
  id: string;
  flow: FlowName;
  /** "Freeze", "Back-merge"… */
  flowName: string;
  projectId: string;
  /** The project's name in the app, else `owner/repo`. */
  project: string;
  repository: string;
  by: string;
  startedAt: string;
  status: RunStatus;
  statusLabel: string;
  /** "3 min 5 s", or null when the journal's times cannot be read. */
  duration: string | null;
  outputs: RunOutput[];
  /** The step a failed or interrupted run stopped at, and why. */
  stoppedAt: { title: string; message: string | null } | null;
  /** The user's choices (version, sha, name…), as the plan recorded them. */
  choices: Record<string, string>;
}

/** The rows of `runs`, naming projects from `projects` where the app still has them. */
export function activityRows(runs: readonly FlowRun[], projects: readonly ProjectName[], now: Date): ActivityRow[] {
  const names = new Map(projects.map((project) => [project.id, project.name]));
  return runs.map((run) => {
    const duration = runDurationMs(run, now);
    const stopped = run.status === 'completed' ? null : currentStep(run);
    return {
      id: run.id,
      flow: run.plan.flow,
      flowName: flowLabels(run.plan.flow).name,
      projectId: run.plan.projectId,
      project: names.get(run.plan.projectId) ?? run.plan.repository,
      repository: run.plan.repository,
      by: run.by,
      startedAt: run.startedAt,
      status: run.status,
      statusLabel: runStatusLabel(run.status),
      duration: duration === null ? null : formatDuration(duration),
      outputs: runOutputs(run),
      stoppedAt: stopped ? { title: stopped.title, message: runError(run)?.message ?? null } : null,
      choices: run.plan.choices,
    };
  });
}

/**
 * The audit log as JSON: one entry per run with who, what, when, the result and its links, and each
 * step's state and times. The plan's effects are left out: they are the dry run, not what happened.
 */
export function exportJson(runs: readonly FlowRun[], rows: readonly ActivityRow[]): string {
  const entries = runs.map((run, index) => {
    const row = rows[index];
    return {
      id: run.id,
      flow: run.plan.flow,
      project: row?.project ?? run.plan.repository,
      repository: run.plan.repository,
      by: run.by,
      startedAt: run.startedAt,
      updatedAt: run.updatedAt,
      status: run.status,
      choices: run.plan.choices,
      outputs: (row?.outputs ?? []).map(({ kind, label, url }) => ({ kind, label, url })),
      steps: stepRows(run.plan, run.steps).map((step) => {
        const record = run.steps.find((candidate) => candidate.id === step.id);
        return {
          id: step.id,
          title: step.title,
          state: step.state,
          startedAt: record?.startedAt ?? null,
          endedAt: record?.endedAt ?? null,
          ...(step.error ? { error: step.error } : {}),
        };
      }),
    };
  });
  return `${JSON.stringify({ runs: entries }, null, 2)}\n`;
}

/** A table cell: one line, with the pipes that would end it escaped. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** Link text: brackets escaped so a title cannot close the link early. */
function linkText(text: string): string {
  return cell(text).replace(/([[\]])/g, '\\$1');
}

/** An output as Markdown: a link for a web address, plain text for the rest (a tag). */
function outputMarkdown(output: RunOutput): string {
  if (!output.url || !/^https?:\/\//.test(output.url)) return cell(output.label);
  // Angle brackets hold any address; the characters that would end it, or the table cell, are encoded.
  const address = output.url.replace(/[<>\s|]/g, (character) => encodeURIComponent(character));
  return `[${linkText(output.label)}](<${address}>)`;
}

/**
 * The audit log as a Markdown document: a heading, when it was exported and what the filter kept, and
 * one table row per run (times in UTC, as ISO dates, so the log reads the same for everyone).
 */
export function exportMarkdown(rows: readonly ActivityRow[], exportedAt: Date, filterNote: string): string {
  const lines = [
    '# Release Desk activity',
    '',
    `Exported ${exportedAt.toISOString()}; ${rows.length} ${rows.length === 1 ? 'run' : 'runs'}${filterNote ? ` (${filterNote})` : ''}.`,
    '',
  ];
  if (rows.length === 0) return `${lines.join('\n')}\nNo runs.\n`;
  lines.push('| Started (UTC) | Flow | Project | By | Status | Duration | Links |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const status = row.stoppedAt
      ? `${row.statusLabel} at “${row.stoppedAt.title}”${row.stoppedAt.message ? `: ${row.stoppedAt.message}` : ''}`
      : row.statusLabel;
    const started = Number.isNaN(Date.parse(row.startedAt)) ? row.startedAt : new Date(row.startedAt).toISOString();
    const links = row.outputs.map(outputMarkdown).join(', ');
    lines.push(
      `| ${[started, row.flowName, row.project, row.by, status, row.duration ?? '', links].map((text, index) => (index === 6 ? text : cell(text))).join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The filter in words for the export's heading, e.g. "flow: Freeze, status: Failed"; empty for none. */
export function describeFilter(filter: ActivityFilter, projects: readonly ProjectName[]): string {
  const parts: string[] = [];
  if (filter.flow !== ANY) parts.push(`flow: ${flowLabels(filter.flow).name}`);
  if (filter.projectId !== ANY) {
    parts.push(`project: ${projects.find((project) => project.id === filter.projectId)?.name ?? filter.projectId}`);
  }
  if (filter.status !== ANY) parts.push(`status: ${runStatusLabel(filter.status)}`);
  return parts.join(', ');
}
