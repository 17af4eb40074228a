/** A commit as Release Desk reads it from `git log`. */
export interface CommitSummary {
  sha: string;
  /** Committer date, ISO-8601. */
  date: string;
  author: string;
  subject: string;
  /** True for a commit with more than one parent. */
  isMerge: boolean;
}

const SQUASH_SUFFIX = /\(#(\d{1,7})\)\s*$/;
const MERGE_PREFIX = /^Merge pull request #(\d{1,7}) from /;

/**
 * The PR a commit belongs to, read from its subject: a squash merge ends in `(#N)`, a merge commit
 * reads `Merge pull request #N from …`. Null for a direct commit.
 */
export function prNumberFromSubject(subject: string): number | null {
  const match = MERGE_PREFIX.exec(subject) ?? SQUASH_SUFFIX.exec(subject);
  return match ? Number(match[1]) : null;
}

/** The distinct PR numbers of some commits, in first-seen order. */
export function prNumbersOf(commits: readonly CommitSummary[]): number[] {
  const seen = new Set<number>();
  for (const commit of commits) {
    const pr = prNumberFromSubject(commit.subject);
    if (pr !== null) seen.add(pr);
  }
  return [...seen];
}
