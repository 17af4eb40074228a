import { userInfo } from 'node:os';
import type { FlowPlan, FlowRun, PlannedStep, StepRecord } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import type { EngineDeps } from './engine-deps';
import type { FlowJournal } from './journal';
import type { FlowLock } from './flow-lock';
import { executeStep } from './step-executors';

/** Options of {@link runFlow}. */
export interface RunFlowOptions {
  /** Print the plan's effects; write nothing (no journal, no lock, nothing on GitHub or in the clone). */
  dryRun?: boolean;
  /** Who runs a new run (default: the OS user). A resumed run keeps its own. */
  by?: string;
  /**
   * Told every step record as it is journaled (running, then done or failed). A throw here stops the
   * run on the spot, as a crash would: the journal keeps what was written, and the run can be resumed.
   */
  onStep?: (record: StepRecord, planned: PlannedStep, run: FlowRun) => void | Promise<void>;
  /** Stops the run between steps or while a step waits; the run stays `running`, to be resumed. */
  signal?: AbortSignal;
  /**
   * Approves every `approve` step this run reaches (the command line's `--publish`), in the name of
   * `by`. Without it the run stops at an unapproved one with status `waiting`.
   */
  approveAll?: boolean;
}

/** One step of a dry run: what it would do. */
export interface DryRunStep {
  id: string;
  title: string;
  effects: string[];
  destructive: boolean;
}

/** What {@link runFlow} did: a dry run's effects, or the run as the journal now holds it. */
export type FlowRunResult = { kind: 'dry-run'; plan: FlowPlan; steps: DryRunStep[] } | { kind: 'run'; run: FlowRun };

/** Refuses a plan whose step ids repeat or whose inputs name a step that does not come earlier. */
export function checkPlan(plan: FlowPlan): void {
  const seen = new Set<string>();
  for (const planned of plan.steps) {
    if (seen.has(planned.id)) throw new AppError('INVALID_ARGUMENTS', `The plan has two steps named "${planned.id}".`);
    for (const value of Object.values(planned.step)) {
      if (typeof value === 'object' && value !== null && 'fromStep' in value && !seen.has(String(value.fromStep))) {
        throw new AppError(
          'INVALID_ARGUMENTS',
          `Step "${planned.id}" uses an output of "${String(value.fromStep)}", which does not come before it.`,
        );
      }
    }
    seen.add(planned.id);
  }
}

function isRun(input: FlowPlan | FlowRun): input is FlowRun {
  return 'plan' in input && 'status' in input;
}

function currentUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A thrown error as the journal keeps it: an AppError's own code and words, anything else INTERNAL. */
function failureOf(error: unknown): NonNullable<StepRecord['error']> {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
    };
  }
  return {
    code: 'INTERNAL',
    message: 'The step failed unexpectedly. Resume the run to try it again.',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Runs a plan (a new run) or an existing run (a resume) step by step: each step not yet done is
 * journaled `running`, executed, then journaled `done` with its outputs, or `failed` with the error,
 * which stops the run. Resuming runs the same run again: done steps are skipped, and a step left
 * running or failed is executed again (executors observe before they act, so nothing is made twice).
 */
export async function runFlow(
  input: FlowPlan | FlowRun,
  deps: EngineDeps,
  options: RunFlowOptions = {},
): Promise<FlowRunResult> {
  const plan = isRun(input) ? input.plan : input;
  checkPlan(plan);
  if (options.dryRun) {
    const done = new Set(isRun(input) ? input.steps.filter((r) => r.state === 'done').map((r) => r.id) : []);
    return {
      kind: 'dry-run',
      plan,
      steps: plan.steps
        .filter((planned) => !done.has(planned.id))
        .map(({ id, title, effects, destructive }) => ({ id, title, effects, destructive })),
    };
  }

  const { journal } = deps;
  const now = () => (deps.now ?? (() => new Date()))().toISOString();
  // A resume reads the journal again: the caller's copy may be older than what was last written.
  let run = isRun(input) ? await journal.read(input.id) : await journal.create(plan, options.by ?? currentUser());
  if (run.status === 'completed') return { kind: 'run', run };
  if (run.status === 'abandoned') {
    throw new AppError('CONFLICT', `Run ${run.id} was abandoned, so it cannot be resumed. Start the flow again.`);
  }
  if (run.status === 'failed' || run.status === 'waiting') run = await journal.update({ ...run, status: 'running' });

  const record = async (index: number, change: Partial<StepRecord>, status = run.status) => {
    const steps = run.steps.map((existing, at) => (at === index ? { ...existing, ...change } : existing));
    run = await journal.update({ ...run, status, steps });
    const written = run.steps[index] as StepRecord;
    await options.onStep?.(written, run.plan.steps[index] as PlannedStep, run);
  };

  for (const [index, planned] of run.plan.steps.entries()) {
    if (run.steps[index]?.state === 'done') continue;
    if (options.signal?.aborted) return { kind: 'run', run };
    if (planned.step.kind === 'approve' && !run.approvals?.[planned.id]) {
      if (!options.approveAll) {
        // A person has to look first: the run waits, holding its lock, until they approve or abandon it.
        await record(index, {}, 'waiting');
        return { kind: 'run', run };
      }
      const approval = { by: options.by ?? run.by, at: now() };
      run = await journal.update({ ...run, approvals: { ...run.approvals, [planned.id]: approval } });
    }
    await record(index, { state: 'running', startedAt: now(), endedAt: null, outputs: {}, error: null });
    let outputs: Record<string, string>;
    try {
      outputs = await executeStep({
        deps,
        run,
        planned,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      // Stopped on purpose: the step stays `running`, so a resume runs it again.
      if (options.signal?.aborted) return { kind: 'run', run };
      await record(index, { state: 'failed', endedAt: now(), error: failureOf(error) }, 'failed');
      return { kind: 'run', run };
    }
    await record(index, { state: 'done', endedAt: now(), outputs });
  }
  run = await journal.update({ ...run, status: 'completed' });
  return { kind: 'run', run };
}

/** Marks a run abandoned (it will not be resumed) and gives back the lock it holds. */
export async function abandonRun(runId: string, deps: { journal: FlowJournal; lock: FlowLock }): Promise<FlowRun> {
  const run = await deps.journal.read(runId);
  if (run.status === 'completed') {
    throw new AppError('CONFLICT', `Run ${runId} has completed; there is nothing to abandon.`);
  }
  const abandoned = run.status === 'abandoned' ? run : await deps.journal.update({ ...run, status: 'abandoned' });
  await deps.lock.release(runId);
  return abandoned;
}

/**
 * Records that `by` approved the `approve` step `stepId` of a waiting run (e.g. publishing the draft
 * release). Refuses a run that is not waiting at exactly that step, so a stale window cannot approve
 * something else. The caller then resumes the run.
 */
export async function approveStepOf(
  runId: string,
  stepId: string,
  by: string,
  deps: { journal: FlowJournal; now?: () => Date },
): Promise<FlowRun> {
  const run = await deps.journal.read(runId);
  const index = run.plan.steps.findIndex((planned) => planned.id === stepId);
  const planned = run.plan.steps[index];
  if (!planned || planned.step.kind !== 'approve') {
    throw new AppError('INVALID_ARGUMENTS', `Run ${runId} has no step "${stepId}" to approve.`);
  }
  const waitingAt = run.steps.findIndex((record) => record.state !== 'done');
  if (run.status !== 'waiting' || waitingAt !== index) {
    throw new AppError(
      'CONFLICT',
      `Run ${runId} is not waiting for “${planned.title}” (it is ${run.status}). Refresh to see where it stands.`,
    );
  }
  const at = (deps.now ?? (() => new Date()))().toISOString();
  return deps.journal.update({ ...run, approvals: { ...run.approvals, [stepId]: { by, at } } });
}
