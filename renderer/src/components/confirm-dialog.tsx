import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { LucideIcon } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button, type ButtonVariant } from './button';
import { ErrorAlert } from './error-alert';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The confirming button's label, e.g. "Abandon run". */
  confirm: string;
  icon?: LucideIcon;
  variant?: ButtonVariant;
  /**
   * Does the thing; resolves with an error to show, or null, after which the dialog closes. A call
   * that only starts something (Start) resolves at once.
   */
  onConfirm: () => Promise<IpcError | null>;
  /** Where focus goes when the dialog closes, when the control that opened it may be gone. */
  returnFocusTo?: () => HTMLElement | null;
}

/**
 * A confirmation before something others see or that cannot be undone (start a run, abandon one, break a
 * lock, disconnect an account): it names the effect, and Cancel is the default focus (Radix AlertDialog),
 * so Enter never confirms by accident. A failure stays in the dialog, which then stays open.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirm,
  icon,
  variant = 'primary',
  onConfirm,
  returnFocusTo,
}: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        {open ? (
          <ConfirmContent
            title={title}
            description={description}
            confirm={confirm}
            icon={icon}
            variant={variant}
            onConfirm={onConfirm}
            returnFocusTo={returnFocusTo}
            onDone={() => onOpenChange(false)}
          />
        ) : null}
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function ConfirmContent({
  title,
  description,
  confirm,
  icon,
  variant,
  onConfirm,
  returnFocusTo,
  onDone,
}: Omit<ConfirmDialogProps, 'open' | 'onOpenChange'> & { onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    const failure = await onConfirm();
    setBusy(false);
    if (failure) setError(failure);
    else onDone();
  };

  return (
    <AlertDialog.Content
      className="dialog dialog--narrow"
      onEscapeKeyDown={(event) => busy && event.preventDefault()}
      onCloseAutoFocus={(event) => {
        const target = returnFocusTo?.();
        if (target?.isConnected) {
          event.preventDefault();
          target.focus();
        }
      }}
    >
      <header className="dialog__header">
        <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
        <AlertDialog.Description className="dialog__description">{description}</AlertDialog.Description>
      </header>
      {error ? <ErrorAlert error={error} /> : null}
      <footer className="dialog__footer">
        <AlertDialog.Cancel asChild>
          <Button disabled={busy}>Cancel</Button>
        </AlertDialog.Cancel>
        <Button variant={variant} icon={icon} busy={busy} disabled={busy} onClick={() => void run()}>
          {confirm}
        </Button>
      </footer>
    </AlertDialog.Content>
  );
}
