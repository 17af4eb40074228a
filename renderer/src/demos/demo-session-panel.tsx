import { CircleCheck, LoaderCircle, RotateCw, TriangleAlert, X } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button, IconButton } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { ExternalLink } from '../components/external-link';
import { assertNever } from '../lib/assert-never';
import { demoErrorAdvice } from './demo-error-advice';
import { demoTitle } from './demo-format';
import { AUTO_REATTACH_ATTEMPTS } from './use-demo-session';
import type { DemoSession, SessionPhase } from './demo-session-model';
import type { LogStore } from './log-store';
import { LogView } from './log-view';

/** Props of {@link DemoSessionPanel}. */
export interface DemoSessionPanelProps {
  session: DemoSession;
  log: LogStore;
  onReattach: () => void;
  onClose: () => void;
  onLinkError: (error: IpcError) => void;
}

/** The demo being launched or followed: where it stands, its URL once ready, and its live log. */
export function DemoSessionPanel({ session, log, onReattach, onClose, onLinkError }: DemoSessionPanelProps) {
  const title = session.mode === 'launch' ? `Launching ${demoTitle(session)}` : `Log of ${demoTitle(session)}`;
  return (
    <section className="demo-session" aria-labelledby={`session-${session.id}`}>
      <header className="demo-session__header">
        <h2 className="demo-session__title" id={`session-${session.id}`}>
          {title}
        </h2>
        <IconButton icon={X} aria-label="Close the log (the demo keeps running)" onClick={onClose} />
      </header>
      <PhaseLine
        phase={session.phase}
        server={session.server}
        live={session.live === true}
        onReattach={onReattach}
        onLinkError={onLinkError}
      />
      <LogView store={log} label={`Log of ${session.name}`} />
    </section>
  );
}

function PhaseLine({
  phase,
  server,
  live,
  onReattach,
  onLinkError,
}: {
  phase: SessionPhase;
  server: string;
  /** The log still streams (a live follow): said once the demo runs. */
  live: boolean;
  onReattach: () => void;
  onLinkError: (error: IpcError) => void;
}) {
  switch (phase.kind) {
    case 'streaming':
      return (
        <p className="demo-session__phase" role="status">
          <LoaderCircle className="demo-session__icon spin" aria-hidden="true" />
          Starting on {server}: the log follows as the deploy command prints it.
        </p>
      );
    case 'reattaching':
      return (
        <p className="demo-session__phase" role="status">
          <LoaderCircle className="demo-session__icon spin" aria-hidden="true" />
          Reattaching to the log on {server} (attempt {phase.attempt})…
        </p>
      );
    case 'dropped':
      return (
        <div className="alert alert--warning" role="alert">
          <TriangleAlert className="alert__icon" aria-hidden="true" />
          <div className="alert__body">
            <p className="alert__title">The connection to {server} dropped</p>
            <p className="alert__message">{phase.reason}</p>
            <p className="alert__next">
              The demo keeps running on the server.{' '}
              {phase.attempt < AUTO_REATTACH_ATTEMPTS
                ? 'Reattaching in a moment…'
                : 'Reattach when the server can be reached again.'}
            </p>
            <div className="alert__action">
              <Button icon={RotateCw} onClick={onReattach}>
                Reattach
              </Button>
            </div>
          </div>
        </div>
      );
    case 'ready':
      return (
        <div className="success" role="status">
          <CircleCheck className="success__icon" aria-hidden="true" />
          <div className="success__body">
            <p className="success__headline">{phase.demo.name} is running.</p>
            {phase.demo.url ? (
              <p>
                Open it at{' '}
                <ExternalLink className="demo-session__url" href={phase.demo.url} onError={onLinkError}>
                  {phase.demo.url}
                </ExternalLink>
              </p>
            ) : (
              <p>The deploy command gave no URL (print DEMO_URL=… or set demos.urlTemplate to show one here).</p>
            )}
            {live ? <p>The log below shows new lines as the demo prints them, until you close it.</p> : null}
          </div>
        </div>
      );
    case 'failed':
      return (
        <ErrorAlert
          title="The deploy command failed"
          error={{
            code: 'INTERNAL',
            message:
              phase.demo.exitCode === null
                ? `The demo ${phase.demo.name} failed on ${server}.`
                : `The deploy command of ${phase.demo.name} exited with status ${phase.demo.exitCode} on ${server}.`,
          }}
          next="Its output is in the log below. Fix the branch or the config, tear the demo down, and launch again."
        />
      );
    case 'ended':
      return (
        <p className="demo-session__phase" role="status">
          {phase.demo.name} has stopped on {server}.
        </p>
      );
    case 'error': {
      const advice = demoErrorAdvice(phase.error.code);
      return <ErrorAlert error={phase.error} title={advice.title} next={advice.next} />;
    }
    default:
      return assertNever(phase);
  }
}
