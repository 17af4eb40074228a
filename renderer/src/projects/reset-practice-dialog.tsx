import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { RotateCcw } from 'lucide-react';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { PracticeStatus } from './practice-status';
import { usePracticeRun } from './use-practice-run';

/** Props of {@link ResetPracticeDialog}. */
export interface ResetPracticeDialogProps {
  /** The practice project to reset; the dialog is open while this is set. */
  project: Project | null;
  onClose: () => void;
  onReset: (project: Project) => void;
  /** Where focus goes when the dialog closes. */
  returnFocusTo: () => HTMLElement | null;
}

/**
 * The confirmation before resetting the practice project. It names the effect (the repository and its
 * GitHub history are rebuilt) and what is kept (the connection), then shows the rebuild's progress.
 */
export function ResetPracticeDialog({ project, onClose, onReset, returnFocusTo }: ResetPracticeDialogProps) {
  return (
    <AlertDialog.Root open={project !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        {project ? <ResetContent onReset={onReset} returnFocusTo={returnFocusTo} /> : null}
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function ResetContent({
  onReset,
  returnFocusTo,
}: {
  onReset: (project: Project) => void;
  returnFocusTo: () => HTMLElement | null;
}) {
  const { state, run, dismiss } = usePracticeRun();
  const busy = state.status === 'running';

  const reset = async () => {
    if (busy) return;
    const project = await run('reset');
    if (project) onReset(project);
  };

  return (
    <AlertDialog.Content
      className="dialog dialog--narrow"
      // A rebuild in flight cannot be stopped half-way; closing would hide its outcome, so the dialog stays.
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
        <AlertDialog.Title className="dialog__title">Reset the practice project?</AlertDialog.Title>
        <AlertDialog.Description className="dialog__description">
          This rebuilds the practice repository and its GitHub history from scratch. Your connection is kept.
        </AlertDialog.Description>
      </header>
      <PracticeStatus state={state} onDismiss={dismiss} />
      <footer className="dialog__footer">
        <AlertDialog.Cancel asChild>
          <Button disabled={busy}>Cancel</Button>
        </AlertDialog.Cancel>
        <Button variant="danger" icon={RotateCcw} busy={busy} aria-disabled={busy} onClick={() => void reset()}>
          Reset practice project
        </Button>
      </footer>
    </AlertDialog.Content>
  );
}
