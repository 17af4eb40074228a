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

/** The pieces of the body, each rendered once, so shortening only has to add up lengths. */
interface Pieces {
  head: string[];
  /** In rendering order: the category heading (when it is the category's first entry) and the line. */
  items: { heading: string | null; line: string }[];
  tail: string[];
  omittedLine: (omitted: number) => string;
}

function pieces(input: MarkdownInput, ordered: NotesEntry[]): Pieces {
  const { notes } = input;
  const items: Pieces['items'] = [];
  let category: string | null = null;
  for (const entry of ordered) {
    const heading = entry.category !== category ? `### ${entry.category}` : null;
    category = entry.category;
    items.push({ heading, line: entryLine(entry, notes.repositoryUrl) });
  }
  const tail = ['</details>', ''];
  if (notes.contributors.length > 0) tail.push(`**Contributors:** ${notes.contributors.join(', ')}`, '');
  if (notes.compareUrl) tail.push(`**Full Changelog**: ${notes.compareUrl}`, '');
  const where = notes.compareUrl ? ` See the full changelog: ${notes.compareUrl}` : '';
  return {
    head: [input.summary.trim() || '_No summary yet._', '', '<details><summary>Technical summary</summary>', ''],
    items,
    tail,
    omittedLine: (omitted) => `… and ${omitted} more ${omitted === 1 ? 'change' : 'changes'} not listed here.${where}`,
  };
}

/** The body with the first `count` items, then the "and N more" line when any were left out. */
function assemble(parts: Pieces, count: number): string {
  const lines = [...parts.head];
  parts.items.slice(0, count).forEach((item, index) => {
    if (item.heading) {
      if (index > 0) lines.push('');
      lines.push(item.heading, '');
    }
    lines.push(item.line);
  });
  if (count > 0) lines.push('');
  const omitted = parts.items.length - count;
  if (omitted > 0) lines.push(parts.omittedLine(omitted), '');
  lines.push(...parts.tail);
  return lines.join('\n');
}

/** The length {@link assemble} would give, computed from prefix sums instead of building the text. */
function lengthCalculator(parts: Pieces): (count: number) => number {
  const base = [...parts.head, ...parts.tail].reduce((sum, line) => sum + line.length + 1, 0) - 1;
  const prefix = [0];
  parts.items.forEach((item, index) => {
    const heading = item.heading ? (index > 0 ? 1 : 0) + item.heading.length + 2 : 0;
    prefix.push((prefix[index] as number) + heading + item.line.length + 1);
  });
  return (count) => {
    const omitted = parts.items.length - count;
    return (
      base + (prefix[count] as number) + (count > 0 ? 1 : 0) + (omitted > 0 ? parts.omittedLine(omitted).length + 2 : 0)
    );
  };
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
  const parts = pieces(input, renderOrder(input));
  const lengthOf = lengthCalculator(parts);
  const total = parts.items.length;
  if (lengthOf(total) <= limit) return { markdown: assemble(parts, total), omitted: 0, warnings: [] };

  let low = 0;
  let high = total;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lengthOf(middle) <= limit) low = middle;
    else high = middle - 1;
  }
  const omitted = total - low;
  return {
    markdown: assemble(parts, low),
    omitted,
    warnings: [
      `The release body would be ${lengthOf(total).toLocaleString('en')} characters, over GitHub's limit of ${limit.toLocaleString('en')}; ${omitted} entries were left out and the body links to the full changelog.`,
    ],
  };
}
