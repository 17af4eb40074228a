import { Trash2 } from 'lucide-react';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import { ConfirmDialog } from '../components/confirm-dialog';
import { callReleaseDesk } from '../lib/release-desk';

/** Props of {@link ServersRemoveDialog}. */
export interface ServersRemoveDialogProps {
  /** The server to remove; the dialog is open while this is set. */
  server: SshServer | null;
  onClose: () => void;
  onRemoved: (server: SshServer) => void;
  returnFocusTo: () => HTMLElement | null;
}

/** The confirmation before removing a server: it says what goes (key, pin) and what stays (its demos). */
export function ServersRemoveDialog({ server, onClose, onRemoved, returnFocusTo }: ServersRemoveDialogProps) {
  return (
    <ConfirmDialog
      open={server !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={server ? `Remove the server ${server.name}?` : ''}
      description="Release Desk forgets its address and pinned host key and deletes its key and passphrase from your keychain. Demos still running there keep running; tear them down first if nobody needs them."
      confirm="Remove"
      icon={Trash2}
      variant="danger"
      returnFocusTo={returnFocusTo}
      onConfirm={async () => {
        if (!server) return null;
        const result = await callReleaseDesk((api) => api.servers.remove({ name: server.name }));
        if (!result.ok) return result.error;
        onRemoved(server);
        return null;
      }}
    />
  );
}
