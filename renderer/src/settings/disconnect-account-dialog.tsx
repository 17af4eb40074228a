import { Unplug } from 'lucide-react';
import type { GitHubAccountView } from '../../../shared/domain/github/github-account';
import { ConfirmDialog } from '../components/confirm-dialog';
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
    <ConfirmDialog
      open={account !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={account ? `Disconnect @${account.login} from ${account.host}?` : ''}
      description="Release Desk removes the token from your keychain. The token itself still works until you revoke it on GitHub."
      confirm="Disconnect"
      icon={Unplug}
      variant="danger"
      returnFocusTo={returnFocusTo}
      onConfirm={async () => {
        if (!account) return null;
        const result = await callReleaseDesk((api) => api.github.disconnect({ host: account.host }));
        if (!result.ok) return result.error;
        onDisconnected(account);
        return null;
      }}
    />
  );
}
