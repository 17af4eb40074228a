import { useCallback, useEffect, useState } from 'react';
import type { DemoView } from '../../../shared/domain/demos/demo';
import type { Envelope } from '../../../shared/ipc/api';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk } from '../lib/release-desk';

/** The inventory as loaded: every demo on every server, reconciled with what this machine launched. */
export type DemosState =
  | { status: 'loading' }
  | { status: 'failed'; error: IpcError }
  | { status: 'ready'; demos: DemoView[]; refreshing: boolean };

/** The inventory and a way to reload it. */
export interface DemosModel {
  state: DemosState;
  /** Asks the servers again; the table stays on screen while it does (no skeleton flash). */
  reload: () => Promise<void>;
}

function stateOf(result: Envelope<DemoView[]>): DemosState {
  return result.ok
    ? { status: 'ready', demos: result.value, refreshing: false }
    : { status: 'failed', error: result.error };
}

/** Loads the inventory through `demos.list`, which asks every server in parallel. */
export function useDemos(): DemosModel {
  const [state, setState] = useState<DemosState>({ status: 'loading' });

  const reload = useCallback(async () => {
    setState((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    setState(stateOf(await callReleaseDesk((api) => api.demos.list({}))));
  }, []);

  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.demos.list({})).then((result) => {
      if (live) setState(stateOf(result));
    });
    return () => {
      live = false;
    };
  }, []);

  return { state, reload };
}
