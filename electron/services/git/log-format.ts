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

/** Parses `git log --cherry-mark --format=MARKED_LOG_FORMAT`: each commit with whether git found an equivalent patch. */
export function parseMarkedLog(output: string): { commit: CommitSummary; equivalent: boolean }[] {
  const result: { commit: CommitSummary; equivalent: boolean }[] = [];
  for (const record of output.split(RECORD)) {
    const trimmed = record.replace(/^\n/, '');
    if (!trimmed) continue;
    const mark = trimmed.slice(0, 1);
    const [commit] = parseLog(trimmed.slice(2) + RECORD);
    if (commit) result.push({ commit, equivalent: mark === '=' });
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
