import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlowRun } from '../../../shared/domain/flows/flow-plan';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk } from '../lib/release-desk';
import { useSeenRuns } from './run-events';
import { mergeRuns } from './run-list';

/** What the run list is doing. */
export type FlowRunsState =
  { status: 'loading' } | { status: 'failed'; error: IpcError } | { status: 'ready'; runs: FlowRun[] };

/** The runs and a way to read the journal again. */
export interface FlowRunsModel {
  state: FlowRunsState;
  /** Reads `flows.runs` again; the list on screen stays while it loads. */
  reload: () => Promise<void>;
}

/**
 * The journal's runs, of one project or of all, newest first, kept current by `flows.progress`: a step
 * that ends anywhere in the app updates the list without asking main again.
 */
export function useFlowRuns(projectId?: string): FlowRunsModel {
  const [loaded, setLoaded] = useState<FlowRunsState>({ status: 'loading' });
  const seen = useSeenRuns();

  const load = useCallback(
    () => callReleaseDesk((api) => api.flows.runs(projectId === undefined ? {} : { projectId })),
    [projectId],
  );

  const reload = useCallback(async () => {
    setLoaded((previous) => (previous.status === 'failed' ? { status: 'loading' } : previous));
    const result = await load();
    setLoaded(result.ok ? { status: 'ready', runs: result.value } : { status: 'failed', error: result.error });
  }, [load]);

  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { status: 'ready', runs: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [load]);

  const state = useMemo<FlowRunsState>(
    () => (loaded.status === 'ready' ? { status: 'ready', runs: mergeRuns(loaded.runs, seen, projectId) } : loaded),
    [loaded, seen, projectId],
  );
  return { state, reload };
}
