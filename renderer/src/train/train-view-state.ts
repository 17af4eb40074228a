import type { Envelope } from '../../../shared/ipc/api';
import type { TrainFetchProgress, TrainReport } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/errors';

/** What the Train screen is doing in the background, whatever it is showing. */
export type TrainActivity =
  | { kind: 'idle' }
  /** Recomputing from what the managed clone already has (fast, no network). */
  | { kind: 'reading' }
  /** Fetching from origin first; `progress` is the latest `train.fetchProgress` event, if any came. */
  | { kind: 'fetching'; progress: TrainFetchProgress | null };

/** A failure that did not replace the status on screen, with what was being attempted. */
export interface TrainProblem {
  title: string;
  error: IpcError;
}

/**
 * The Train screen: nothing yet (skeleton), an error in place of the lanes, or a status. Work in the
 * background (`activity`) never hides a status that is already on screen.
 */
export type TrainView =
  | { status: 'loading'; activity: TrainActivity }
  | { status: 'failed'; error: IpcError; activity: TrainActivity }
  | {
      status: 'ready';
      report: TrainReport;
      /** ISO time of the last successful fetch from origin seen in this session; null if none yet. */
      fetchedAt: string | null;
      activity: TrainActivity;
      problem: TrainProblem | null;
    };

/** How a failed call is shown: in place of the lanes, or as a notice above a status that still holds. */
export type FailureMode = 'replace' | 'keep';

/** The view as a new call starts: same content, new activity, any old notice cleared. */
export function startActivity(view: TrainView, activity: TrainActivity): TrainView {
  return view.status === 'ready' ? { ...view, activity, problem: null } : { ...view, activity };
}

/** Applies one `train.fetchProgress` event; ignored unless a fetch is running. */
export function withFetchProgress(view: TrainView, progress: TrainFetchProgress): TrainView {
  if (view.activity.kind !== 'fetching') return view;
  return { ...view, activity: { kind: 'fetching', progress } };
}

/** Shows a failure that happened outside `train.status` (the file picker, saving the config choice). */
export function withProblem(view: TrainView, problem: TrainProblem): TrainView {
  const idle: TrainActivity = { kind: 'idle' };
  return view.status === 'ready'
    ? { ...view, activity: idle, problem }
    : { status: 'failed', error: problem.error, activity: idle };
}

/** Options of {@link settle}. */
export interface SettleOptions {
  /** Whether the call fetched from origin first. */
  fetched: boolean;
  onError: FailureMode;
  /** What a kept failure is called in its notice, e.g. "Could not refresh". */
  problemTitle: string;
  now: Date;
  /**
   * The last fetch known when no status was on screen yet: the managed clone was fetched when the
   * project was added, so its `addedAt` is a fetch time (a lower bound, if a later session fetched).
   */
  fallbackFetchedAt: string | null;
}

/** The view once a `train.status` call has answered. */
export function settle(view: TrainView, result: Envelope<TrainReport>, options: SettleOptions): TrainView {
  const idle: TrainActivity = { kind: 'idle' };
  if (!result.ok) {
    if (view.status === 'ready' && options.onError === 'keep') {
      return { ...view, activity: idle, problem: { title: options.problemTitle, error: result.error } };
    }
    return { status: 'failed', error: result.error, activity: idle };
  }
  const previousFetch = view.status === 'ready' ? view.fetchedAt : options.fallbackFetchedAt;
  const fetchedNow = options.fetched && result.value.fetchError === null;
  return {
    status: 'ready',
    report: result.value,
    fetchedAt: fetchedNow ? options.now.toISOString() : previousFetch,
    activity: idle,
    problem: null,
  };
}

/** True while a call is running, so the actions that start another one hold back. */
export function isBusy(view: TrainView): boolean {
  return view.activity.kind !== 'idle';
}
