import { useCallback, useEffect, useState } from 'react';
import type { GitHubAccountView } from '../../../shared/domain/github/github-account';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk } from '../lib/release-desk';

/** What the list of connected accounts is doing right now. */
export type AccountsState =
  { status: 'loading' } | { status: 'failed'; error: IpcError } | { status: 'ready'; accounts: GitHubAccountView[] };

/** The connected accounts and a way to reload them. */
export interface AccountsModel {
  state: AccountsState;
  /** Fetches the list again; a list on screen stays there while it loads (no skeleton flash). */
  reload: () => Promise<void>;
}

/** Loads the connected GitHub accounts through `github.accounts`. Tokens never come with them. */
export function useGitHubAccounts(): AccountsModel {
  const [state, setState] = useState<AccountsState>({ status: 'loading' });

  const reload = useCallback(async () => {
    setState((previous) => (previous.status === 'failed' ? { status: 'loading' } : previous));
    const result = await callReleaseDesk((api) => api.github.accounts({}));
    setState(result.ok ? { status: 'ready', accounts: result.value } : { status: 'failed', error: result.error });
  }, []);

  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.github.accounts({})).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', accounts: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, []);

  return { state, reload };
}
