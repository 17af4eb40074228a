import * as Dialog from '@radix-ui/react-dialog';
import { FolderOpen, Plus } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { callReleaseDesk } from '../lib/release-desk';
import { AddProgress } from './add-progress';
import { useAddProject, type AddProjectState } from './use-add-project';

/** Props of {@link AddProjectDialog}. */
export interface AddProjectDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called once the project is saved; the dialog has already asked to close. */
  onAdded: (project: Project) => void;
  /** Where focus goes back to when the dialog closes (the button that opened it). */
  returnFocusTo: () => HTMLElement | null;
}

/** The "Add project" dialog: a folder or URL, a folder picker, progress while cloning, inline errors. */
export function AddProjectDialog({ open, onOpenChange, onAdded, returnFocusTo }: AddProjectDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {/* Mounted only while open, so each opening starts from a clean form. */}
        <AddProjectForm
          onCancel={() => onOpenChange(false)}
          onAdded={(project) => {
            onOpenChange(false);
            onAdded(project);
          }}
          returnFocusTo={returnFocusTo}
        />
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface AddProjectFormProps {
  onCancel: () => void;
  onAdded: (project: Project) => void;
  returnFocusTo: () => HTMLElement | null;
}

function AddProjectForm({ onCancel, onAdded, returnFocusTo }: AddProjectFormProps) {
  const { state, add, fail, clearError } = useAddProject();
  const [source, setSource] = useState('');
  const [picking, setPicking] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const busy = state.status === 'running';

  const pickFolder = async () => {
    setPicking(true);
    const result = await callReleaseDesk((api) => api.dialog.pickFolder({}));
    setPicking(false);
    if (!result.ok) {
      fail(result.error);
      return;
    }
    // null means the user closed the picker: leave whatever they had typed.
    if (result.value.path === null) return;
    setSource(result.value.path);
    clearError();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (source.trim() === '') {
      fail({ code: 'INVALID_ARGUMENTS', message: 'Enter the folder of a local clone, or a GitHub URL.' });
      return;
    }
    const project = await add(source.trim());
    if (project) onAdded(project);
  };

  // The field is disabled while the add runs, which drops focus; after a failure put the user back in
  // it, next to the message, to fix the value.
  useEffect(() => {
    if (state.status === 'failed') inputRef.current?.focus();
  }, [state.status]);

  return (
    <Dialog.Content
      className="dialog"
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        inputRef.current?.focus();
      }}
      onCloseAutoFocus={(event) => {
        const target = returnFocusTo();
        if (target?.isConnected) {
          event.preventDefault();
          target.focus();
        }
      }}
      // A clone in flight cannot be cancelled yet; closing would hide its outcome, so the dialog stays.
      onEscapeKeyDown={(event) => busy && event.preventDefault()}
      // A stray click beside a form must not throw away what was typed; Cancel and Escape close it.
      onInteractOutside={(event) => event.preventDefault()}
    >
      <form className="dialog__form" onSubmit={submit} noValidate>
        <header className="dialog__header">
          <Dialog.Title className="dialog__title">Add a project</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Release Desk makes its own clone to work in, so your working copy is never touched.
          </Dialog.Description>
        </header>

        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            Folder or remote URL
          </label>
          <div className="field__row">
            <input
              ref={inputRef}
              id={inputId}
              className="input"
              type="text"
              value={source}
              onChange={(event) => {
                setSource(event.target.value);
                clearError();
              }}
              placeholder="/home/you/code/field-tm or https://github.com/hotosm/field-tm"
              autoComplete="off"
              spellCheck={false}
              disabled={busy}
              aria-invalid={state.status === 'failed'}
              aria-describedby={state.status === 'failed' ? `${hintId} ${errorId}` : hintId}
            />
            <Button icon={FolderOpen} onClick={() => void pickFolder()} disabled={busy || picking}>
              Choose folder…
            </Button>
          </div>
          <p className="field__hint" id={hintId}>
            A local clone (its GitHub remote is used) or a repository URL on GitHub or GitHub Enterprise.
          </p>
        </div>

        <AddStatus state={state} errorId={errorId} />

        <footer className="dialog__footer">
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" icon={Plus} busy={busy} disabled={busy}>
            Add project
          </Button>
        </footer>
      </form>
    </Dialog.Content>
  );
}

/** The slot under the field: nothing, the progress of the add, or what went wrong. */
function AddStatus({ state, errorId }: { state: AddProjectState; errorId: string }) {
  switch (state.status) {
    case 'editing':
      return null;
    case 'running':
      return <AddProgress progress={state.progress} />;
    case 'failed':
      return <ErrorAlert error={state.error} id={errorId} />;
    default:
      return assertNever(state);
  }
}
