import { TriangleAlert } from 'lucide-react';
import type { Lane } from '../../../shared/domain/config/project-config';
import type { PairStatus } from '../../../shared/domain/train/train-status';
import { countOf } from './train-format';

/** Props of {@link LaneConnector}. */
export interface LaneConnectorProps {
  from: Lane;
  to: Lane;
  /** Null when either branch is missing, so the two could not be compared. */
  pair: PairStatus | null;
  /** The lane whose branch is missing, when `pair` is null. */
  missing: Lane | null;
}

/** What waits to move from one lane into the next, drawn as an arrow from one card to the next. */
export function LaneConnector({ from, to, pair, missing }: LaneConnectorProps) {
  return (
    <div className="connector">
      <p className="connector__waiting">
        <span className="visually-hidden">
          {from} to {to}:{' '}
        </span>
        {waitingText(pair)}
      </p>
      {!pair ? <p className="connector__behind">{missing ? `no ${missing} branch` : 'a branch is missing'}</p> : null}
      {pair && pair.behind > 0 ? (
        <p className="connector__behind">
          <TriangleAlert className="connector__icon" aria-hidden="true" />
          {from} is {pair.behind} behind {to}
        </p>
      ) : null}
      <span className="connector__arrow" aria-hidden="true" />
    </div>
  );
}

function waitingText(pair: PairStatus | null): string {
  if (!pair) return 'Not compared';
  if (pair.ahead === 0) return 'Nothing waiting';
  const commits = countOf(pair.ahead, 'commit', 'commits');
  return pair.prs.length > 0 ? `${commits} · ${countOf(pair.prs.length, 'PR', 'PRs')} waiting` : `${commits} waiting`;
}
