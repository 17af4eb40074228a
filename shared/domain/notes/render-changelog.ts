import type { NotesEntry } from './notes-model';

/** commitizen's changelog headings for conventional types, in its order. */
const CHANGE_TYPES: [string, string][] = [
  ['feat', 'Feat'],
  ['fix', 'Fix'],
  ['refactor', 'Refactor'],
  ['perf', 'Perf'],
];

function line(entry: NotesEntry): string {
  const scope = entry.scope ? `**${entry.scope}**: ` : '';
  const pr = entry.pr !== null ? ` (#${entry.pr})` : '';
  return `- ${scope}${entry.description}${pr}`;
}

/**
 * A CHANGELOG.md section in commitizen's shape, so it can be pasted above the existing ones:
 * `## 2025.5.0 (2025-08-28)`, `### BREAKING CHANGE`, `### Feat`, `### Fix`, …, `- **scope**: text (#N)`.
 * Like commitizen, it lists only the change types it has headings for.
 */
export function renderChangelogSection(version: string, date: string, entries: readonly NotesEntry[]): string {
  const lines = [`## ${version} (${date})`, ''];
  const breaking = entries.filter((entry) => entry.breaking);
  if (breaking.length > 0) lines.push('### BREAKING CHANGE', '', ...breaking.map(line), '');
  for (const [type, heading] of CHANGE_TYPES) {
    const ofType = entries.filter((entry) => entry.type === type && !entry.breaking);
    if (ofType.length > 0) lines.push(`### ${heading}`, '', ...ofType.map(line), '');
  }
  return lines.join('\n');
}
