import { PackageOpen } from 'lucide-react';
import type { NotesRange } from '../../../shared/domain/notes/notes-model';
import { shortRef } from './draft-entries';

/**
 * The range holds no change: nothing to write notes about. Says which range that was and what to try
 * (an earlier From, another To); the fields to do so are just above.
 */
export function NotesEmptyState({ range }: { range: NotesRange }) {
  const from = range.from ? shortRef(range.from) : null;
  const to = shortRef(range.to);
  return (
    <section className="empty-state notes-empty" aria-labelledby="notes-empty-title">
      <span className="empty-state__icon" aria-hidden="true">
        <PackageOpen />
      </span>
      <h2 className="empty-state__title" id="notes-empty-title">
        {from ? `Nothing to release since ${from}` : 'Nothing to release'}
      </h2>
      <p className="empty-state__text">
        {from
          ? `${to} has no change that ${from} did not already have. `
          : `${to} has no change to write notes about. `}
        To write notes for other changes, enter an earlier From or another To above, then press Regenerate.
      </p>
    </section>
  );
}
