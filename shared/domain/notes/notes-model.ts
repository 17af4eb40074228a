/** How the previous release was chosen for a notes range. */
export type RangeMode = 'ancestry' | 'released-set';

/** The commits release notes are made from. */
export interface NotesRange {
  /** The previous release (tag) or ref; null when there is none (first release). */
  from: string | null;
  fromSha: string | null;
  to: string;
  toSha: string;
  /**
   * `ancestry`: everything in `to` that is not in `from`. `released-set`: everything in `to` that is
   * not in any earlier release, by history, PR number or patch id (for reset or rewritten histories).
   */
  mode: RangeMode;
  /** One sentence on how `from` was chosen, shown in the UI and the CLI. */
  explanation: string;
}

/** One line of the notes: a PR, or a direct commit without one. */
export interface NotesEntry {
  /** `pr:2802` or `commit:<full sha>`: what a draft's edits are keyed by. */
  key: string;
  pr: number | null;
  /** The conventional header without the PR suffix, e.g. `fix(tasks): correct assignee`. */
  title: string;
  /** The description part alone, e.g. `correct assignee`. */
  description: string;
  type: string | null;
  scope: string | null;
  breaking: boolean;
  /** The title of the category it falls in. */
  category: string;
  /** Author names (or GitHub logins when known), in first-seen order. */
  authors: string[];
  /** Full shas of the commits it groups, newest first. */
  commits: string[];
  labels: string[];
  /** Committer date of its newest commit, ISO-8601. */
  date: string;
}

/** A category of the notes, in display order. */
export interface NotesCategory {
  title: string;
  labels: string[];
  types: string[];
}

/** Generated release notes: the range, the entries and what to warn about. */
export interface ReleaseNotes {
  range: NotesRange;
  entries: NotesEntry[];
  /** Category titles in display order (only those with entries are rendered). */
  categories: string[];
  contributors: string[];
  warnings: string[];
  /** e.g. `https://github.com/hotosm/field-tm/compare/2025.7.0...2026.1.0`; null without a web URL or `from`. */
  compareUrl: string | null;
  /** e.g. `https://github.com/hotosm/field-tm`; null when unknown (a bare directory with no remote). */
  repositoryUrl: string | null;
}

/** The title of the catch-all category. */
export const OTHER_CHANGES = 'Other changes';
/** The title of the category every breaking change is listed in first. */
export const BREAKING_CHANGES = 'Breaking changes';

/**
 * The default categories, in the order of a typical GitHub release: breaking first, then what users
 * notice most. `.release-desk.yml` or `.github/release.yml` replace them.
 */
export const DEFAULT_CATEGORIES: NotesCategory[] = [
  { title: 'Features', labels: ['enhancement', 'feature'], types: ['feat'] },
  { title: 'Bug fixes', labels: ['bug', 'fix'], types: ['fix'] },
  { title: 'Performance', labels: ['performance'], types: ['perf'] },
  { title: 'Refactoring', labels: ['refactor'], types: ['refactor'] },
  { title: 'Documentation', labels: ['documentation', 'docs'], types: ['docs'] },
  { title: 'Tests', labels: ['test', 'tests'], types: ['test'] },
  { title: 'Build and CI', labels: ['ci', 'build', 'dependencies'], types: ['build', 'ci'] },
  { title: 'Chores', labels: ['chore'], types: ['chore', 'style', 'revert'] },
];

/**
 * The category an entry belongs to: breaking changes first; then the first category naming one of its
 * PR labels; then the first naming its conventional type; then a `*` (match-all) category, as in
 * GitHub's `.github/release.yml`; else "Other changes". Labels outrank types because a maintainer set
 * them on purpose; types still classify when no labels are known (offline).
 */
export function categorize(
  entry: Pick<NotesEntry, 'type' | 'labels' | 'breaking'>,
  categories: readonly NotesCategory[],
): string {
  if (entry.breaking) return BREAKING_CHANGES;
  const byLabel = categories.find((category) => entry.labels.some((label) => category.labels.includes(label)));
  if (byLabel) return byLabel.title;
  const byType =
    entry.type === null ? undefined : categories.find((category) => category.types.includes(entry.type as string));
  if (byType) return byType.title;
  return categories.find((category) => category.labels.includes('*'))?.title ?? OTHER_CHANGES;
}

/** The display order of category titles: breaking, the configured ones, then "Other changes". */
export function categoryOrder(categories: readonly NotesCategory[]): string[] {
  return [
    BREAKING_CHANGES,
    ...categories.map((category) => category.title).filter((t) => t !== BREAKING_CHANGES && t !== OTHER_CHANGES),
    OTHER_CHANGES,
  ];
}
