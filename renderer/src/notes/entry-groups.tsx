import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { DraftEntry, EntryEdit } from '../../../shared/domain/notes/draft';
import type { IpcError } from '../../../shared/ipc/errors';
import { CategorySection } from './category-section';
import { groupByCategory, moveWithinCategory, type MoveDirection } from './draft-entries';

/** Props of {@link EntryGroups}. */
export interface EntryGroupsProps {
  entries: readonly DraftEntry[];
  /** Category titles in display order. */
  categories: readonly string[];
  repositoryUrl: string | null;
  onEdit: (key: string, edit: EntryEdit) => void;
  onReorder: (order: string[]) => void;
  onLinkError: (error: IpcError) => void;
}

/**
 * The entries under their category headings, in the order the notes will have. Moving an entry keeps
 * keyboard focus on the button that moved it, wherever the row ends up. Memoised, with stable
 * callbacks, so typing in the summary does not re-render thousands of rows.
 */
export const EntryGroups = memo(function EntryGroups({
  entries,
  categories,
  repositoryUrl,
  onEdit,
  onReorder,
  onLinkError,
}: EntryGroupsProps) {
  const container = useRef<HTMLDivElement>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; direction: MoveDirection } | null>(null);
  // The latest entries, for a `move` that stays the same function (rows are memoised on it).
  const latest = useRef(entries);
  useEffect(() => {
    latest.current = entries;
  }, [entries]);

  useEffect(() => {
    if (!focusAfterMove) return;
    const row = [...(container.current?.querySelectorAll<HTMLElement>('[data-entry-key]') ?? [])].find(
      (element) => element.dataset.entryKey === focusAfterMove.key,
    );
    row?.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.direction}"]`)?.focus();
  }, [focusAfterMove, entries]);

  const move = useCallback(
    (key: string, direction: MoveDirection) => {
      const order = moveWithinCategory(latest.current, key, direction);
      if (!order) return;
      onReorder(order);
      setFocusAfterMove({ key, direction });
    },
    [onReorder],
  );

  return (
    <div className="notes-categories" ref={container}>
      {groupByCategory(entries, categories).map((group, index) => (
        <CategorySection
          key={group.title}
          group={group}
          headingId={`notes-category-${index}`}
          repositoryUrl={repositoryUrl}
          onEdit={onEdit}
          onMove={move}
          onLinkError={onLinkError}
        />
      ))}
    </div>
  );
});
