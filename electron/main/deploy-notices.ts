import type { FlowRun, FlowStep, StepRecord } from '../../shared/domain/flows/flow-plan';
import { resolveInput } from '../../shared/domain/flows/flow-plan';

/** What a desktop notification says when a deploy watch ends. */
export interface DeployNotice {
  /** e.g. "Staging deploy succeeded", "Production deploy failed". */
  title: string;
  /** e.g. "Deploy to staging finished for a1b2c3d (freeze 2026.11.0)." */
  body: string;
  /** The watch ended in failure (the deploy failed, or the watch was stopped). */
  failed: boolean;
}

type WatchStep = Extract<FlowStep, { kind: 'watch-workflow' }>;

const finished = (record: StepRecord | undefined): boolean => record?.state === 'done' || record?.state === 'failed';

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * What the watched workflow deploys, as a person names it: the environment a workflow called
 * "Deploy to staging" or `deploy-production.yml` names, else the lane a push deploys (main is
 * production), else null (a release's workflow is named as itself).
 */
function environmentOf(step: WatchStep): string | null {
  const named = /deploy(?:ment)?[\s_-]+(?:to[\s_-]+)?([a-z][a-z0-9]*)/i.exec(step.workflow)?.[1];
  if (named && !/^ya?ml$/i.test(named)) return capitalized(named.toLowerCase());
  if (step.event !== 'push') return null;
  return step.branch === 'main' || step.branch === 'master' ? 'Production' : capitalized(step.branch);
}

/** "freeze 2026.11.0", "hotfix export-crash": the flow and the choice people know the run by. */
function runLabel(run: FlowRun): string {
  const { choices } = run.plan;
  const detail = choices.version ?? choices.name ?? choices.from;
  return detail ? `${run.plan.flow} ${detail}` : run.plan.flow;
}

/** The notice for one watch step whose record just finished. */
function noticeFor(run: FlowRun, step: WatchStep, record: StepRecord): DeployNotice {
  const environment = environmentOf(step);
  const subject = environment ? `${environment} deploy` : `${step.workflow} run`;
  const sha = resolveInput(step.sha, run.steps)?.slice(0, 7);
  const label = runLabel(run);
  if (record.state === 'done') {
    return {
      title: `${subject} succeeded`,
      body: `${step.workflow} finished${sha ? ` for ${sha}` : ''} (${label}).`,
      failed: false,
    };
  }
  // A watch stopped by the user or by its time limit says nothing about the deploy itself.
  const stopped = record.error?.code === 'CANCELLED';
  return {
    title: stopped ? `Stopped watching the ${subject.charAt(0).toLowerCase()}${subject.slice(1)}` : `${subject} failed`,
    body: record.error?.message ?? `${step.workflow} did not finish${sha ? ` for ${sha}` : ''} (${label}).`,
    failed: true,
  };
}

/** The deploy watches (`watch-workflow` steps) not finished in `previous` and done or failed in `current`. */
function newlyFinished(previous: FlowRun, current: FlowRun): { step: WatchStep; record: StepRecord }[] {
  const found: { step: WatchStep; record: StepRecord }[] = [];
  for (const planned of current.plan.steps) {
    if (planned.step.kind !== 'watch-workflow') continue;
    const record = current.steps.find((candidate) => candidate.id === planned.id);
    const before = previous.steps.find((candidate) => candidate.id === planned.id);
    if (record && finished(record) && !finished(before)) found.push({ step: planned.step, record });
  }
  return found;
}

/**
 * A notice for every deploy watch that was not finished in `previous` and is done or failed in
 * `current`, in plan order. With no `previous` nothing is known to have changed, so a run seen for the
 * first time (an old run loaded after a restart) notifies nothing.
 */
export function deployNotices(previous: FlowRun | undefined, current: FlowRun): DeployNotice[] {
  if (!previous || previous.id !== current.id) return [];
  return newlyFinished(previous, current).map(({ step, record }) => noticeFor(current, step, record));
}

/**
 * The notice for a deploy watch that finished between two snapshots of one run, or null when none
 * did (the first one in plan order when several did at once).
 */
export function deployNotice(previous: FlowRun | undefined, current: FlowRun): DeployNotice | null {
  return deployNotices(previous, current)[0] ?? null;
}

/** Feeds run snapshots to {@link deployNotices} and shows each notice once. */
export interface DeployNotifier {
  /** Takes the newest snapshot of a run (every progress event may be passed; repeats are fine). */
  update(run: FlowRun): void;
}

const ENDED: readonly FlowRun['status'][] = ['completed', 'failed', 'abandoned'];

/**
 * Remembers the last snapshot of each run and calls `show` once for each deploy watch that finishes.
 * The same snapshot delivered twice, or an older one arriving late, shows nothing; a watch that failed
 * and then succeeds after a resume is a new outcome and is shown. A run's memory is dropped once it
 * has ended, so a run read again later (from the journal) notifies nothing.
 */
export function createDeployNotifier(show: (notice: DeployNotice) => void): DeployNotifier {
  const last = new Map<string, FlowRun>();
  // `runId/stepId/state/endedAt` of every outcome shown (a few short strings per run), so a stale
  // snapshot between two fresh ones cannot make an outcome already shown look new.
  const shown = new Set<string>();
  return {
    update(run) {
      const previous = last.get(run.id);
      if (previous && run.updatedAt < previous.updatedAt) return;
      for (const { step, record } of previous ? newlyFinished(previous, run) : []) {
        const key = `${run.id}/${record.id}/${record.state}/${record.endedAt ?? ''}`;
        if (shown.has(key)) continue;
        shown.add(key);
        show(noticeFor(run, step, record));
      }
      if (ENDED.includes(run.status)) last.delete(run.id);
      else last.set(run.id, run);
    },
  };
}
