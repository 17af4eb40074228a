import { TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import type { IpcError } from '../../../shared/ipc/errors';

/** Props of {@link ErrorAlert}. */
export interface ErrorAlertProps {
  error: IpcError;
  /** A short heading above the message, e.g. the advice title for the error's code. */
  title?: string;
  /** What to try next, shown after the message (and its detail). */
  next?: ReactNode;
  /** An optional action, e.g. a "Try again" button. */
  action?: ReactNode;
  id?: string;
}

/**
 * An inline error: the message (already a sentence that says what to try) and, when present, the
 * technical detail in smaller text, so a user can pass git's own words on when asking for help.
 */
export function ErrorAlert({ error, title, next, action, id }: ErrorAlertProps) {
  return (
    <div className="alert alert--error" role="alert" id={id}>
      <TriangleAlert className="alert__icon" aria-hidden="true" />
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        <p className="alert__message">{error.message}</p>
        {error.detail ? <p className="alert__detail">{error.detail}</p> : null}
        {next ? <p className="alert__next">{next}</p> : null}
        {action ? <div className="alert__action">{action}</div> : null}
      </div>
    </div>
  );
}
