import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { Unplug } from 'lucide-react';
import { useState } from 'react';
import type { GitHubAccountView } from '../../../shared/domain/github/github-account';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';

/** Props of {@link DisconnectAccountDialog}. */
export interface DisconnectAccountDialogProps {
  /** The account to disconnect; the dialog is open while this is set. */
  account: GitHubAccountView | null;
  onClose: () => void;
  onDisconnected: (account: GitHubAccountView) => void;
  /** Where focus goes when the dialog closes; the row's button is gone after a disconnect. */
  returnFocusTo: () => HTMLElement | null;
}

/**
 * The confirmation before disconnecting an account. It says what really happens: the keychain entry
 * goes, but the token itself stays valid on GitHub until the user revokes it there.
 */
export function DisconnectAccountDialog({
  account,
  onClose,
  onDisconnected,
  returnFocusTo,
}: DisconnectAccountDialogProps) {
  return (
    <AlertDialog.Root open={account !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        {account ? (
          <DisconnectContent account={account} onDisconnected={onDisconnected} returnFocusTo={returnFocusTo} />
        ) : null}
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function DisconnectContent({
  account,
  onDisconnected,
  returnFocusTo,
}: {
  account: GitHubAccountView;
  onDisconnected: (account: GitHubAccountView) => void;
  returnFocusTo: () => HTMLElement | null;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const disconnect = async () => {
    setBusy(true);
    setError(null);
    const result = await callReleaseDesk((api) => api.github.disconnect({ host: account.host }));
    setBusy(false);
    if (result.ok) onDisconnected(account);
    else setError(result.error);
  };

  return (
    <AlertDialog.Content
      className="dialog dialog--narrow"
      onEscapeKeyDown={(event) => busy && event.preventDefault()}
      onCloseAutoFocus={(event) => {
        const target = returnFocusTo();
        if (target?.isConnected) {
          event.preventDefault();
          target.focus();
        }
      }}
    >
      <header className="dialog__header">
        <AlertDialog.Title className="dialog__title">
          Disconnect @{account.login} from {account.host}?
        </AlertDialog.Title>
        <AlertDialog.Description className="dialog__description">
          Release Desk removes the token from your keychain. The token itself still works until you revoke it on GitHub.
        </AlertDialog.Description>
      </header>
      {error ? <ErrorAlert error={error} /> : null}
      <footer className="dialog__footer">
        <AlertDialog.Cancel asChild>
          <Button disabled={busy}>Cancel</Button>
        </AlertDialog.Cancel>
        <Button variant="danger" icon={Unplug} busy={busy} disabled={busy} onClick={() => void disconnect()}>
          Disconnect
        </Button>
      </footer>
    </AlertDialog.Content>
  );
}
