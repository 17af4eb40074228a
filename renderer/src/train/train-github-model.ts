import type { Lane } from '../../../shared/domain/config/project-config';
import type {
  CiState,
  LaneGitHub,
  TrainGitHubView,
  TrainPull,
  TrainWorkflowRun,
} from '../../../shared/domain/train/train-github';
import type { Envelope } from '../../../shared/ipc/api';
import type { IpcError, IpcErrorCode } from '../../../shared/ipc/errors';
import type { ErrorAdvice } from '../lib/error-advice';
import { trainErrorAdvice } from './train-error-advice';

/** The connected form of {@link TrainGitHubView}: what the lane cards and lists read. */
export type ConnectedGitHubView = Extract<TrainGitHubView, { state: 'connected' }>;

/** What the lane cards read from GitHub: the connected view, and whether to hold its rows' place. */
export interface LaneGitHubSide {
  view: ConnectedGitHubView | null;
  /** See {@link showsGitHubPlaceholders}. */
  placeholder: boolean;
}

/** The GitHub side of the Train screen: the last answer, whether a call runs, and the last failure. */
export interface GitHubLoad {
  /** The last answer of `train.github`; it stays while a new call runs or after one fails. */
  view: TrainGitHubView | null;
  loading: boolean;
  /** The last call failed; cleared by the next answer, kept while Try again runs so nothing flashes. */
  error: IpcError | null;
}

/** Nothing loaded yet, or the view remembered from the last visit. */
export function initialGitHubLoad(view: TrainGitHubView | null = null): GitHubLoad {
  return { view, loading: false, error: null };
}

/** The load as a `train.github` call starts: the view on screen stays. */
export function startGitHubLoad(load: GitHubLoad): GitHubLoad {
  return { ...load, loading: true };
}

/** The load once `train.github` has answered: a failure keeps the last view under an alert. */
export function settleGitHubLoad(load: GitHubLoad, result: Envelope<TrainGitHubView>): GitHubLoad {
  if (!result.ok) return { view: load.view, loading: false, error: result.error };
  return { view: result.value, loading: false, error: null };
}

/** The connected view, or null when GitHub is not connected or nothing is known yet. */
export function connectedView(load: GitHubLoad): ConnectedGitHubView | null {
  return load.view?.state === 'connected' ? load.view : null;
}

/**
 * What the line above the lanes shows: a failure, a first load, the not-connected line, or when the
 * connected view was checked.
 */
export type GitHubBarKind = 'failed' | 'loading' | 'not-connected' | 'connected';

/** Which {@link GitHubBarKind} a load is shown as. */
export function githubBarKind(load: GitHubLoad): GitHubBarKind {
  if (load.error) return 'failed';
  if (!load.view) return 'loading';
  return load.view.state;
}

/**
 * Whether the lane cards hold placeholder Deploy and CI rows: only before the first answer, and only
 * when the project's host has an account (so it will most likely answer "connected"). A project without
 * one answers "not connected", and placeholder rows that then vanish would shift the cards twice.
 */
export function showsGitHubPlaceholders(load: GitHubLoad, expectConnected: boolean | null): boolean {
  return load.view === null && load.error === null && expectConnected === true;
}

/**
 * How long to wait before asking GitHub again while a deploy runs or CI is pending, by how many times
 * it was asked already: soon at first (a practice run takes seconds), then less and less often, so a
 * deploy of many minutes costs a few dozen calls rather than one every few seconds.
 */
export const POLL_DELAYS_MS: readonly number[] = [5_000, 10_000, 20_000, 40_000, 60_000];

/** True while a lane's latest run has not completed or its CI is pending: the view will change soon. */
export function isInFlight(view: TrainGitHubView | null): boolean {
  if (view?.state !== 'connected') return false;
  return view.lanes.some((lane) => lane.ci === 'pending' || (lane.latestRun && lane.latestRun.status !== 'completed'));
}

/** The wait before the next look at GitHub after `polls` looks, or null when nothing is in flight. */
export function pollDelay(view: TrainGitHubView | null, polls: number): number | null {
  if (!isInFlight(view)) return null;
  return POLL_DELAYS_MS[Math.min(polls, POLL_DELAYS_MS.length - 1)] ?? null;
}

/** How a status is drawn: an icon (by name, the component picks the glyph) and a colour. */
export type StatusIcon = 'check' | 'cross' | 'clock' | 'spinner' | 'slash' | 'dash';

/** A status as one word with its icon and colour; the word is what screen readers read. */
export interface StatusMark {
  word: string;
  icon: StatusIcon;
  tone: 'success' | 'failure' | 'pending' | 'neutral';
}

