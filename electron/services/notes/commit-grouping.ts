import { prNumberFromSubject } from '../../../shared/domain/commits/pr-reference';
import { commitIdentity, type DetailedCommit } from '../git/log-format';
import type { ReleasedSet } from './range-selection';

/** Commits that belong together in the notes: a PR's, or one direct commit. */
export interface CommitGroup {
  pr: number | null;
  /** The commit whose subject (or, for a merge, body) names the change. */
  head: DetailedCommit;
  /** Newest first; for a merged PR, the merge commit first, then its branch's commits. */
  commits: DetailedCommit[];
}

const GITHUB_MERGE = /^Merge pull request #\d+ from /;
const OTHER_MERGE = /^Merge (branch|remote-tracking branch|tag|commit) /;

/**
 * Groups the commits of a range into PRs and direct commits, in memory and in one pass. A squash merge
 * is one commit ending in `(#N)`. A merge commit's PR also owns the commits of its merged branch: those
 * reachable from its second parent, inside the range, that neither lie on the first-parent line nor
 * were claimed by an older merge; unless that branch holds other PRs (a promotion PR), whose commits
 * then stay entries of their own. Plain "Merge branch …" commits (a branch synced with another) carry
 * no change of their own and are left out.
 */
export function groupCommits(commits: readonly DetailedCommit[]): CommitGroup[] {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const owner = new Map<string, CommitGroup>();
  const groups: CommitGroup[] = [];
  const groupsByPr = new Map<number, CommitGroup>();

  // The first-parent line through the range, from its newest commit(s) down.
  const mainline = new Set<string>();
  for (const start of commits) {
    if (mainline.has(start.sha) || owner.has(start.sha)) continue;
    let cursor: DetailedCommit | undefined = start;
    while (cursor && !mainline.has(cursor.sha)) {
      mainline.add(cursor.sha);
      cursor = bySha.get(cursor.parents[0] ?? '');
    }
    break;
  }

  // Oldest merges first, so each newer merge claims only the commits its branch added.
  const merges = commits.filter((commit) => commit.parents.length > 1 && GITHUB_MERGE.test(commit.subject)).reverse();
  for (const merge of merges) {
    const group: CommitGroup = { pr: prNumberFromSubject(merge.subject), head: merge, commits: [merge] };
    const branch: DetailedCommit[] = [];
    let holdsOtherPrs = false;
    const seen = new Set<string>();
    const stack = merge.parents.slice(1);
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      const commit = bySha.get(sha);
      if (!commit || mainline.has(sha) || seen.has(sha)) continue;
      seen.add(sha);
      const claimed = owner.get(sha);
      if (claimed) {
        if (claimed.head === commit) holdsOtherPrs = true;
        continue;
      }
      const pr = prNumberFromSubject(commit.subject);
      if (pr !== null && pr !== group.pr) holdsOtherPrs = true;
      branch.push(commit);
      stack.push(...commit.parents);
    }
    owner.set(merge.sha, group);
    if (group.pr !== null) groupsByPr.set(group.pr, group);
    // A promotion PR (field-tm's `Merge pull request #2903 from hotosm/dev`) merges a branch that holds
    // other PRs: those, and the direct commits between them, are entries of their own, so it claims
    // only its merge commit rather than swallowing a whole release under one line.
    if (holdsOtherPrs) continue;
    for (const commit of branch) {
      owner.set(commit.sha, group);
      group.commits.push(commit);
    }
  }

  for (const commit of commits) {
    const claimed = owner.get(commit.sha);
    if (claimed) {
      if (claimed.head === commit) groups.push(claimed);
      continue;
    }
    if (commit.parents.length > 1 && OTHER_MERGE.test(commit.subject)) continue;
    const pr = prNumberFromSubject(commit.subject);
    // The same PR number twice (a squash and its cherry-pick) is one entry.
    const existing = pr === null ? undefined : groupsByPr.get(pr);
    if (existing) {
      existing.commits.push(commit);
      continue;
    }
    const group: CommitGroup = { pr, head: commit, commits: [commit] };
    if (pr !== null) groupsByPr.set(pr, group);
    groups.push(group);
  }
  return groups;
}

/**
 * Takes out what an earlier release already shipped: a whole PR when its number was released; else
 * each commit with an equivalent patch or the same identity (rewritten). A group left with no change
 * of its own is dropped. Works on groups, not commits, so a released merged PR takes its branch along.
 */
export function withoutReleased(groups: readonly CommitGroup[], released: ReleasedSet | null): CommitGroup[] {
  if (!released) return [...groups];
  const isReleased = (commit: DetailedCommit): boolean =>
    released.equivalentShas.has(commit.sha) || released.identities.has(commitIdentity(commit));
  const kept: CommitGroup[] = [];
  for (const group of groups) {
    if (group.pr !== null && released.prs.has(group.pr)) continue;
    const commits = group.commits.filter((commit) => !isReleased(commit));
    const ownChange = commits.some((commit) => commit.parents.length < 2) || (commits.length > 0 && group.pr !== null);
    if (!ownChange) continue;
    kept.push({ ...group, commits });
  }
  return kept;
}
