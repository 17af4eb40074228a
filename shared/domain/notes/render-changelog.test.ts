import { describe, expect, it } from 'vitest';
import type { NotesEntry } from './notes-model';
import { renderChangelogSection } from './render-changelog';

let counter = 0;
function entry(
  type: string | null,
  scope: string | null,
  description: string,
  pr: number | null,
  breaking = false,
): NotesEntry {
  counter += 1;
  const sha = `${counter}`.padStart(40, 'c');
  const header = type ? `${type}${scope ? `(${scope})` : ''}${breaking ? '!' : ''}: ${description}` : description;
  return {
    key: pr === null ? `commit:${sha}` : `pr:${pr}`,
    pr,
    title: header,
    description,
    type,
    scope,
    breaking,
    category: '',
    authors: ['someone'],
    commits: [sha],
    labels: [],
    date: '2025-08-28T00:00:00Z',
  };
}

describe('renderChangelogSection: commitizen’s CHANGELOG shape', () => {
  it('renders `## version (date)`, `### Feat`, `- **scope**: text (#N)`, in commitizen’s type order', () => {
    const section = renderChangelogSection('2025.5.0', '2025-08-28', [
      entry('fix', 'tasks', 'correct assignee', 2802),
      entry('feat', 'mapper', 'offline basemaps', 2790),
      entry('perf', null, 'faster tiles', 2795),
      entry('refactor', 'backend', 'split the router', null),
      entry('feat', null, 'project visibility', 2400),
    ]);
    expect(section).toBe(
      [
        '## 2025.5.0 (2025-08-28)',
        '',
        '### Feat',
        '',
        '- **mapper**: offline basemaps (#2790)',
        '- project visibility (#2400)',
        '',
        '### Fix',
        '',
        '- **tasks**: correct assignee (#2802)',
        '',
        '### Refactor',
        '',
        '- **backend**: split the router',
        '',
        '### Perf',
        '',
        '- faster tiles (#2795)',
        '',
      ].join('\n'),
    );
  });

  it('lists breaking changes first under `### BREAKING CHANGE`, and only there', () => {
    const section = renderChangelogSection('2.0.0', '2026-01-05', [
      entry('feat', 'api', 'drop v1 endpoints', 12, true),
      entry('feat', 'api', 'add v2 endpoints', 13),
    ]);
    expect(section).toBe(
      [
        '## 2.0.0 (2026-01-05)',
        '',
        '### BREAKING CHANGE',
        '',
        '- **api**: drop v1 endpoints (#12)',
        '',
        '### Feat',
        '',
        '- **api**: add v2 endpoints (#13)',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what commitizen has no heading for (docs, chore, unparsed) and empty headings', () => {
    const section = renderChangelogSection('2025.5.1', '2025-09-01', [
      entry('docs', null, 'explain setup', 1),
      entry('chore', 'deps', 'bump uvicorn', 2),
      entry(null, null, 'Update README.md', 3),
      entry('fix', null, 'only this', 4),
    ]);
    expect(section).toBe(['## 2025.5.1 (2025-09-01)', '', '### Fix', '', '- only this (#4)', ''].join('\n'));
    expect(renderChangelogSection('2025.5.2', '2025-09-02', [entry('docs', null, 'x', 5)])).toBe(
      '## 2025.5.2 (2025-09-02)\n',
    );
  });
});
