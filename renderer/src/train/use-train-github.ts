import { useCallback, useEffect, useRef, useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import type { TrainGitHubView } from '../../../shared/domain/train/train-github';
import type { TrainReport } from '../../../shared/ipc/contract';
import { callReleaseDesk } from '../lib/release-desk';
import { initialGitHubLoad, pollDelay, settleGitHubLoad, startGitHubLoad, type GitHubLoad } from './train-github-model';

/** The GitHub side of the Train screen and Try again. */
export interface TrainGitHubModel {
  load: GitHubLoad;
  /**
   * Whether the project's host has a connected account (so `train.github` will most likely answer
   * "connected"); null until Settings answered. Decides whether the cards hold placeholder rows.
   */
  expectConnected: boolean | null;
  /** Asks GitHub again, without recomputing the git side. */
  retry: () => void;
}

/**
 * The last GitHub view per project, for this window's lifetime: coming back to the Train screen shows it
 * at once (with the git status cached beside it) instead of rows that appear later and push the cards.
 */
const lastViews = new Map<string, TrainGitHubView>();

/**
 * Loads `train.github` after each `train.status` that succeeded: `report` is the status on screen, and a
 * new object each time one arrives (a failed call leaves the old one). The git side never waits for
 * this. While a deploy runs or CI is pending it looks again now and then, so the run's end shows
 * without a Refresh. Calls are numbered, and an answer a newer call superseded is dropped.
 */
export function useTrainGitHub(project: Project, report: TrainReport | null): TrainGitHubModel {
  const { id: projectId, addedAt } = project;
  const host = project.repository.host;
  const cacheKey = `${projectId}\n${addedAt}`;
  // `answeredFor` is the status the last answer followed: while it is not the one on screen, a call runs.
  const [state, setState] = useState<{ load: GitHubLoad; answeredFor: TrainReport | null }>(() => ({
    load: initialGitHubLoad(lastViews.get(cacheKey) ?? null),
    answeredFor: null,
  }));
  const [expectConnected, setExpectConnected] = useState<boolean | null>(null);
  const sequence = useRef(0);
  const mounted = useRef(true);
  // Looks at GitHub since the last `train.status`, for the polling back-off.
  const polls = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Settings know the connected hosts without asking GitHub: quick enough to answer before the git side.
  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.github.accounts({})).then((result) => {
      if (live && result.ok) setExpectConnected(result.value.some((account) => account.host === host));
    });
    return () => {
      live = false;
    };
  }, [host]);

  const ask = useCallback(
    (forReport: TrainReport) => {
      sequence.current += 1;
      const call = sequence.current;
      void callReleaseDesk((api) => api.train.github({ projectId })).then((result) => {
        if (!mounted.current || call !== sequence.current) return;
        if (result.ok) lastViews.set(cacheKey, result.value);
        setState((current) => ({ load: settleGitHubLoad(current.load, result), answeredFor: forReport }));
      });
    },
    [projectId, cacheKey],
  );

  useEffect(() => {
    polls.current = 0;
    if (report) ask(report);
  }, [report, ask]);

  const loading = state.load.loading || (report !== null && state.answeredFor !== report);

  // A deploy running or CI pending will change soon: look again, less often each time. Not after a
  // failure (a rate limit must not be hit again by itself); Try again is the user's call.
  const { view, error } = state.load;
  useEffect(() => {
    if (!report || loading || error) return;
    const delay = pollDelay(view, polls.current);
    if (delay === null) return;
    const timer = window.setTimeout(() => {
      polls.current += 1;
      ask(report);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [report, loading, view, error, ask]);

  const retry = useCallback(() => {
    if (loading || !report) return;
    setState((current) => ({ ...current, load: startGitHubLoad(current.load) }));
    ask(report);
  }, [loading, report, ask]);

  return { load: { ...state.load, loading }, expectConnected, retry };
}
