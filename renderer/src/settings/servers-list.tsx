import { PlugZap, RotateCw, Server, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { ConnectionReport } from '../../../shared/domain/demos/demo';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { callReleaseDesk } from '../lib/release-desk';
import { serversErrorAdvice } from './servers-error-advice';
import type { ServersState } from './servers-store';
import { ServersTestReport } from './servers-test-report';

/** Props of {@link ServersList}. */
export interface ServersListProps {
  state: ServersState;
  onRetry: () => void;
  /** Asks to remove a server (the caller confirms first). */
  onRemove: (server: SshServer) => void;
}

/** `user@host:port`, the port left out when it is 22. */
export function serverAddress(server: Pick<SshServer, 'user' | 'host' | 'port'>): string {
  return `${server.user}@${server.host}${server.port === 22 ? '' : `:${server.port}`}`;
}

/** The demo servers: each with its address, how it logs in, its pinned host key, and its actions. */
export function ServersList({ state, onRetry, onRemove }: ServersListProps) {
  switch (state.status) {
    case 'loading':
      return (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading servers…
          </p>
          <span className="skeleton skeleton--server-row" />
        </div>
      );
    case 'failed':
      return (
        <ErrorAlert
          error={{ ...state.error, message: `Could not read the servers. ${state.error.message}` }}
          action={
            <Button icon={RotateCw} onClick={onRetry}>
              Try again
            </Button>
          }
        />
      );
    case 'ready':
      if (state.servers.length === 0) {
        return (
          <div className="account-empty">
            <span className="account-empty__icon" aria-hidden="true">
              <Server />
            </span>
            <div>
              <p className="account-empty__title">No server yet</p>
              <p className="account-empty__text">
                Demos run on your own servers over SSH. Add one below: Release Desk shows its host key for you to trust
                and keeps its private key in your keychain.
              </p>
            </div>
          </div>
        );
      }
      return (
        <ul className="account-list" aria-label="Servers">
          {state.servers.map((server) => (
            <li key={server.name}>
              <ServerRow server={server} onRemove={onRemove} />
            </li>
          ))}
        </ul>
      );
    default:
      return assertNever(state);
  }
}

type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'done'; report: ConnectionReport }
  | { status: 'failed'; error: IpcError };

function ServerRow({ server, onRemove }: { server: SshServer; onRemove: (server: SshServer) => void }) {
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const identityId = `server-${server.name}`;
  const runTest = async () => {
    setTest({ status: 'testing' });
    const result = await callReleaseDesk((api) => api.servers.test({ name: server.name }));
    setTest(result.ok ? { status: 'done', report: result.value } : { status: 'failed', error: result.error });
  };
  return (
    <div className="server-row">
      <div className="account-row">
        <div className="account-row__identity" id={identityId}>
          <p className="account-row__who">
            <span className="account-row__login">{server.name}</span>
            <span className="account-row__name">{serverAddress(server)}</span>
          </p>
          <p className="account-row__meta">
            {server.auth === 'agent' ? 'Logs in with the ssh-agent' : 'Logs in with a key kept in your keychain'}
          </p>
          <p className="account-row__meta">
            <span className="path" title="Pinned host key">
              {server.hostKey.algorithm} {server.hostKey.fingerprint}
            </span>
          </p>
        </div>
        <div className="server-row__actions">
          <Button
            icon={PlugZap}
            aria-describedby={identityId}
            busy={test.status === 'testing'}
            aria-disabled={test.status === 'testing'}
            onClick={() => (test.status === 'testing' ? undefined : void runTest())}
          >
            Test connection
          </Button>
          <Button icon={Trash2} aria-describedby={identityId} onClick={() => onRemove(server)}>
            Remove…
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {test.status === 'testing' ? (
          <p className="server-row__testing">Testing {server.name}: name lookup, connection, host key, login…</p>
        ) : null}
        {test.status === 'done' ? <ServersTestReport report={test.report} server={server.name} /> : null}
        {test.status === 'failed' ? (
          <ErrorAlert
            error={test.error}
            title={serversErrorAdvice(test.error.code).title}
            next={serversErrorAdvice(test.error.code).next}
          />
        ) : null}
      </div>
    </div>
  );
}
