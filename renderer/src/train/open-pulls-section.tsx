import { GitPullRequestArrow } from 'lucide-react';
import type { TrainPull } from '../../../shared/domain/train/train-github';
import { PullList } from './pull-list';
import { sortOpenPulls } from './train-github-model';
import type { TrainLinks } from './train-links';

/** Props of {@link OpenPullsSection}. */
export interface OpenPullsSectionProps {
  /** The open PRs into a lane branch, from the connected view; null before the first answer. */
  pulls: readonly TrainPull[] | null;
  /** The lane branches, development first, so the list follows the train. */
  laneBranches: readonly string[];
  links: TrainLinks;
}

/**
 * Below the lanes: the freeze, promote, hotfix and back-merge PRs in flight. Before GitHub answers it
 * shows placeholder rows (it sits below the cards, so its growing moves nothing above it).
 */
export function OpenPullsSection({ pulls, laneBranches, links }: OpenPullsSectionProps) {
  return (
    <section className="open-pulls" aria-labelledby="open-pulls-heading" aria-busy={pulls === null}>
      <header className="open-pulls__header">
        <GitPullRequestArrow className="open-pulls__icon" aria-hidden="true" />
        <h2 className="open-pulls__title" id="open-pulls-heading">
          Open pull requests
        </h2>
        {pulls && pulls.length > 0 ? (
          // The list itself tells screen readers how many items it has.
          <span className="open-pulls__count" aria-hidden="true">
            {pulls.length}
          </span>
        ) : null}
      </header>
      {pulls === null ? (
        <div aria-hidden="true">
          <span className="skeleton skeleton--section-line" />
          <span className="skeleton skeleton--section-line" />
        </div>
      ) : pulls.length === 0 ? (
        <p className="lane-section__note">No open pull requests into development, staging or main.</p>
      ) : (
        <PullList
          pulls={sortOpenPulls(pulls, laneBranches)}
          label="Open pull requests into the lanes"
          links={links}
          detailed
        />
      )}
    </section>
  );
}
