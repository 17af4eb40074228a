import { describe, expect, it } from 'vitest';
import { BREAKING_CHANGES, OTHER_CHANGES, type NotesEntry } from './notes-model';
import { GITHUB_BODY_LIMIT, renderReleaseMarkdown, type MarkdownInput } from './render-markdown';

const REPO = 'https://github.com/o/r';
const COMPARE = `${REPO}/compare/2025.4.3...2025.5.0`;

function entry(fields: Partial<NotesEntry> & Pick<NotesEntry, 'title' | 'category'>): NotesEntry {
  const pr = fields.pr ?? null;
  const commits = fields.commits ?? [`${pr ?? 7}`.padStart(40, 'a')];
  return {
    key: pr === null ? `commit:${commits[0]}` : `pr:${pr}`,
    pr,
    description: fields.title.replace(/^[a-z]+(\([^)]*\))?!?: /, ''),
    type: null,
    scope: null,
    breaking: false,
    authors: ['login'],
    commits,
    labels: [],
    date: '2025-08-28T00:00:00Z',
    ...fields,
  };
}

const CATEGORIES = [BREAKING_CHANGES, 'Features', 'Bug fixes', OTHER_CHANGES];

function input(entries: NotesEntry[], summary = 'Offline mapping is here.'): MarkdownInput {
  return {
    summary,
    entries,
    notes: {
      categories: CATEGORIES,
      contributors: ['login', 'Sam Woodcock'],
      compareUrl: COMPARE,
      repositoryUrl: REPO,
    },
  };
}

