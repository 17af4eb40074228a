import { useCallback, useEffect, useState } from 'react';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import type { Envelope } from '../../../shared/ipc/api';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk } from '../lib/release-desk';

/** The demo servers as loaded. */
export type ServersState =
  { status: 'loading' } | { status: 'failed'; error: IpcError } | { status: 'ready'; servers: SshServer[] };

/** The servers and a way to reload them. */
export interface ServersModel {
  state: ServersState;
  reload: () => Promise<void>;
}

function stateOf(result: Envelope<SshServer[]>): ServersState {
  return result.ok ? { status: 'ready', servers: result.value } : { status: 'failed', error: result.error };
}

/** Loads the demo servers through `servers.list` (settings only: no key or passphrase comes with them). */
export function useServers(): ServersModel {
  const [state, setState] = useState<ServersState>({ status: 'loading' });

  const reload = useCallback(async () => {
    setState(stateOf(await callReleaseDesk((api) => api.servers.list({}))));
  }, []);

  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.servers.list({})).then((result) => {
      if (live) setState(stateOf(result));
    });
    return () => {
      live = false;
    };
  }, []);

  return { state, reload };
}
