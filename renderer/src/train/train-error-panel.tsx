import { RotateCw, TriangleAlert } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { SettingsLink } from '../components/settings-link';
import { trainErrorAdvice } from './train-error-advice';

/** Props of {@link TrainErrorPanel}. */
export interface TrainErrorPanelProps {
  error: IpcError;
  /** Replaces the heading, e.g. "Could not refresh the train." for a failure above a kept status. */
  title?: string;
  /** The last good status stays on screen below the panel; the panel says so. */
  statusKept?: boolean;
  onRetry: () => void;
  /** A call is running: Try again waits (it stays focusable, so keyboard focus is not lost). */
  busy: boolean;
}

/**
 * What went wrong and what to try, with Try again. A config error's message lists one field per line
 * (`versioning.scheme: expected one of …`); those lines become a list with the field set in code.
 */
export function TrainErrorPanel({ error, title, statusKept = false, onRetry, busy }: TrainErrorPanelProps) {
  const advice = trainErrorAdvice(error.code);
  const [summary, ...lines] = error.message.split('\n');
  const fields = lines.map((line) => line.replace(/^\s*-\s*/, '').trim()).filter(Boolean);
  return (
    <div className="alert alert--error train-error" role="alert">
      <TriangleAlert className="alert__icon" aria-hidden="true" />
      <div className="alert__body">
        <h2 className="train-error__title">{title ?? advice.title}</h2>
        <p className="alert__message">{summary}</p>
        {fields.length > 0 ? (
          <ul className="train-error__fields">
            {fields.map((line) => (
              <li key={line}>
                <FieldProblem line={line} />
              </li>
            ))}
          </ul>
        ) : null}
        {error.detail ? <p className="alert__detail">{error.detail}</p> : null}
        <p className="train-error__next">
          {advice.next}
          {statusKept ? ' The train below is from the last time it could be read.' : null}
        </p>
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

function FieldProblem({ line }: { line: string }) {
  const colon = line.indexOf(': ');
  if (colon <= 0) return <>{line}</>;
  return (
    <>
      <code>{line.slice(0, colon)}</code>
      {line.slice(colon)}
    </>
  );
}
