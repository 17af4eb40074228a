import { CircleCheck } from 'lucide-react';
import type { Lane } from '../../../shared/domain/config/project-config';
import type { BackMergeDebt } from '../../../shared/domain/train/train-status';
import { CollapsibleSection } from '../components/collapsible-section';
import { CommitList } from './commit-list';
import { notComparedText } from './missing-lane';
import { PrLinks } from './pr-links';
import type { TrainLinks } from './train-links';

/** Props of {@link BackMergeSection}. */
export interface BackMergeSectionProps {
  lane: BackMergeDebt['lane'];
  /** Null when the lane or development is missing, so nothing was compared. */
  debt: BackMergeDebt | null;
  /** The lane whose branch is missing, when `debt` is null. */
  missing: Lane | null;
  links: TrainLinks;
}

/** On the staging and main cards: the commits there that never came back into development. */
export function BackMergeSection({ lane, debt, missing, links }: BackMergeSectionProps) {
  return (
    <div className="lane-section">
      <h3 className="lane-section__title">Back-merge into development</h3>
      <BackMergeBody lane={lane} debt={debt} missing={missing} links={links} />
    </div>
  );
}

function BackMergeBody({ lane, debt, missing, links }: BackMergeSectionProps) {
  if (!debt) return <p className="lane-section__note">{notComparedText(missing)}</p>;
  if (debt.commits.length === 0) {
    return (
      <p className="lane-section__note lane-section__note--ok">
        <CircleCheck className="lane-section__icon" aria-hidden="true" />
        {asSentence(debt.message)}
      </p>
    );
  }
  return (
    <CollapsibleSection title={debt.message} tone="warning">
      {debt.prs.length > 0 ? (
        <PrLinks prs={debt.prs} label={`Pull requests on ${lane} not in development`} links={links} />
      ) : null}
      <CommitList commits={debt.details} label={`Commits on ${lane} not in development`} />
    </CollapsibleSection>
  );
}

/** The debt message with one final full stop, whether or not it already ends in one. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
