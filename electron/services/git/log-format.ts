import type { CommitSummary } from '../../../shared/domain/commits/pr-reference';

const FIELD = '\x1f';
const RECORD = '\x1e';

/** The `--format` that {@link parseLog} reads: sha, parents, committer date, author, subject. */
export const LOG_FORMAT = `%H${FIELD}%P${FIELD}%cI${FIELD}%an${FIELD}%s${RECORD}`;

/** Same as {@link LOG_FORMAT}, prefixed with `%m` (the side mark of `--cherry-mark`: `=`, `+`, `-`). */
export const MARKED_LOG_FORMAT = `%m${FIELD}${LOG_FORMAT}`;

/** Parses `git log --format=LOG_FORMAT` output. Pure. */
export function parseLog(output: string): CommitSummary[] {
  const commits: CommitSummary[] = [];
  for (const record of output.split(RECORD)) {
    const trimmed = record.replace(/^\n/, '');
    if (!trimmed) continue;
    const [sha = '', parents = '', date = '', author = '', subject = ''] = trimmed.split(FIELD);
    commits.push({ sha, date, author, subject, isMerge: parents.trim().split(' ').filter(Boolean).length > 1 });
  }
  return commits;
}

/**
 * Parses `git log --format=MARKED_LOG_FORMAT`: each commit with its mark (`=` equivalent patch under
 * `--cherry-mark`, `<`/`>` its side under `--left-right`) and whether git found an equivalent patch.
 */
export function parseMarkedLog(output: string): { commit: CommitSummary; equivalent: boolean; mark: string }[] {
  const result: { commit: CommitSummary; equivalent: boolean; mark: string }[] = [];
  for (const record of output.split(RECORD)) {
    const trimmed = record.replace(/^\n/, '');
    if (!trimmed) continue;
    const mark = trimmed.slice(0, 1);
    const [commit] = parseLog(trimmed.slice(2) + RECORD);
    if (commit) result.push({ commit, equivalent: mark === '=', mark });
  }
  return result;
}

/** A ref as listed by {@link REF_FORMAT}. */
export interface RefEntry {
  name: string;
  /** The commit the ref points at (annotated tags are peeled). */
  sha: string;
}

/** The `for-each-ref` format {@link parseRefs} reads: full name, object, peeled object. */
export const REF_FORMAT = `%(refname)${FIELD}%(objectname)${FIELD}%(*objectname)`;

/** Parses `git for-each-ref --format=REF_FORMAT` output. Pure. */
export function parseRefs(output: string): RefEntry[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', object = '', peeled = ''] = line.split(FIELD);
      return { name, sha: peeled || object };
    });
}

/** A commit with what notes need: parents (for grouping merged branches), author email and body. */
export interface DetailedCommit {
  sha: string;
  parents: string[];
  date: string;
  /** Author date, ISO-8601: kept by rebase and cherry-pick, so it identifies a rewritten commit. */
  authorDate: string;
  author: string;
  email: string;
  subject: string;
  body: string;
}

/** The `--format` that {@link parseDetailedLog} reads. */
export const DETAILED_LOG_FORMAT = `%H${FIELD}%P${FIELD}%cI${FIELD}%aI${FIELD}%an${FIELD}%ae${FIELD}%s${FIELD}%b${RECORD}`;

/** Parses `git log --format=DETAILED_LOG_FORMAT` output. Pure. */
export function parseDetailedLog(output: string): DetailedCommit[] {
  const commits: DetailedCommit[] = [];
  for (const record of output.split(RECORD)) {
    const trimmed = record.replace(/^\n/, '');
    if (!trimmed) continue;
    const [sha = '', parents = '', date = '', authorDate = '', author = '', email = '', subject = '', ...body] =
      trimmed.split(FIELD);
    commits.push({
      sha,
      parents: parents.split(' ').filter(Boolean),
      date,
      authorDate,
      author,
      email,
      subject,
      body: body.join(FIELD).trim(),
    });
  }
  return commits;
}

/**
 * The identity of a commit that survives a rewrite (rebase, reset and re-apply, cherry-pick): author,
 * author date and subject. Two commits with the same identity are the same change under new shas.
 */
export function commitIdentity(commit: { author: string; authorDate: string; subject: string }): string {
  return `${commit.author}${FIELD}${commit.authorDate}${FIELD}${commit.subject}`;
}

/** The `--format` that {@link parseIdentityLog} reads. */
export const IDENTITY_LOG_FORMAT = `%an${FIELD}%aI${FIELD}%s`;

/** Parses `git log --format=IDENTITY_LOG_FORMAT`: each commit's subject and identity. */
export function parseIdentityLog(output: string): { subject: string; identity: string }[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [author = '', authorDate = '', subject = ''] = line.split(FIELD);
      return { subject, identity: commitIdentity({ author, authorDate, subject }) };
    });
}
