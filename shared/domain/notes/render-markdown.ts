import type { NotesEntry, ReleaseNotes } from './notes-model';

/** GitHub refuses a release body over this many characters. */
export const GITHUB_BODY_LIMIT = 125_000;

/** What the GitHub release body is made from: the notes after a draft's edits. */
export interface MarkdownInput {
  summary: string;
  /** Visible entries, in the order to show them within each category. */
  entries: NotesEntry[];
  notes: Pick<ReleaseNotes, 'categories' | 'contributors' | 'compareUrl' | 'repositoryUrl'>;
}

/** The rendered body, and whether (and how much) it had to be shortened. */
export interface RenderedMarkdown {
  markdown: string;
  /** Entries left out to stay under the body limit; 0 when everything fits. */
  omitted: number;
  warnings: string[];
}

function entryLine(entry: NotesEntry, repositoryUrl: string | null): string {
  const authors = entry.authors.map((author) => (/^[A-Za-z0-9-]+(\[bot\])?$/.test(author) ? `@${author}` : author));
  const by = authors.length > 0 ? ` by ${authors.join(', ')}` : '';
  if (entry.pr !== null) {
    const where = repositoryUrl ? ` in ${repositoryUrl}/pull/${entry.pr}` : '';
    return `* ${entry.title} (#${entry.pr})${by}${where}`;
  }
  const sha = entry.commits[0]?.slice(0, 8) ?? '';
  return `* ${entry.title} (${sha})${by}`;
}

function render(input: MarkdownInput, entries: NotesEntry[], omitted: number): string {
  const { notes } = input;
  const lines: string[] = [];
  lines.push(input.summary.trim() || '_No summary yet._', '');
  lines.push('<details><summary>Technical summary</summary>', '');
  for (const category of notes.categories) {
    const inCategory = entries.filter((entry) => entry.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`### ${category}`, '');
    for (const entry of inCategory) lines.push(entryLine(entry, notes.repositoryUrl));
    lines.push('');
  }
  if (omitted > 0) {
    const where = notes.compareUrl ? ` See the full changelog: ${notes.compareUrl}` : '';
    lines.push(`… and ${omitted} more ${omitted === 1 ? 'change' : 'changes'} not listed here.${where}`, '');
  }
  lines.push('</details>', '');
  if (notes.contributors.length > 0) lines.push(`**Contributors:** ${notes.contributors.join(', ')}`, '');
  if (notes.compareUrl) lines.push(`**Full Changelog**: ${notes.compareUrl}`, '');
  return lines.join('\n');
}

/** The entries in rendering order: category order first, then their order within the category. */
function renderOrder(input: MarkdownInput): NotesEntry[] {
  return input.notes.categories.flatMap((category) => input.entries.filter((entry) => entry.category === category));
}

/**
 * Renders the GitHub release body: the editable summary, then the technical summary grouped by
 * category inside `<details>`. Over {@link GITHUB_BODY_LIMIT} it keeps the longest prefix of entries (in
 * rendering order) that fits, ends with a link to the full changelog, and warns: the same input always
 * gives the same output.
 */
export function renderReleaseMarkdown(input: MarkdownInput, limit = GITHUB_BODY_LIMIT): RenderedMarkdown {
  const ordered = renderOrder(input);
  const full = render(input, ordered, 0);
  if (full.length <= limit) return { markdown: full, omitted: 0, warnings: [] };

  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (render(input, ordered.slice(0, middle), ordered.length - middle).length <= limit) low = middle;
    else high = middle - 1;
  }
  const omitted = ordered.length - low;
  return {
    markdown: render(input, ordered.slice(0, low), omitted),
    omitted,
    warnings: [
      `The release body would be ${full.length.toLocaleString('en')} characters, over GitHub's limit of ${limit.toLocaleString('en')}; ${omitted} entries were left out and the body links to the full changelog.`,
    ],
  };
}
