import { useCallback, useEffect, useRef, useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import { callReleaseDesk, releaseDeskApi } from '../lib/release-desk';
import { isRecentFetch, readCachedReport, writeCachedReport, type TrainCacheKey } from './train-report-cache';
import {
  settle,
  startActivity,
  withFetchProgress,
  withProblem,
  type FailureMode,
  type TrainView,
} from './train-view-state';

/** The Train screen's status and the actions that change it. */
export interface TrainReportModel {
  view: TrainView;
  /** Fetches from origin, then recomputes; the status on screen stays while it runs. */
  refresh: () => void;
  /** Asks for a `.release-desk.yml` outside the repository, uses it, and recomputes. */
  chooseConfigFile: () => void;
  /** Drops the outside file: the repository's own `.release-desk.yml` (or the defaults) apply again. */
  revertToRepositoryConfig: () => void;
}

function initialView(key: TrainCacheKey): TrainView {
  const cached = readCachedReport(key);
  if (!cached) return { status: 'loading', activity: { kind: 'reading' } };
  return { status: 'ready', ...cached, activity: { kind: 'idle' }, problem: null };
}

/**
 * Loads a project's train status. On opening it first shows what the managed clone already has (no
 * network, so it is quick), then, unless the clone was fetched in the last minutes, fetches from origin
 * in the background and replaces it. One call runs at a time, and each has a number: an answer to a
 * call that a newer one superseded (the screen was left and opened again) is dropped.
 */
export function useTrainReport(project: Project, onProjectChanged: (project: Project) => void): TrainReportModel {
  const { id: projectId, addedAt } = project;
  // The config file the next answer is computed with. It changes here, before the project list
  // (and so the `project` prop) catches up.
  const configFileRef = useRef(project.configFile);
  const [view, setView] = useState<TrainView>(() =>
    initialView({ projectId, addedAt, configFile: project.configFile }),
  );
  const sequence = useRef(0);

  const run = useCallback(
    async (fetch: boolean, onError: FailureMode): Promise<boolean> => {
      sequence.current += 1;
      const call = sequence.current;
      setView((current) => startActivity(current, fetch ? { kind: 'fetching', progress: null } : { kind: 'reading' }));
      const result = await callReleaseDesk((api) => api.train.status({ projectId, fetch }));
      if (call !== sequence.current) return false;
      const problemTitle = fetch ? 'Could not refresh the train.' : 'Could not read the train.';
      setView((current) =>
        settle(current, result, { fetched: fetch, onError, problemTitle, now: new Date(), fallbackFetchedAt: addedAt }),
      );
      return result.ok;
    },
    [projectId, addedAt],
  );

  // Only a settled status is remembered: while a config change runs, the ref already names the new file
  // but the status on screen is still the old config's.
  useEffect(() => {
    if (view.status === 'ready' && view.activity.kind === 'idle') {
      writeCachedReport(
        { projectId, addedAt, configFile: configFileRef.current },
        { report: view.report, fetchedAt: view.fetchedAt },
      );
    }
  }, [view, projectId, addedAt]);

  useEffect(
    () =>
      releaseDeskApi()?.on('train.fetchProgress', (progress) => {
        if (progress.projectId === projectId) setView((current) => withFetchProgress(current, progress));
      }),
    [projectId],
  );

  useEffect(() => {
    let live = true;
    const cached = readCachedReport({ projectId, addedAt, configFile: configFileRef.current });
    const open = async () => {
      if (!cached && !(await run(false, 'replace'))) return;
      // A project added a moment ago has a fresh clone; fetching again would only repeat the work.
      if (!live || isRecentFetch(cached?.fetchedAt ?? addedAt, new Date())) return;
      await run(true, 'keep');
    };
    void open();
    return () => {
      live = false;
    };
  }, [projectId, addedAt, run]);

  const applyConfig = useCallback(
    async (path: string | null) => {
      sequence.current += 1;
      const call = sequence.current;
      setView((current) => startActivity(current, { kind: 'reading' }));
      const saved = await callReleaseDesk((api) => api.projects.setConfigFile({ id: projectId, path }));
      if (call !== sequence.current) return;
      if (!saved.ok) {
        setView((current) => withProblem(current, { title: 'Could not change the config.', error: saved.error }));
        return;
      }
      configFileRef.current = saved.value.configFile;
      onProjectChanged(saved.value);
      // The status on screen was computed with the old config; if the new one fails, it must go.
      await run(false, 'replace');
    },
    [projectId, onProjectChanged, run],
  );

  // One call at a time: a config change during a fetch would drop the fetch's answer (and its time).
  const busy = view.activity.kind !== 'idle';

  const refresh = useCallback(() => {
    if (!busy) void run(true, 'keep');
  }, [busy, run]);

  const chooseConfigFile = useCallback(() => {
    if (busy) return;
    void (async () => {
      const picked = await callReleaseDesk((api) => api.dialog.pickConfigFile({}));
      if (!picked.ok) {
        setView((current) => withProblem(current, { title: 'Could not open the file picker.', error: picked.error }));
        return;
      }
      // null: the user closed the picker, and nothing changes.
      if (picked.value.path !== null) await applyConfig(picked.value.path);
    })();
  }, [busy, applyConfig]);

  const revertToRepositoryConfig = useCallback(() => {
    if (!busy) void applyConfig(null);
  }, [busy, applyConfig]);

  return { view, refresh, chooseConfigFile, revertToRepositoryConfig };
}
