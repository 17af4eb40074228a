import { describe, expect, it } from 'vitest';
import type { NotesEntry } from './notes-model';
import { renderReleaseMarkdown } from './render-markdown';

const entry = (index: number, category: string): NotesEntry => ({
  key: `pr:${index}`,
  pr: index,
  title: `fix(area-${index % 7}): change number ${index}`,
  description: `change number ${index}`,
  type: 'fix',
  scope: `area-${index % 7}`,
  breaking: false,
  category,
  authors: [`dev${index % 5}`],
  commits: [`${index}`.padStart(40, '0')],
  labels: [],
  date: '2026-01-01T00:00:00Z',
});

describe('renderReleaseMarkdown shortening', () => {
  const categories = ['Features', 'Bug fixes', 'Other changes'];
  const entries = Array.from({ length: 400 }, (_, index) => entry(index, categories[index % 3] as string));
  const notes = {
    categories,
    contributors: ['dev0', 'dev1'],
    compareUrl: 'https://github.com/o/r/compare/a...b',
    repositoryUrl: 'https://github.com/o/r',
  };

  it.each([2_000, 9_999, 20_000, 31_337])('fits exactly under a limit of %i and is as long as possible', (limit) => {
    const result = renderReleaseMarkdown({ summary: 'Summary.', entries, notes }, limit);
    expect(result.omitted).toBeGreaterThan(0);
    expect(result.markdown.length).toBeLessThanOrEqual(limit);
    // One more entry would not have fitted: the prefix is the longest possible.
    const listed = (result.markdown.match(/^\* /gm) ?? []).length;
    expect(listed).toBe(entries.length - result.omitted);
    expect(result.markdown).toContain(
      `… and ${result.omitted} more changes not listed here. See the full changelog: ${notes.compareUrl}`,
    );
    expect(renderReleaseMarkdown({ summary: 'Summary.', entries, notes }, limit).markdown).toBe(result.markdown);
    // The computed length is the real one: one character less and one more entry has to go.
    expect(renderReleaseMarkdown({ summary: 'Summary.', entries, notes }, result.markdown.length - 1).omitted).toBe(
      result.omitted + 1,
    );
  });

  it('renders everything, with one heading per category, when it fits', () => {
    const result = renderReleaseMarkdown({ summary: '', entries, notes }, 1_000_000);
    expect(result.omitted).toBe(0);
    expect(result.warnings).toEqual([]);
    expect(result.markdown.match(/^### /gm)).toHaveLength(3);
    expect(
      result.markdown.startsWith(
        '_No summary yet._\n\n<details><summary>Technical summary</summary>\n\n### Features\n\n* fix(area-0)',
      ),
    ).toBe(true);
  });
});
