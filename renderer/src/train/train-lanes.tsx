import { LANES } from '../../../shared/domain/config/project-config';
import type { TrainStatus } from '../../../shared/domain/train/train-status';
import { useNow } from '../lib/use-now';
import { LaneCard } from './lane-card';
import { LaneConnector } from './lane-connector';
import { missingLane } from './missing-lane';
import type { LaneGitHubSide } from './train-github-model';
import type { TrainLinks } from './train-links';

/** Props of {@link TrainLanes}. */
export interface TrainLanesProps {
  status: TrainStatus;
  links: TrainLinks;
  github: LaneGitHubSide;
}

/** The three lane cards, development → staging → main, with what waits between them drawn above. */
export function TrainLanes({ status, links, github }: TrainLanesProps) {
  const now = useNow();
  const pairOf = (index: number) =>
    status.pairs.find((pair) => pair.from === LANES[index] && pair.to === LANES[index + 1]) ?? null;
  const lanes = LANES.flatMap((name) => status.lanes.filter((lane) => lane.name === name));
  return (
    <div className="train">
      <ol className="train__flow" aria-label="Waiting between lanes">
        <li className="train__flow-item">
          <LaneConnector
            from="development"
            to="staging"
            pair={pairOf(0)}
            missing={missingLane(status, ['development', 'staging'])}
          />
        </li>
        <li className="train__flow-item">
          <LaneConnector from="staging" to="main" pair={pairOf(1)} missing={missingLane(status, ['staging', 'main'])} />
        </li>
      </ol>
      <div className="train__lanes">
        {lanes.map((lane) => (
          <LaneCard key={lane.name} lane={lane} status={status} links={links} github={github} now={now} />
        ))}
      </div>
    </div>
  );
}
