import { describe, expect, it } from 'vitest';
import type { DraftEntry, DraftView } from '../../../shared/domain/notes/draft';
import type { NotesEntry } from '../../../shared/domain/notes/notes-model';
import {
  entryLabel,
  groupByCategory,
  moveWithinCategory,
  shortRef,
  withEntryEdit,
  withEntryOrder,
} from './draft-entries';

function item(key: string, category: string, pr: number | null = null): DraftEntry {
  const entry = { key, pr, title: `title ${key}`, category, commits: ['0123456789abcdef'] } as unknown as NotesEntry;
  return { entry, title: entry.title, edited: false, hidden: false, isNew: false };
}

const entries = [item('a', 'Fix'), item('b', 'Feat'), item('c', 'Fix'), item('d', 'Fix')];

describe('draft entries', () => {
  it('groups by the category order, keeping draft order inside each', () => {
    const groups = groupByCategory(entries, ['Feat', 'Fix', 'Docs']);
    expect(groups.map((group) => [group.title, group.items.map((i) => i.entry.key)])).toEqual([
      ['Feat', ['b']],
      ['Fix', ['a', 'c', 'd']],
    ]);
    expect(groupByCategory([item('x', 'Odd')], ['Feat']).map((group) => group.title)).toEqual(['Odd']);
  });

  it('moves past the neighbour in the same category and returns the whole order', () => {
    expect(moveWithinCategory(entries, 'c', 'up')).toEqual(['c', 'b', 'a', 'd']);
    expect(moveWithinCategory(entries, 'a', 'down')).toEqual(['c', 'b', 'a', 'd']);
    expect(moveWithinCategory(entries, 'a', 'up')).toBeNull();
    expect(moveWithinCategory(entries, 'b', 'down')).toBeNull();
    expect(moveWithinCategory(entries, 'zz', 'up')).toBeNull();
  });

  it('applies an edit or an order at once', () => {
    const draft: DraftView = { summary: '', entries, vanished: [] };
    const edited = withEntryEdit(draft, 'a', { title: 'new title' }).entries[0];
    expect(edited).toMatchObject({ title: 'new title', edited: true, hidden: false });
    const reset = withEntryEdit({ ...draft, entries: [edited as DraftEntry] }, 'a', { title: 'title a' }).entries[0];
    expect(reset).toMatchObject({ edited: false });
    expect(withEntryEdit(draft, 'b', { hidden: true }).entries[1]).toMatchObject({ hidden: true, title: 'title b' });
    expect(withEntryOrder(draft, ['d', 'c']).entries.map((i) => i.entry.key)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('names entries and refs as people say them', () => {
    expect(entryLabel(item('pr:1', 'Fix', 3042))).toBe('#3042');
    expect(entryLabel(item('commit:0123456789abcdef', 'Fix'))).toBe('0123456');
    expect(shortRef('refs/heads/main')).toBe('main');
    expect(shortRef('refs/remotes/origin/main')).toBe('origin/main');
    expect(shortRef('2026.1.3')).toBe('2026.1.3');
  });
});
