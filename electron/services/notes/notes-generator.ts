import {
  DEFAULT_CATEGORIES,
  categorize,
  categoryOrder,
  type NotesCategory,
  type NotesEntry,
  type ReleaseNotes,
} from '../../../shared/domain/notes/notes-model';
import type { EffectiveConfig } from '../config/config-loader';
import type { CommitGroup } from './commit-grouping';
import { parseConventional } from './conventional-header';
import type { GitHubReleaseConfig } from './github-release-config';
import type { SelectedRange } from './range-selection';

/** What GitHub adds when connected: labels and logins per PR. Absent offline. */
export interface PullRequestFacts {
  labels: string[];
  author: string;
}

const PR_SUFFIX = /\s*\(#\d+\)\s*$/;

/** The title of a group: a merge commit's PR title (its body's first line), else the head's subject. */
function groupTitle(group: CommitGroup): string {
  if (group.head.parents.length > 1) {
    const firstBodyLine = group.head.body.split('\n').find((line) => line.trim() !== '');
    if (firstBodyLine) return firstBodyLine.trim();
    const only = group.commits.length === 2 ? group.commits[1] : undefined;
    if (only) return only.subject.replace(PR_SUFFIX, '');
  }
  return group.head.subject.replace(PR_SUFFIX, '');
}

/** The categories in force: the config's, else `.github/release.yml`'s, else the defaults. */
export function effectiveCategories(config: EffectiveConfig, github: GitHubReleaseConfig | null): NotesCategory[] {
  if (config.config.notes.categories.length > 0) return config.config.notes.categories;
  if (github && github.categories.length > 0) return github.categories;
  return DEFAULT_CATEGORIES;
}

/**
 * Turns grouped commits into release notes: one entry per PR or direct commit, classified, with
 * contributors and the compare link. Excluded labels and authors (config or `.github/release.yml`)
 * drop an entry.
 */
export function buildNotes(input: {
  selected: SelectedRange;
  groups: CommitGroup[];
  config: EffectiveConfig;
  github: GitHubReleaseConfig | null;
  repositoryUrl: string | null;
  pullRequests?: ReadonlyMap<number, PullRequestFacts>;
}): ReleaseNotes {
  const categories = effectiveCategories(input.config, input.github);
  const excludedLabels = new Set([
    ...input.config.config.notes.exclude.labels,
    ...(input.github?.exclude.labels ?? []),
  ]);
  const excludedAuthors = new Set([
    ...input.config.config.notes.exclude.authors,
    ...(input.github?.exclude.authors ?? []),
  ]);

  const entries: NotesEntry[] = [];
  for (const group of input.groups) {
    const title = groupTitle(group);
    const conventional = parseConventional(title, group.head.parents.length > 1 ? '' : group.head.body);
    const facts = group.pr === null ? undefined : input.pullRequests?.get(group.pr);
    const labels = facts?.labels ?? [];
    const branchCommits = group.commits.filter((commit) => commit.parents.length < 2);
    const authors = facts
      ? [facts.author]
      : [...new Set((branchCommits.length > 0 ? branchCommits : group.commits).map((commit) => commit.author))];
    if (labels.some((label) => excludedLabels.has(label)) || authors.every((author) => excludedAuthors.has(author)))
      continue;
    const entry: NotesEntry = {
      key: group.pr === null ? `commit:${group.head.sha}` : `pr:${group.pr}`,
      pr: group.pr,
      title,
      description: conventional.description.replace(PR_SUFFIX, ''),
      type: conventional.type,
      scope: conventional.scope,
      breaking: conventional.breaking,
      category: '',
      authors,
      commits: group.commits.map((commit) => commit.sha),
      labels,
      date: group.head.date,
    };
    entry.category = categorize(entry, categories);
    entries.push(entry);
  }

  const order = categoryOrder(categories);
  const contributors = [...new Set(entries.flatMap((entry) => entry.authors))].sort((a, b) => a.localeCompare(b));
  const { range } = input.selected;
  return {
    range,
    entries,
    categories: order,
    contributors,
    warnings: [...input.selected.warnings],
    compareUrl: input.repositoryUrl && range.from ? `${input.repositoryUrl}/compare/${range.from}...${range.to}` : null,
    repositoryUrl: input.repositoryUrl,
  };
}
