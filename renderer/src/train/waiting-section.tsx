import type { Lane } from '../../../shared/domain/config/project-config';
import type { TrainPull } from '../../../shared/domain/train/train-github';
import type { PairStatus } from '../../../shared/domain/train/train-status';
import { CollapsibleSection } from '../components/collapsible-section';
import { CommitList } from './commit-list';
import { PrLinks } from './pr-links';
import { PullList } from './pull-list';
import { notComparedText } from './missing-lane';
import { countOf } from './train-format';
import type { TrainLinks } from './train-links';

/** Props of {@link WaitingSection}. */
export interface WaitingSectionProps {
  from: Lane;
  to: Lane;
  pair: PairStatus | null;
  /** The lane whose branch is missing, when `pair` is null. */
  missing: Lane | null;
  links: TrainLinks;
  /**
   * GitHub's merged PRs in this pair, with their titles; null when GitHub is not connected. When it names
   * none, the numbers read from commit messages are shown instead.
   */
  pulls?: readonly TrainPull[] | null;
}

/** On a lane's card: the pull requests and commits waiting to move into the next lane. */
export function WaitingSection({ from, to, pair, missing, links, pulls = null }: WaitingSectionProps) {
  return (
    <div className="lane-section">
      <h3 className="lane-section__title">Waiting for {to}</h3>
      <WaitingBody from={from} to={to} pair={pair} missing={missing} links={links} pulls={pulls} />
    </div>
  );
}

function WaitingBody({ from, to, pair, missing, links, pulls }: WaitingSectionProps) {
  if (!pair) return <p className="lane-section__note">{notComparedText(missing)}</p>;
  if (pair.ahead === 0) {
    return (
      <p className="lane-section__note">
        Nothing waiting: everything on {from} is in {to}.
      </p>
    );
  }
  return (
    <>
      {pulls && pulls.length > 0 ? (
        <CollapsibleSection title={countOf(pulls.length, 'pull request', 'pull requests')} defaultOpen>
          <PullList pulls={pulls} label={`Pull requests waiting for ${to}`} links={links} />
        </CollapsibleSection>
      ) : pair.prs.length > 0 ? (
        <CollapsibleSection title={countOf(pair.prs.length, 'pull request', 'pull requests')} defaultOpen>
          <PrLinks prs={pair.prs} label={`Pull requests waiting for ${to}`} links={links} />
        </CollapsibleSection>
      ) : null}
      <CollapsibleSection title={countOf(pair.ahead, 'commit', 'commits')}>
        <CommitList commits={pair.details} label={`Commits waiting for ${to}`} />
      </CollapsibleSection>
    </>
  );
}