const FAILED_CONCLUSIONS = new Set(['failure', 'timed_out', 'startup_failure', 'action_required']);
const SKIPPED_CONCLUSIONS = new Set(['skipped', 'neutral', 'stale']);

/**
 * A workflow run's state in one word: Queued / Running until it completes, then Succeeded / Failed /
 * Cancelled / Skipped from its conclusion. GitHub's `requested`, `waiting` and `pending` all mean the
 * run has not started, so they read as Queued.
 */
export function runStatusOf(run: Pick<TrainWorkflowRun, 'status' | 'conclusion'>): StatusMark {
  if (run.status !== 'completed') {
    return run.status === 'in_progress'
      ? { word: 'Running', icon: 'spinner', tone: 'pending' }
      : { word: 'Queued', icon: 'clock', tone: 'pending' };
  }
  const conclusion = run.conclusion ?? '';
  if (conclusion === 'success') return { word: 'Succeeded', icon: 'check', tone: 'success' };
  if (conclusion === 'cancelled') return { word: 'Cancelled', icon: 'slash', tone: 'neutral' };
  if (SKIPPED_CONCLUSIONS.has(conclusion)) return { word: 'Skipped', icon: 'slash', tone: 'neutral' };
  if (FAILED_CONCLUSIONS.has(conclusion)) return { word: 'Failed', icon: 'cross', tone: 'failure' };
  // A conclusion GitHub added after this was written: say it finished rather than guess how.
  return { word: 'Finished', icon: 'dash', tone: 'neutral' };
}

/** The CI verdict on a lane head in one word. */
export function ciStatusOf(ci: CiState): StatusMark {
  switch (ci) {
    case 'success':
      return { word: 'Passing', icon: 'check', tone: 'success' };
    case 'failure':
      return { word: 'Failing', icon: 'cross', tone: 'failure' };
    case 'pending':
      return { word: 'Pending', icon: 'clock', tone: 'pending' };
    case 'none':
      return { word: 'No checks', icon: 'dash', tone: 'neutral' };
  }
}

/** The key of a pair in `waitingPulls`, e.g. `development→staging`, as main writes it. */
export function pairKey(from: Lane, to: Lane): string {
  return `${from}→${to}`;
}

/** GitHub's merged PRs waiting to move from `from` into `to`, or null when GitHub did not say. */
export function waitingPullsOf(view: ConnectedGitHubView | null, from: Lane, to: Lane): TrainPull[] | null {
  return view?.waitingPulls[pairKey(from, to)] ?? null;
}

/** What GitHub says about one lane, or null when the view has no entry for it. */
export function laneGitHubOf(view: ConnectedGitHubView | null, lane: Lane): LaneGitHub | null {
  return view?.lanes.find((entry) => entry.lane === lane) ?? null;
}

/**
 * Open PRs in train order: by the lane their base is (`laneBranches` lists the lane branches,
 * development first), PRs into other branches last, and the newest first within a lane.
 */
export function sortOpenPulls(pulls: readonly TrainPull[], laneBranches: readonly string[]): TrainPull[] {
  const rank = (pull: TrainPull) => {
    const index = laneBranches.indexOf(pull.base);
    return index === -1 ? laneBranches.length : index;
  };
  return [...pulls].sort((a, b) => rank(a) - rank(b) || b.number - a.number);
}

/**
 * The address a run or PR link may open, or null to show it as plain text. The practice server's pages
 * are on `http://127.0.0.1…`, which `shell.openExternal` refuses (it opens https GitHub pages only).
 */
export function openableUrl(url: string, practice: boolean): string | null {
  if (practice) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The tooltip of a run or PR shown as plain text on a practice project. */
export const PRACTICE_LINK_TITLE = 'Practice links have no web page';

/**
 * Advice for a failed `train.github`. The train's own advice speaks of origin (git); here the server is
 * GitHub's API and the usual fix for a refused token is in Settings.
 */
export function githubErrorAdvice(code: IpcErrorCode): ErrorAdvice {
  switch (code) {
    case 'AUTH_FAILED':
      return {
        title: 'GitHub refused the token',
        next: 'The token may have been revoked or have expired: connect again in Settings → GitHub, then press Try again.',
      };
    case 'NETWORK':
      return { title: 'GitHub could not be reached', next: 'Check your connection, then press Try again.' };
    case 'NOT_FOUND':
      return {
        title: 'GitHub did not find the repository',
        next: 'Check that the token can see this repository (Settings → GitHub), then press Try again.',
      };
    default:
      return trainErrorAdvice(code);
  }
}

/** Failures fixed in Settings → GitHub, so the alert links there. */
export function isFixedInSettings(code: IpcErrorCode): boolean {
  return code === 'AUTH_FAILED' || code === 'PERMISSION_DENIED' || code === 'GITHUB_NOT_CONNECTED';
}
