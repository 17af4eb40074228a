import { ChevronsDown } from 'lucide-react';
import { useState } from 'react';
import type { EntryEdit } from '../../../shared/domain/notes/draft';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import type { CategoryGroup, MoveDirection } from './draft-entries';
import { EntryRow } from './entry-row';

/** Props of {@link CategorySection}. */
export interface CategorySectionProps {
  group: CategoryGroup;
  headingId: string;
  repositoryUrl: string | null;
  onEdit: (key: string, edit: EntryEdit) => void;
  onMove: (key: string, direction: MoveDirection) => void;
  onLinkError: (error: IpcError) => void;
}

/**
 * Rows shown per category until asked for more. A range that swallowed a whole history (field-tm's
 * 2025.7.0..2026.1.0 has 3,236 entries) would otherwise build tens of thousands of elements at once.
 */
export const ROWS_PER_CATEGORY = 100;

/** One category: its heading with counts, and its entries (the first hundred, then on request). */
export function CategorySection({
  group,
  headingId,
  repositoryUrl,
  onEdit,
  onMove,
  onLinkError,
}: CategorySectionProps) {
  const [showAll, setShowAll] = useState(false);
  const hidden = group.items.filter((item) => item.hidden).length;
  const shown = showAll ? group.items : group.items.slice(0, ROWS_PER_CATEGORY);
  const more = group.items.length - shown.length;
  return (
    <section className="notes-category" aria-labelledby={headingId}>
      <h3 className="notes-category__title" id={headingId}>
        {group.title}
        <span className="notes-category__count">
          {group.items.length}
          {hidden > 0 ? `, ${hidden} hidden` : ''}
        </span>
      </h3>
      <ul className="entry-list" aria-label={group.title}>
        {shown.map((item, index) => (
          <EntryRow
            key={item.entry.key}
            item={item}
            canMoveUp={index > 0}
            canMoveDown={index < group.items.length - 1}
            repositoryUrl={repositoryUrl}
            onEdit={onEdit}
            onMove={onMove}
            onLinkError={onLinkError}
          />
        ))}
      </ul>
      {more > 0 ? (
        <Button variant="ghost" icon={ChevronsDown} className="notes-category__more" onClick={() => setShowAll(true)}>
          Show {more.toLocaleString()} more in {group.title}
        </Button>
      ) : null}
    </section>
  );
}
