import type { LaneStatus } from '../../../shared/domain/train/train-status';
import { formatRelativeTime } from '../lib/relative-time';
import { shortSha } from './train-format';

/** Props of {@link LaneHead}. */
export interface LaneHeadProps {
  lane: LaneStatus;
  now: Date;
}

/** The lane's newest commit: subject, short sha, author and when. */
export function LaneHead({ lane, now }: LaneHeadProps) {
  if (!lane.head) {
    return (
      <div className="lane-head lane-head--missing">
        <p className="lane-head__subject">No branch “{lane.branch}”</p>
        <p className="lane-head__meta">Not found in the repository</p>
      </div>
    );
  }
  const { sha, subject, author, date } = lane.head;
  const when = formatRelativeTime(date, now);
  return (
    <div className="lane-head">
      <p className="lane-head__subject" title={subject}>
        <span className="visually-hidden">Latest commit: </span>
        {subject}
      </p>
      <p className="lane-head__meta">
        <code className="sha" title={sha}>
          {shortSha(sha)}
        </code>
        <span className="lane-head__author" title={author}>
          {author}
        </span>
        <time dateTime={date} title={when.full}>
          {when.label}
        </time>
      </p>
    </div>
  );
}
