import type { LaneGitHub, TrainWorkflowRun } from '../../../shared/domain/train/train-github';
import { formatRelativeTime } from '../lib/relative-time';
import { GitHubLink } from './github-link';
import { GitHubStatusMark } from './github-status-mark';
import { ciStatusOf, runStatusOf } from './train-github-model';
import type { TrainLinks } from './train-links';

/** Props of {@link GitHubLaneStatus}. */
export interface GitHubLaneStatusProps {
  /** What GitHub says about the lane; null when not connected or not answered yet. */
  github: LaneGitHub | null;
  /** The first answer is on its way and will most likely be "connected": hold the rows' place. */
  placeholder: boolean;
  links: TrainLinks;
  now: Date;
}

/**
 * On a lane card: the lane's latest deploy run and the CI of its head, as a `Deploy` / `CI` list. The
 * Deploy row is two lines (status and time, then the run), the CI row one, each of fixed height; the
 * placeholder has the same lines, so nothing moves when GitHub answers.
 */
export function GitHubLaneStatus({ github, placeholder, links, now }: GitHubLaneStatusProps) {
  if (!github) {
    if (!placeholder) return null;
    return (
      <div className="github-facts" aria-hidden="true" data-testid="github-facts-skeleton">
        <div className="github-facts__row github-facts__row--deploy">
          <span className="github-facts__term">Deploy</span>
          <span className="github-facts__value github-facts__value--stack">
            <span className="skeleton skeleton--github-fact" />
            <span className="skeleton skeleton--github-fact-end" />
          </span>
        </div>
        <div className="github-facts__row">
          <span className="github-facts__term">CI</span>
          <span className="github-facts__value">
            <span className="skeleton skeleton--github-fact" />
          </span>
        </div>
      </div>
    );
  }
  return (
    <dl className="github-facts">
      <div className="github-facts__row github-facts__row--deploy" title={deployTooltip(github)}>
        <dt className="github-facts__term">Deploy</dt>
        <dd className="github-facts__value github-facts__value--stack">
          {github.latestRun ? (
            <DeployRun run={github.latestRun} links={links} now={now} />
          ) : (
            <>
              <span className="github-facts__line github-facts__none">No deploy runs yet</span>
              <span className="github-facts__line github-facts__detail">
                {github.deployWorkflow ?? 'No deploy workflow set'}
              </span>
            </>
          )}
        </dd>
      </div>
      <div className="github-facts__row" title={`CI of the newest commit on ${github.branch}`}>
        <dt className="github-facts__term">CI</dt>
        <dd className="github-facts__value">
          <GitHubStatusMark mark={ciStatusOf(github.ci)} />
        </dd>
      </div>
    </dl>
  );
}

function DeployRun({ run, links, now }: { run: TrainWorkflowRun; links: TrainLinks; now: Date }) {
  const when = formatRelativeTime(run.createdAt, now);
  return (
    <>
      <span className="github-facts__line">
        <GitHubStatusMark mark={runStatusOf(run)} />
        <time className="github-facts__time" dateTime={run.createdAt} title={when.full}>
          {when.label}
        </time>
      </span>
      <span className="github-facts__line github-facts__detail">
        <GitHubLink
          className="github-facts__run"
          url={run.url}
          links={links}
          title={`Open the ${run.name} run on GitHub`}
        >
          {run.name}
        </GitHubLink>
      </span>
    </>
  );
}

/** Which workflow the Deploy row follows, for its tooltip. */
function deployTooltip(github: LaneGitHub): string {
  return github.deployWorkflow
    ? `The newest run of ${github.deployWorkflow} on ${github.branch}`
    : `No deploy workflow is set for ${github.lane}: the newest run of any workflow on ${github.branch}`;
}
