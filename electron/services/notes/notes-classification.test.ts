import { describe, expect, it } from 'vitest';
import {
  BREAKING_CHANGES,
  DEFAULT_CATEGORIES,
  OTHER_CHANGES,
  categorize,
  categoryOrder,
  type NotesCategory,
} from '../../../shared/domain/notes/notes-model';
import { parseConventional } from './conventional-header';
import { parseGitHubReleaseConfig } from './github-release-config';

describe('parseConventional (conventional-commits-parser)', () => {
  it.each([
    ['feat(tasks): assign users', { type: 'feat', scope: 'tasks', description: 'assign users', breaking: false }],
    ['fix: correct assignee', { type: 'fix', scope: null, description: 'correct assignee', breaking: false }],
    ['feat(api)!: drop v1', { type: 'feat', scope: 'api', description: 'drop v1', breaking: true }],
    [
      'refactor!: rename everything',
      { type: 'refactor', scope: null, description: 'rename everything', breaking: true },
    ],
    [
      'Feat(Mapper): capitalised type',
      { type: 'feat', scope: 'Mapper', description: 'capitalised type', breaking: false },
    ],
    ['build(deps-dev): bump vite', { type: 'build', scope: 'deps-dev', description: 'bump vite', breaking: false }],
  ])('reads %j', (header, expected) => {
    expect(parseConventional(header)).toEqual(expected);
  });

  it('reads a `BREAKING CHANGE:` footer (and `BREAKING-CHANGE:`) in the body as breaking', () => {
    expect(parseConventional('feat(auth): new login', 'Long text.\n\nBREAKING CHANGE: the /me route is gone')).toEqual({
      type: 'feat',
      scope: 'auth',
      description: 'new login',
      breaking: true,
    });
    expect(parseConventional('fix: x', 'BREAKING-CHANGE: config moved').breaking).toBe(true);
    // A body that only mentions breaking things is not a footer.
    expect(parseConventional('fix: x', 'This is not a breaking change at all.').breaking).toBe(false);
  });

  it.each([
    'Update README.md',
    'Translated using Weblate (French)',
    'Revert "feat(mapper): allow users to revert"',
    'fix vectorLayer: remove hover effect',
    'feat : space before colon',
  ])('leaves %j unparsed: no type, the whole header as description', (header) => {
    expect(parseConventional(header)).toEqual({ type: null, scope: null, description: header, breaking: false });
  });
});

describe('categorize and categoryOrder', () => {
  const categories: NotesCategory[] = [
    { title: 'New', labels: ['enhancement'], types: ['feat'] },
    { title: 'Fixed', labels: ['bug'], types: ['fix'] },
    { title: 'Dependencies', labels: ['dependencies'], types: [] },
  ];

  it('puts breaking changes first, whatever their labels or type', () => {
    expect(categorize({ type: 'fix', labels: ['bug'], breaking: true }, categories)).toBe(BREAKING_CHANGES);
  });

  it('prefers a PR label over the conventional type, then uses the type', () => {
    expect(categorize({ type: 'feat', labels: ['dependencies'], breaking: false }, categories)).toBe('Dependencies');
    expect(categorize({ type: 'fix', labels: ['unrelated'], breaking: false }, categories)).toBe('Fixed');
    expect(categorize({ type: 'feat', labels: [], breaking: false }, categories)).toBe('New');
  });

  it('sends an unparsed or unknown type to "Other changes", or to a `*` category when there is one', () => {
    expect(categorize({ type: null, labels: [], breaking: false }, categories)).toBe(OTHER_CHANGES);
    expect(categorize({ type: 'docs', labels: [], breaking: false }, categories)).toBe(OTHER_CHANGES);
    const withCatchAll = [...categories, { title: 'Everything else', labels: ['*'], types: [] }];
    expect(categorize({ type: null, labels: [], breaking: false }, withCatchAll)).toBe('Everything else');
    expect(categorize({ type: 'fix', labels: [], breaking: false }, withCatchAll)).toBe('Fixed');
  });

  it('classifies the default categories by type', () => {
    const of = (type: string): string => categorize({ type, labels: [], breaking: false }, DEFAULT_CATEGORIES);
    expect([of('feat'), of('fix'), of('perf'), of('refactor'), of('docs'), of('test'), of('ci'), of('chore')]).toEqual([
      'Features',
      'Bug fixes',
      'Performance',
      'Refactoring',
      'Documentation',
      'Tests',
      'Build and CI',
      'Chores',
    ]);
  });

  it('orders breaking first, the configured ones as given, and "Other changes" last, once each', () => {
    expect(categoryOrder(categories)).toEqual([BREAKING_CHANGES, 'New', 'Fixed', 'Dependencies', OTHER_CHANGES]);
    expect(
      categoryOrder([
        { title: OTHER_CHANGES, labels: [], types: [] },
        { title: 'A', labels: [], types: [] },
        { title: BREAKING_CHANGES, labels: [], types: [] },
      ]),
    ).toEqual([BREAKING_CHANGES, 'A', OTHER_CHANGES]);
  });
});

describe('parseGitHubReleaseConfig (.github/release.yml)', () => {
  // GitHub's documented example, with an exclude section.
  const documented = `
changelog:
  exclude:
    labels:
      - ignore-for-release
    authors:
      - octocat
      - dependabot[bot]
  categories:
    - title: Breaking Changes 🛠
      labels:
        - Semver-Major
        - breaking-change
    - title: Exciting New Features 🎉
      labels:
        - Semver-Minor
        - enhancement
    - title: Other Changes
      labels:
        - "*"
`;

  it('reads categories (title, labels) and exclude (labels, authors)', () => {
    expect(parseGitHubReleaseConfig(documented)).toEqual({
      categories: [
        { title: 'Breaking Changes 🛠', labels: ['Semver-Major', 'breaking-change'], types: [] },
        { title: 'Exciting New Features 🎉', labels: ['Semver-Minor', 'enhancement'], types: [] },
        { title: 'Other Changes', labels: ['*'], types: [] },
      ],
      exclude: { labels: ['ignore-for-release'], authors: ['octocat', 'dependabot[bot]'] },
    });
  });

  it('categorizes by its labels, with `*` catching the rest', () => {
    const config = parseGitHubReleaseConfig(documented);
    const categories = config?.categories ?? [];
    expect(categorize({ type: 'feat', labels: ['enhancement'], breaking: false }, categories)).toBe(
      'Exciting New Features 🎉',
    );
    expect(categorize({ type: 'feat', labels: [], breaking: false }, categories)).toBe('Other Changes');
  });

  it('keeps what is valid and skips categories without a title or non-string labels', () => {
    expect(
      parseGitHubReleaseConfig(
        'changelog:\n  categories:\n    - labels: [bug]\n    - title: Fixes\n      labels: [bug, 3, {a: 1}]\n',
      ),
    ).toEqual({ categories: [{ title: 'Fixes', labels: ['bug'], types: [] }], exclude: { labels: [], authors: [] } });
  });

  it('returns null for a file that is not YAML or has no changelog section, so defaults apply', () => {
    expect(parseGitHubReleaseConfig('changelog: [unclosed')).toBeNull();
    expect(parseGitHubReleaseConfig('something: else\n')).toBeNull();
    expect(parseGitHubReleaseConfig('')).toBeNull();
    expect(parseGitHubReleaseConfig('changelog: just text\n')).toBeNull();
  });
});
