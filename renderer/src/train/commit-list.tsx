import type { CommitSummary } from '../../../shared/domain/commits/pr-reference';
import { shortSha } from './train-format';

/** Props of {@link CommitList}. */
export interface CommitListProps {
  commits: readonly CommitSummary[];
  /** Names the list for screen readers, e.g. "Commits waiting for staging". */
  label: string;
}

/** Past this many rows the list scrolls inside the card, so one long list does not bury the others. */
const ROWS_BEFORE_SCROLL = 10;

/** Commits, newest first: the subject (full text on hover) and the short sha. */
export function CommitList({ commits, label }: CommitListProps) {
  const scrolls = commits.length > ROWS_BEFORE_SCROLL;
  return (
    <ol
      className={scrolls ? 'commit-list commit-list--scrolls' : 'commit-list'}
      aria-label={label}
      // A scrolling region must be reachable by keyboard to be scrolled without a mouse.
      tabIndex={scrolls ? 0 : undefined}
    >
      {commits.map((commit) => (
        <li className="commit-list__item" key={commit.sha}>
          <span className="commit-list__subject" title={commit.subject}>
            {commit.subject}
          </span>
          <code className="sha" title={commit.sha}>
            {shortSha(commit.sha)}
          </code>
        </li>
      ))}
    </ol>
  );
}
