import { FlaskConical, GitBranch, Rocket, type LucideIcon } from 'lucide-react';
import type { Lane } from '../../../shared/domain/config/project-config';
import type { LaneStatus, TrainStatus } from '../../../shared/domain/train/train-status';
import { assertNever } from '../lib/assert-never';
import { BackMergeSection } from './back-merge-section';
import { GitHubLaneStatus } from './github-lane-status';
import { LaneHead } from './lane-head';
import { LaneWarnings } from './lane-warnings';
import { LastReleaseSection } from './last-release-section';
import { missingLane } from './missing-lane';
import { laneGitHubOf, waitingPullsOf, type LaneGitHubSide } from './train-github-model';
import type { TrainLinks } from './train-links';
import { VersionFilesSection } from './version-files-section';
import { WaitingSection } from './waiting-section';

/** Props of {@link LaneCard}. */
export interface LaneCardProps {
  lane: LaneStatus;
  status: TrainStatus;
  links: TrainLinks;
  /** Deploys, CI and merged PRs from GitHub, when connected. */
  github: LaneGitHubSide;
  now: Date;
}

const LANE_ICONS: Record<Lane, LucideIcon> = { development: GitBranch, staging: FlaskConical, main: Rocket };

/**
 * One lane of the train: its branch and head, the warnings that concern it, and what it holds that the
 * next lane (or development, for hotfixes) does not.
 */
export function LaneCard({ lane, status, links, github, now }: LaneCardProps) {
  const Icon = LANE_ICONS[lane.name];
  const headingId = `lane-${lane.name}`;
  return (
    <section className="lane-card" aria-labelledby={headingId}>
      <header className="lane-card__header">
        <span className="lane-card__icon" aria-hidden="true">
          <Icon />
        </span>
        <h2 className="lane-card__name" id={headingId}>
          {lane.name}
        </h2>
        <code className="branch" title={`Branch: ${lane.branch}`}>
          {lane.branch}
        </code>
      </header>
      <LaneHead lane={lane} now={now} />
      <GitHubLaneStatus
        github={laneGitHubOf(github.view, lane.name)}
        placeholder={github.placeholder}
        links={links}
        now={now}
      />
      <LaneWarnings warnings={status.laneWarnings[lane.name]} lane={lane.name} />
      <LaneSections lane={lane} status={status} links={links} github={github} />
    </section>
  );
}

function LaneSections({ lane, status, links, github }: Omit<LaneCardProps, 'now'>) {
  const pair = (from: Lane, to: Lane) => status.pairs.find((p) => p.from === from && p.to === to) ?? null;
  const debt = (of: 'staging' | 'main') => status.backMerge.find((d) => d.lane === of) ?? null;
  switch (lane.name) {
    case 'development':
      return (
        <WaitingSection
          from="development"
          to="staging"
          pair={pair('development', 'staging')}
          missing={missingLane(status, ['development', 'staging'])}
          links={links}
          pulls={waitingPullsOf(github.view, 'development', 'staging')}
        />
      );
    case 'staging':
      return (
        <>
          <WaitingSection
            from="staging"
            to="main"
            pair={pair('staging', 'main')}
            missing={missingLane(status, ['staging', 'main'])}
            links={links}
            pulls={waitingPullsOf(github.view, 'staging', 'main')}
          />
          <BackMergeSection
            lane="staging"
            debt={debt('staging')}
            missing={missingLane(status, ['staging', 'development'])}
            links={links}
          />
        </>
      );
    case 'main':
      return (
        <>
          <LastReleaseSection release={status.lastRelease} tagFormat={status.tagFormat} branch={lane.branch} />
          <VersionFilesSection files={status.versionFiles} release={status.lastRelease} />
          <BackMergeSection
            lane="main"
            debt={debt('main')}
            missing={missingLane(status, ['main', 'development'])}
            links={links}
          />
        </>
      );
    default:
      return assertNever(lane.name);
  }
}
