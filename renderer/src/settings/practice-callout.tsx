import { FlaskConical, Plug } from 'lucide-react';
import { useState } from 'react';
import type { ConnectResult } from '../../../shared/domain/github/github-account';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';
import { connectErrorAdvice } from './connect-error-advice';
import { ConnectionSuccess } from './connect-form';

/** Props of {@link PracticeCallout}. */
export interface PracticeCalloutProps {
  /** The practice account is already connected: the callout only stays to show a connect it just made. */
  connected: boolean;
  onConnected: (result: ConnectResult) => void;
}

/**
 * Shown while a practice project exists: one button connects the practice server's account, whose
 * token stays in main. Once connected the callout goes, unless it is showing the connect it just made.
 */
export function PracticeCallout({ connected, onConnected }: PracticeCalloutProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [result, setResult] = useState<ConnectResult | null>(null);
  const [wasConnected, setWasConnected] = useState(connected);
  // A success shown earlier is stale once the account is disconnected again (state adjusted in render,
  // React's pattern for state that follows a prop).
  if (wasConnected !== connected) {
    setWasConnected(connected);
    if (!connected) setResult(null);
  }
  if (connected && !result) return null;

  const connect = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await callReleaseDesk((api) => api.practice.connect({}));
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
      onConnected(answer.value);
    } else {
      setError(answer.error);
    }
  };

  const advice = error ? connectErrorAdvice(error.code) : null;
  return (
    <section className="callout" aria-labelledby="practice-callout-title">
      <span className="callout__icon" aria-hidden="true">
        <FlaskConical />
      </span>
      <div className="callout__body">
        <h3 className="callout__title" id="practice-callout-title">
          Practice project
        </h3>
        {result ? (
          <ConnectionSuccess result={result} />
        ) : (
          <>
            <p className="callout__text">
              The practice project runs on a GitHub-compatible server on this machine. Connect its account to try
              freeze, promote and release without touching a real repository.
            </p>
            <div>
              <Button icon={Plug} busy={busy} aria-disabled={busy} onClick={() => void connect()}>
                Connect the practice account
              </Button>
            </div>
          </>
        )}
        {error && advice ? <ErrorAlert error={error} title={advice.title} next={advice.next} /> : null}
      </div>
    </section>
  );
}
