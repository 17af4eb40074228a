/** The GitHub release body cut where its `<details>` block starts and ends. */
export interface ReleaseBodyParts {
  /** The summary for users, above the technical summary. */
  summary: string;
  /** What is inside `<details><summary>Technical summary</summary>`; null when there is no such block. */
  technical: string | null;
  /** What follows the block: contributors and the compare link. */
  tail: string;
}

const OPEN = '<details><summary>Technical summary</summary>';
const CLOSE = '</details>';

/**
 * Splits the body so the preview can show the technical summary as a collapsible section: the preview
 * renders markdown without raw HTML, where the `<details>` tags would otherwise show as text. The last
 * occurrences are used, because a summary a person typed may quote the tags itself.
 */
export function splitReleaseBody(markdown: string): ReleaseBodyParts {
  const close = markdown.lastIndexOf(CLOSE);
  const open = close === -1 ? -1 : markdown.lastIndexOf(OPEN, close);
  if (open === -1) return { summary: markdown, technical: null, tail: '' };
  return {
    summary: markdown.slice(0, open).trim(),
    technical: markdown.slice(open + OPEN.length, close).trim(),
    tail: markdown.slice(close + CLOSE.length).trim(),
  };
}
