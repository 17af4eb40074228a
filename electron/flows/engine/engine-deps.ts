import { setTimeout as delay } from 'node:timers/promises';
import type { FlowRun, PlannedStep, StepInput } from '../../../shared/domain/flows/flow-plan';
import { resolveInput } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubClient } from '../../services/github/github-client';
import type { GitHubRepo } from '../../services/github/refs';
import type { FlowLock } from './flow-lock';
import type { FlowJournal } from './journal';

/** What the runner and the step executors work with: one project on GitHub and its managed clone. */
export interface EngineDeps {
  client: GitHubClient;
  repo: GitHubRepo;
  /** The app-managed clone (origin = the project on GitHub); never the user's working copy. */
  cloneDir: string;
  /** An empty folder that `core.hooksPath` points at. */
  hooksDir: string;
  journal: FlowJournal;
  lock: FlowLock;
  /** Who commits in the managed clone (cherry-picks, bumps); git's configured identity when absent. */
  committer?: { name: string; email: string };
  now?: () => Date;
  /** Waits `ms`, rejecting when `signal` aborts. Tests may pass a faster one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Between polls of a PR or a workflow run (default 10 s). */
  pollIntervalMs?: number;
  /** How long a step waits for checks, reviews or a workflow run before giving up (default 60 min). */
  waitTimeoutMs?: number;
}

/** What a step produced, for later steps (`{ fromStep, output }`) and the result screen. */
export type StepOutputs = Record<string, string>;

/** What an executor is given: the deps, the run so far, its step, and a way to stop. */
export interface StepContext {
  deps: EngineDeps;
  run: FlowRun;
  planned: PlannedStep;
  signal?: AbortSignal;
}

const DEFAULT_POLL_MS = 10_000;
const DEFAULT_WAIT_MS = 60 * 60_000;

/** The poll interval and the wait limit, with their defaults. */
export function waitTimings(deps: EngineDeps): { intervalMs: number; timeoutMs: number } {
  return { intervalMs: deps.pollIntervalMs ?? DEFAULT_POLL_MS, timeoutMs: deps.waitTimeoutMs ?? DEFAULT_WAIT_MS };
}

/** Sleeps with the deps' sleep (or a real timer); an abort becomes CANCELLED. */
export async function pause(context: StepContext, ms: number): Promise<void> {
  const { signal } = context;
  if (signal?.aborted) throw new AppError('CANCELLED', `Stopped during “${context.planned.title}”.`);
  try {
    if (context.deps.sleep) await context.deps.sleep(ms, signal);
    else await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw new AppError('CANCELLED', `Stopped during “${context.planned.title}”.`);
    throw error;
  }
}

/** The value of a step input, which an earlier step must already have produced. */
export function inputValue(context: StepContext, input: StepInput): string {
  const value = resolveInput(input, context.run.steps);
  if (value !== undefined) return value;
  const source = typeof input === 'string' ? input : `${input.output} of step “${input.fromStep}”`;
  throw new AppError(
    'INVALID_ARGUMENTS',
    `“${context.planned.title}” needs the ${source}, which no earlier step of this run has produced.`,
  );
}

/** A PR number from a step input. */
export function pullNumber(context: StepContext, input: StepInput): number {
  const value = inputValue(context, input);
  if (!/^[1-9]\d*$/.test(value)) throw new AppError('INVALID_ARGUMENTS', `"${value}" is not a PR number.`);
  return Number(value);
}
