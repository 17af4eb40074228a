import { RotateCw, TriangleAlert } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { SettingsLink } from '../components/settings-link';
import { notesErrorAdvice } from './notes-error-advice';

/** Props of {@link NotesErrorPanel}. */
export interface NotesErrorPanelProps {
  error: IpcError;
  onRetry: () => void;
  /** A generation is running: Try again waits (it stays focusable, so keyboard focus is not lost). */
  busy: boolean;
}

/**
 * Shown in place of the notes when they could not be generated: what happened (main's message, which
 * names the ref or field), what to try, and Try again with the fields as they are now.
 */
export function NotesErrorPanel({ error, onRetry, busy }: NotesErrorPanelProps) {
  const advice = notesErrorAdvice(error.code);
  const [summary, ...lines] = error.message.split('\n');
  const details = lines.map((line) => line.replace(/^\s*-\s*/, '').trim()).filter(Boolean);
  return (
    <div className="alert alert--error train-error notes-error" role="alert" id="notes-error">
      <TriangleAlert className="alert__icon" aria-hidden="true" />
      <div className="alert__body">
        <h2 className="train-error__title">{advice.title}</h2>
        <p className="alert__message">{summary}</p>
        {details.length > 0 ? (
          <ul className="train-error__fields">
            {details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {error.detail ? <p className="alert__detail">{error.detail}</p> : null}
        <p className="train-error__next">{advice.next}</p>
        <div className="alert__action">
          <Button icon={RotateCw} busy={busy} aria-disabled={busy} onClick={() => (busy ? undefined : onRetry())}>
            Try again
          </Button>
          {error.code === 'GITHUB_NOT_CONNECTED' ? <SettingsLink /> : null}
        </div>
      </div>
    </div>
  );
}
