import type { TrainFetchProgress } from '../../../shared/ipc/contract';
import { overallGitProgress } from '../lib/git-progress';

/** What the header shows while a fetch runs. */
export interface FetchProgressView {
  /** "Fetching from origin…", then "Fetching from origin… 42%". */
  label: string;
  /** Git's phase in plain words, once it reported one. */
  detail: string | null;
  /** 0–100, or null until git reports (an indeterminate bar). */
  percent: number | null;
}

/** Turns the latest `train.fetchProgress` event (or none yet) into the header's progress line. */
export function describeFetchProgress(progress: TrainFetchProgress | null): FetchProgressView {
  if (!progress) return { label: 'Fetching from origin…', detail: null, percent: null };
  const { percent, words } = overallGitProgress(progress.phase, progress.percent);
  return { label: `Fetching from origin… ${percent}%`, detail: words, percent };
}
