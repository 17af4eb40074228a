import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';

/** Props of {@link RemoveProjectDialog}. */
export interface RemoveProjectDialogProps {
  /** The project to remove; the dialog is open while this is set. */
  project: Project | null;
  onClose: () => void;
  onRemoved: (project: Project) => void;
  /** Where focus goes when the dialog closes; the Remove button is gone after a removal. */
  returnFocusTo: () => HTMLElement | null;
}

/**
 * The confirmation before removing a project. It names the exact effect: which clone is deleted (ours)
 * and which one is not (the user's), because "remove" next to a folder path reads like data loss.
 */
export function RemoveProjectDialog({ project, onClose, onRemoved, returnFocusTo }: RemoveProjectDialogProps) {
  return (
    <AlertDialog.Root open={project !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        {project ? (
          <RemoveProjectContent
            project={project}
            onClose={onClose}
            onRemoved={onRemoved}
            returnFocusTo={returnFocusTo}
          />
        ) : null}
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function RemoveProjectContent({
  project,
  onRemoved,
  returnFocusTo,
}: { project: Project } & Omit<RemoveProjectDialogProps, 'project'>) {
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const fullName = `${project.repository.owner}/${project.repository.repo}`;

  const remove = async () => {
    setRemoving(true);
    setError(null);
    const result = await callReleaseDesk((api) => api.projects.remove({ id: project.id }));
    setRemoving(false);
    if (result.ok) onRemoved(project);
    else setError(result.error);
  };

  return (
    <AlertDialog.Content
      className="dialog dialog--narrow"
      onEscapeKeyDown={(event) => removing && event.preventDefault()}
      onCloseAutoFocus={(event) => {
        const target = returnFocusTo();
        if (target?.isConnected) {
          event.preventDefault();
          target.focus();
        }
      }}
    >
      <header className="dialog__header">
        <AlertDialog.Title className="dialog__title">Remove {fullName} from Release Desk?</AlertDialog.Title>
        <AlertDialog.Description className="dialog__description">
          This deletes Release Desk&apos;s own clone at <code className="path">{project.clonePath}</code>.
          {project.localPath ? (
            <>
              {' '}
              Your clone at <code className="path">{project.localPath}</code> is not touched.
            </>
          ) : null}
        </AlertDialog.Description>
      </header>
      {error ? <ErrorAlert error={error} /> : null}
      <footer className="dialog__footer">
        <AlertDialog.Cancel asChild>
          <Button disabled={removing}>Cancel</Button>
        </AlertDialog.Cancel>
        <Button variant="danger" icon={Trash2} busy={removing} disabled={removing} onClick={() => void remove()}>
          Remove project
        </Button>
      </footer>
    </AlertDialog.Content>
  );
}
