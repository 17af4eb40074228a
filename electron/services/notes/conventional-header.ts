import { CommitParser } from 'conventional-commits-parser';

/** What a conventional-commit header (and body) says about a change. */
export interface ConventionalParts {
  type: string | null;
  scope: string | null;
  /** The description after `type(scope): `, or the whole header when it is not conventional. */
  description: string;
  breaking: boolean;
}

// `type(scope)!: text` marks a breaking change in the header; `BREAKING CHANGE:` does in the body.
const parser = new CommitParser({
  headerPattern: /^(\w*)(?:\(([^()]*)\))?!?: (.*)$/,
  breakingHeaderPattern: /^(\w*)(?:\(([^()]*)\))?!: (.*)$/,
  headerCorrespondence: ['type', 'scope', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  // Issue references (`#123`, `closes #4`) are not used here, and their regex dominated the time of a
  // 5,000-commit range: undefined turns that scan off.
  issuePrefixes: undefined,
  referenceActions: undefined,
});

/** Parses a header (plus optional body) with conventional-commits-parser. Anything unparsed has type null. */
export function parseConventional(header: string, body = ''): ConventionalParts {
  const parsed = parser.parse(body ? `${header}\n\n${body}` : header);
  const type = parsed.type ? parsed.type.toLowerCase() : null;
  const breaking = /^(\w*)(?:\([^()]*\))?!: /.test(header) || parsed.notes.some((note) => /BREAKING/i.test(note.title));
  return {
    type,
    scope: parsed.scope || null,
    description: type ? (parsed.subject ?? header) : header,
    breaking,
  };
}
