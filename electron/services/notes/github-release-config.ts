import { parse as parseYaml } from 'yaml';
import type { NotesCategory } from '../../../shared/domain/notes/notes-model';

/** The parts of GitHub's `.github/release.yml` that Release Desk honours. */
export interface GitHubReleaseConfig {
  categories: NotesCategory[];
  exclude: { labels: string[]; authors: string[] };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * Reads `.github/release.yml` (`changelog.categories[].title/labels`, `changelog.exclude`). Returns null
 * for a file that is not valid YAML or has no `changelog` section, so a broken file falls back to defaults.
 */
export function parseGitHubReleaseConfig(text: string): GitHubReleaseConfig | null {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch {
    return null;
  }
  const changelog = (document as { changelog?: Record<string, unknown> } | null)?.changelog;
  if (!changelog || typeof changelog !== 'object') return null;
  const categories = Array.isArray(changelog.categories) ? (changelog.categories as Record<string, unknown>[]) : [];
  const exclude = (changelog.exclude ?? {}) as Record<string, unknown>;
  return {
    categories: categories
      .filter((category) => typeof category?.title === 'string')
      .map((category) => ({ title: category.title as string, labels: strings(category.labels), types: [] })),
    exclude: { labels: strings(exclude.labels), authors: strings(exclude.authors) },
  };
}