describe('renderReleaseMarkdown: the GitHub release body', () => {
  const entries = [
    entry({ pr: 2802, title: 'fix(tasks): correct assignee', category: 'Bug fixes', type: 'fix', scope: 'tasks' }),
    entry({
      pr: 2790,
      title: 'feat(mapper): offline basemaps',
      category: 'Features',
      authors: ['anna', 'dependabot[bot]'],
    }),
    entry({ pr: 2791, title: 'feat!: drop the v1 API', category: BREAKING_CHANGES, breaking: true }),
    entry({
      title: 'docs: explain setup',
      category: OTHER_CHANGES,
      authors: ['Sam Woodcock'],
      commits: ['0123456789abcdef0123456789abcdef01234567'],
    }),
    entry({ pr: 2803, title: 'fix: second fix', category: 'Bug fixes' }),
  ];

  it('puts the summary on top, then the technical summary in <details>, by category in order', () => {
    const { markdown, omitted, warnings } = renderReleaseMarkdown(input(entries));
    expect(omitted).toBe(0);
    expect(warnings).toEqual([]);
    expect(markdown).toBe(
      [
        'Offline mapping is here.',
        '',
        '<details><summary>Technical summary</summary>',
        '',
        `### ${BREAKING_CHANGES}`,
        '',
        `* feat!: drop the v1 API (#2791) by @login in ${REPO}/pull/2791`,
        '',
        '### Features',
        '',
        `* feat(mapper): offline basemaps (#2790) by @anna, @dependabot[bot] in ${REPO}/pull/2790`,
        '',
        '### Bug fixes',
        '',
        `* fix(tasks): correct assignee (#2802) by @login in ${REPO}/pull/2802`,
        `* fix: second fix (#2803) by @login in ${REPO}/pull/2803`,
        '',
        `### ${OTHER_CHANGES}`,
        '',
        // A direct commit: its short sha, and a name that is not a login is not @-mentioned.
        '* docs: explain setup (01234567) by Sam Woodcock',
        '',
        '</details>',
        '',
        '**Contributors:** login, Sam Woodcock',
        '',
        `**Full Changelog**: ${COMPARE}`,
        '',
      ].join('\n'),
    );
  });

  it('has the exact line shape of the issue for a squash-merged PR', () => {
    const { markdown } = renderReleaseMarkdown(input([entries[0] as NotesEntry]));
    expect(markdown.split('\n')).toContain(
      '* fix(tasks): correct assignee (#2802) by @login in https://github.com/o/r/pull/2802',
    );
  });

  it('leaves out empty categories and says so when there is no summary yet', () => {
    const { markdown } = renderReleaseMarkdown(input([entries[0] as NotesEntry], '   '));
    expect(markdown.startsWith('_No summary yet._\n\n<details><summary>Technical summary</summary>')).toBe(true);
    expect(markdown.match(/^### /gm)).toEqual(['### ']);
    expect(markdown).not.toContain('### Features');
  });

  it('has no PR link and no compare link when the repository URL is unknown', () => {
    const { markdown } = renderReleaseMarkdown({
      summary: '',
      entries: [entries[0] as NotesEntry],
      notes: { categories: CATEGORIES, contributors: [], compareUrl: null, repositoryUrl: null },
    });
    expect(markdown).toContain('* fix(tasks): correct assignee (#2802) by @login\n');
    expect(markdown).not.toContain('Full Changelog');
    expect(markdown).not.toContain('Contributors');
  });
});

describe('renderReleaseMarkdown: the body limit', () => {
  const many = (count: number, titleLength: number): NotesEntry[] =>
    Array.from({ length: count }, (_, index) =>
      entry({
        pr: 10_000 + index,
        title: `fix(area-${index % 9}): ${'x'.repeat(titleLength)} ${index}`,
        category: index % 4 === 0 ? 'Features' : 'Bug fixes',
      }),
    );
  const endsWithCompareLink = (markdown: string): boolean =>
    markdown.trimEnd().endsWith(`**Full Changelog**: ${COMPARE}`);

  it('with a small limit: shortens to fit, deterministically, ends with the changelog link, and warns', () => {
    const entries = many(60, 40);
    const limit = 3_000;
    const first = renderReleaseMarkdown(input(entries), limit);
    const again = renderReleaseMarkdown(input(entries), limit);
    expect(again).toEqual(first);

    expect(first.markdown.length).toBeLessThanOrEqual(limit);
    expect(first.omitted).toBeGreaterThan(0);
    expect(first.omitted).toBeLessThan(entries.length);
    expect(endsWithCompareLink(first.markdown)).toBe(true);
    expect(first.markdown).toContain(
      `… and ${first.omitted} more changes not listed here. See the full changelog: ${COMPARE}`,
    );
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toMatch(/over GitHub's limit of 3,000; \d+ entries were left out/);
    expect(first.warnings[0]).toContain(`${first.omitted} entries were left out`);

    // What is kept is a prefix in rendering order: Features first, then Bug fixes.
    const listed = first.markdown.match(/^\* .*$/gm) ?? [];
    expect(listed).toHaveLength(entries.length - first.omitted);
    const order = [
      ...entries.filter((e) => e.category === 'Features'),
      ...entries.filter((e) => e.category === 'Bug fixes'),
    ];
    expect(listed.map((line) => Number(/\(#(\d+)\)/.exec(line)?.[1]))).toEqual(
      order.slice(0, listed.length).map((e) => e.pr),
    );
  });

  it('at the real size: a body over 125,000 characters is cut to fit and still ends with the link', () => {
    expect(GITHUB_BODY_LIMIT).toBe(125_000);
    const entries = many(1_600, 90);
    const full = renderReleaseMarkdown(input(entries), Number.MAX_SAFE_INTEGER);
    expect(full.omitted).toBe(0);
    expect(full.markdown.length).toBeGreaterThan(GITHUB_BODY_LIMIT);

    const cut = renderReleaseMarkdown(input(entries));
    expect(cut.markdown.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    // Cut as little as possible: the body is within one entry line of the limit.
    expect(cut.markdown.length).toBeGreaterThan(GITHUB_BODY_LIMIT - 200);
    expect(cut.omitted).toBeGreaterThan(0);
    expect(endsWithCompareLink(cut.markdown)).toBe(true);
    expect(cut.markdown).toContain('</details>');
    expect(cut.warnings[0]).toContain(`${full.markdown.length.toLocaleString('en')} characters`);
    expect(renderReleaseMarkdown(input(entries)).markdown).toBe(cut.markdown);
  });

  it('does not shorten or warn at exactly the limit', () => {
    const entries = many(30, 20);
    const full = renderReleaseMarkdown(input(entries), Number.MAX_SAFE_INTEGER);
    const exact = renderReleaseMarkdown(input(entries), full.markdown.length);
    expect(exact).toEqual({ markdown: full.markdown, omitted: 0, warnings: [] });
    expect(renderReleaseMarkdown(input(entries), full.markdown.length - 1).omitted).toBeGreaterThan(0);
  });
});
