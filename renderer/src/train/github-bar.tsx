import { CloudAlert, RotateCw, Unplug } from 'lucide-react';
import { Button } from '../components/button';
import { SettingsLink } from '../components/settings-link';
import { assertNever } from '../lib/assert-never';
import { formatRelativeTime } from '../lib/relative-time';
import { githubBarKind, githubErrorAdvice, isFixedInSettings, type GitHubLoad } from './train-github-model';

/** Props of {@link GitHubBar}. */
export interface GitHubBarProps {
  load: GitHubLoad;
  onRetry: () => void;
  now: Date;
}

/**
 * The line at the top of the lanes that says how GitHub's side stands: loading, not connected (a quiet
 * line with the way to connect), when it was checked, or a compact alert when it failed. It holds one
 * line's height in every state but the alert, so the cards below stay put while GitHub answers.
 */
export function GitHubBar({ load, onRetry, now }: GitHubBarProps) {
  const kind = githubBarKind(load);
  switch (kind) {
    case 'failed':
      return <GitHubFailure load={load} onRetry={onRetry} />;
    case 'loading':
      return (
        <div className="github-bar">
          <span className="skeleton skeleton--github-bar" aria-hidden="true" />
          <span className="visually-hidden" role="status">
            Loading deploys, CI and pull requests from GitHub…
          </span>
        </div>
      );
    case 'not-connected':
      return (
        <div className="github-bar">
          <Unplug className="github-bar__icon" aria-hidden="true" />
          <p className="github-bar__text" role="status">
            GitHub is not connected for {load.view?.host}: deploys, CI and open PRs are not shown.
          </p>
          <a className="github-bar__link" href="#settings">
            Connect in Settings
          </a>
        </div>
      );
    case 'connected':
      return (
        <div className="github-bar">
          {/* The same sentence while GitHub is asked again (a poll every few seconds must not chatter). */}
          <p className="github-bar__text" role="status">
            <CheckedAt load={load} now={now} />
          </p>
        </div>
      );
    default:
      return assertNever(kind);
  }
}

function CheckedAt({ load, now }: { load: GitHubLoad; now: Date }) {
  if (load.view?.state !== 'connected') return null;
  const when = formatRelativeTime(load.view.checkedAt, now);
  return (
    <>
      Deploys, CI and pull requests from GitHub, checked{' '}
      <time dateTime={load.view.checkedAt} title={when.full}>
        {when.label}
      </time>
      .
    </>
  );
}

/** The failure, what to try, and Try again; the git side of the train stays usable around it. */
function GitHubFailure({ load, onRetry }: { load: GitHubLoad; onRetry: () => void }) {
  if (!load.error) return null;
  const advice = githubErrorAdvice(load.error.code);
  const kept = load.view?.state === 'connected';
  return (
    <div className="alert alert--error github-alert" role="alert">
      <CloudAlert className="alert__icon" aria-hidden="true" />
      <div className="alert__body">
        <p className="alert__message">
          <strong>{advice.title}.</strong> {load.error.message}
        </p>
        <p className="alert__next">
          {advice.next}
          {kept ? ' The GitHub details below are from the last time they could be read.' : null}
        </p>
      </div>
      <div className="github-alert__actions">
        {/* aria-disabled rather than disabled: a disabled button drops keyboard focus to the page. */}
        <Button
          icon={RotateCw}
          busy={load.loading}
          aria-disabled={load.loading}
          onClick={() => (load.loading ? undefined : onRetry())}
        >
          Try again
        </Button>
        {isFixedInSettings(load.error.code) ? <SettingsLink /> : null}
      </div>
    </div>
  );
}
