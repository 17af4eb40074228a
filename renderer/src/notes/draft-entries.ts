import type { DraftEntry, DraftView, EntryEdit } from '../../../shared/domain/notes/draft';

/** The entries of one category, in draft order. */
export interface CategoryGroup {
  title: string;
  items: DraftEntry[];
}

/**
 * Entries grouped by category, in the notes' category order; a category the order does not name (it
 * should not happen) follows at the end rather than being dropped.
 */
export function groupByCategory(entries: readonly DraftEntry[], categories: readonly string[]): CategoryGroup[] {
  const titles = [...categories];
  for (const item of entries) if (!titles.includes(item.entry.category)) titles.push(item.entry.category);
  return titles
    .map((title) => ({ title, items: entries.filter((item) => item.entry.category === title) }))
    .filter((group) => group.items.length > 0);
}

/** Which way an entry moves within its category. */
export type MoveDirection = 'up' | 'down';

/**
 * The full order of entry keys after moving one entry past its neighbour in the same category, or
 * null when it is already first (or last) there. The whole list is returned because that is what a
 * draft stores: entries of other categories keep their places.
 */
export function moveWithinCategory(
  entries: readonly DraftEntry[],
  key: string,
  direction: MoveDirection,
): string[] | null {
  const keys = entries.map((item) => item.entry.key);
  const index = keys.indexOf(key);
  const moving = entries[index];
  if (!moving) return null;
  const step = direction === 'up' ? -1 : 1;
  let other = index + step;
  while (other >= 0 && other < entries.length && entries[other]?.entry.category !== moving.entry.category)
    other += step;
  if (other < 0 || other >= entries.length) return null;
  keys[index] = keys[other] as string;
  keys[other] = key;
  return keys;
}

/** The draft with one edit applied at once, before main answers, so the row does not flicker back. */
export function withEntryEdit(draft: DraftView, key: string, edit: EntryEdit): DraftView {
  return {
    ...draft,
    entries: draft.entries.map((item) => {
      if (item.entry.key !== key) return item;
      const title = edit.title ?? item.title;
      return {
        ...item,
        title,
        edited: title !== item.entry.title,
        hidden: edit.hidden ?? item.hidden,
      };
    }),
  };
}

/** The draft with its entries in `order` (keys it does not name keep their relative order, last). */
export function withEntryOrder(draft: DraftView, order: readonly string[]): DraftView {
  const rank = new Map(order.map((key, index) => [key, index]));
  const ranked = (item: DraftEntry) => rank.get(item.entry.key) ?? Number.MAX_SAFE_INTEGER;
  return { ...draft, entries: [...draft.entries].sort((a, b) => ranked(a) - ranked(b)) };
}

/** How an entry is named in buttons and labels: `#3042`, or the short sha of a direct commit. */
export function entryLabel(item: DraftEntry): string {
  return item.entry.pr !== null ? `#${item.entry.pr}` : (item.entry.commits[0]?.slice(0, 7) ?? item.entry.key);
}

/** A ref as people say it: `refs/heads/main` is `main`, `refs/tags/2026.1.3` is `2026.1.3`. */
export function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags|remotes)\//, '');
}

function sameRow(a: DraftEntry, b: DraftEntry): boolean {
  return (
    a.title === b.title &&
    a.edited === b.edited &&
    a.hidden === b.hidden &&
    a.isNew === b.isNew &&
    a.entry.title === b.entry.title &&
    a.entry.category === b.entry.category
  );
}

/**
 * The draft main sent back after a save, with the rows that did not change kept as the objects already
 * on screen. Memoised rows then skip them: one hidden entry re-renders one row, not thousands.
 */
export function reuseUnchangedRows(previous: DraftView, next: DraftView): DraftView {
  const before = new Map(previous.entries.map((item) => [item.entry.key, item]));
  const entries = next.entries.map((item) => {
    const old = before.get(item.entry.key);
    return old && sameRow(old, item) ? old : item;
  });
  const unchanged =
    entries.length === previous.entries.length && entries.every((item, index) => item === previous.entries[index]);
  return { ...next, entries: unchanged ? previous.entries : entries };
}

/** "1 entry", "3,236 entries": a count with its noun, grouped by thousands in the user's locale. */
export function countText(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
