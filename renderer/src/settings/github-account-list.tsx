import { KeyRound, RotateCw, Unplug } from 'lucide-react';
import type { GitHubAccountView } from '../../../shared/domain/github/github-account';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { formatRelativeTime } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import { visibleApiUrl } from './account-format';
import type { AccountsState } from './use-github-accounts';

/** Props of {@link GitHubAccountList}. */
export interface GitHubAccountListProps {
  state: AccountsState;
  onRetry: () => void;
  /** Asks to disconnect an account (the caller confirms first). */
  onDisconnect: (account: GitHubAccountView) => void;
}

/** The connected accounts, in whichever state the list is: skeleton, error, empty, or rows. */
export function GitHubAccountList({ state, onRetry, onDisconnect }: GitHubAccountListProps) {
  const now = useNow();
  switch (state.status) {
    case 'loading':
      return (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading connected accounts…
          </p>
          <AccountListSkeleton />
        </div>
      );
    case 'failed':
      return (
        <ErrorAlert
          error={{ ...state.error, message: `Could not read the connected accounts. ${state.error.message}` }}
          action={
            <Button icon={RotateCw} onClick={onRetry}>
              Try again
            </Button>
          }
        />
      );
    case 'ready':
      if (state.accounts.length === 0) return <NoAccounts />;
      return (
        <ul className="account-list" aria-label="Connected accounts">
          {state.accounts.map((account) => (
            <li key={account.host}>
              <AccountRow account={account} now={now} onDisconnect={onDisconnect} />
            </li>
          ))}
        </ul>
      );
    default:
      return assertNever(state);
  }
}

function AccountRow({
  account,
  now,
  onDisconnect,
}: {
  account: GitHubAccountView;
  now: Date;
  onDisconnect: (account: GitHubAccountView) => void;
}) {
  const connected = formatRelativeTime(account.connectedAt, now);
  const apiUrl = visibleApiUrl(account);
  const identityId = `account-${account.host.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <div className="account-row">
      <div className="account-row__identity" id={identityId}>
        <p className="account-row__who">
          <span className="account-row__login">@{account.login}</span>
          {account.name ? <span className="account-row__name">{account.name}</span> : null}
          {account.practice ? <span className="badge">Practice</span> : null}
        </p>
        <p className="account-row__meta">
          <span>{account.host}</span>
          {apiUrl ? (
            <>
              <span className="account-row__dot" aria-hidden="true">
                ·
              </span>
              <span className="path" title="API URL">
                {apiUrl}
              </span>
            </>
          ) : null}
          <span className="account-row__dot" aria-hidden="true">
            ·
          </span>
          <span>
            Connected{' '}
            <time dateTime={account.connectedAt} title={connected.full}>
              {connected.label}
            </time>
          </span>
        </p>
      </div>
      {/* The visible name stays "Disconnect"; the row it belongs to is its description. */}
      <Button icon={Unplug} aria-describedby={identityId} onClick={() => onDisconnect(account)}>
        Disconnect
      </Button>
    </div>
  );
}

/** No account yet: what that means for the train, so nobody thinks the app is broken without one. */
function NoAccounts() {
  return (
    <div className="account-empty">
      <span className="account-empty__icon" aria-hidden="true">
        <KeyRound />
      </span>
      <div>
        <p className="account-empty__title">No GitHub account connected yet</p>
        <p className="account-empty__text">
          The train dashboard works from git alone. Freeze, promote and release open pull requests, tags and releases on
          GitHub, so they need a token: connect one below.
        </p>
      </div>
    </div>
  );
}

/** One row's box, so the section does not jump when the list arrives. */
function AccountListSkeleton() {
  return (
    <ul className="account-list" aria-hidden="true">
      <li>
        <div className="account-row">
          <div className="account-row__identity">
            <span className="skeleton skeleton--account-login" />
            <span className="skeleton skeleton--account-meta" />
          </div>
          <span className="skeleton skeleton--account-button" />
        </div>
      </li>
    </ul>
  );
}
