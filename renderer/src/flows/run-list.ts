import type { FlowRun } from '../../../shared/domain/flows/flow-plan';

/**
 * Merges the runs `flows.runs` answered with the runs progress events announced since: an event newer
 * than the listed run replaces it, and a run the list does not have yet (started after it loaded) is
 * added. Newest first, as `flows.runs` orders them; `projectId` keeps one project's runs.
 */
export function mergeRuns(listed: readonly FlowRun[], seen: Iterable<FlowRun>, projectId?: string): FlowRun[] {
  const byId = new Map(listed.map((run) => [run.id, run]));
  for (const run of seen) {
    if (projectId !== undefined && run.plan.projectId !== projectId) continue;
    const known = byId.get(run.id);
    if (!known || run.updatedAt >= known.updatedAt) byId.set(run.id, run);
  }
  return [...byId.values()].sort((a, b) => (a.startedAt === b.startedAt ? 0 : a.startedAt < b.startedAt ? 1 : -1));
}

/**
 * The run the Train screen offers to resume or abandon: the newest that did not end (running), waits
 * for the user's approval, or failed. The lock allows one at a time per project, so there is at most one
 * in practice.
 */
export function unfinishedRun(runs: readonly FlowRun[]): FlowRun | null {
  return runs.find((run) => run.status === 'running' || run.status === 'waiting' || run.status === 'failed') ?? null;
}
