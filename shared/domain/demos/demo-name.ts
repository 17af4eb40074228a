/**
 * Demo names: the one piece of a demo that becomes a directory, a lock file and a branch suffix on a
 * server. Checked here (renderer and CLI), again in main, and again by the demo script itself.
 */

/** 1–40 lower-case letters, digits and dashes, not starting with a dash (it would read as an option). */
export const DEMO_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Why `name` is not a demo name, in a sentence, or null when it is one. */
export function demoNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a demo name.';
  if (name.length > 40) return `A demo name is at most 40 characters; this one has ${name.length}.`;
  if (name.startsWith('-')) return 'A demo name cannot start with a dash.';
  if (!DEMO_NAME_PATTERN.test(name)) {
    return 'Use only lower-case letters, digits and dashes (a-z, 0-9, -) in a demo name.';
  }
  return null;
}

/** A demo name from a branch: `feature/Map-Export_v2` → `map-export-v2` (the last path part, at most 40). */
export function suggestDemoName(branch: string): string {
  const last = branch.split('/').filter(Boolean).at(-1) ?? '';
  const slug = last
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'demo';
}
