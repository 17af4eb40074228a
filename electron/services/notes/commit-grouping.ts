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

/** Generation numbers inside the range: 1 + the highest of a commit's parents in the range, 1 at its roots. */
function generations(
  commits: readonly DetailedCommit[],
  bySha: ReadonlyMap<string, DetailedCommit>,
): Map<string, number> {
  const generation = new Map<string, number>();
  for (const start of commits) {
    const stack = [start];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as DetailedCommit;
      if (generation.has(top.sha)) {
        stack.pop();
        continue;
      }
      let highest = 0;
      let pending = false;
      for (const sha of top.parents) {
        const parent = bySha.get(sha);
        if (!parent) continue;
        const known = generation.get(sha);
        if (known === undefined) {
          stack.push(parent);
          pending = true;
        } else highest = Math.max(highest, known);
      }
      if (!pending) {
        generation.set(top.sha, highest + 1);
        stack.pop();
      }
    }
  }
  return generation;
}

const MAINLINE = 1;
const BRANCH = 2;

/**
 * The commits a merge brought in, `M^1..M^2` inside the range, newest first: painted down from both
 * sides in generation order, as git's merge-base does, and stopped once nothing is reached from the
 * branch alone. A walk along "the" first-parent line would not do: in a range measured on main, the PRs
 * were merged into development, whose own history is not on main's first-parent line.
 */
function mergedBranch(
  merge: DetailedCommit,
  bySha: ReadonlyMap<string, DetailedCommit>,
  generation: ReadonlyMap<string, number>,
): DetailedCommit[] {
  const paint = new Map<string, number>();
  const queue: DetailedCommit[] = [];
  let branchOnly = 0;
  const reach = (sha: string, flags: number): void => {
    const commit = bySha.get(sha);
    if (!commit) return;
    const before = paint.get(sha) ?? 0;
    const after = before | flags;
    if (after === before) return;
    paint.set(sha, after);
    // A commit is painted only by its children, which all have higher generations: it is still queued.
    if (before === 0) queue.push(commit);
    if (after === BRANCH) branchOnly += 1;
    else if (before === BRANCH) branchOnly -= 1;
  };
  const [first = '', ...others] = merge.parents;
  reach(first, MAINLINE);
  for (const sha of others) reach(sha, BRANCH);

  const branch: DetailedCommit[] = [];
  while (branchOnly > 0 && queue.length > 0) {
    let next = 0;
    for (let index = 1; index < queue.length; index += 1) {
      if ((generation.get(queue[index]!.sha) ?? 0) > (generation.get(queue[next]!.sha) ?? 0)) next = index;
    }
    const commit = queue.splice(next, 1)[0] as DetailedCommit;
    const flags = paint.get(commit.sha) as number;
    if (flags === BRANCH) {
      branchOnly -= 1;
      branch.push(commit);
    }
    for (const parent of commit.parents) reach(parent, flags);
  }
  return branch;
}

/**
 * Groups the commits of a range into PRs and direct commits, in memory. A squash merge is one commit
 * ending in `(#N)`. A merge commit's PR also owns the commits of its merged branch (`M^1..M^2`, inside
 * the range) that an older merge did not claim; unless that branch holds other PRs (a promotion PR),
 * whose commits then stay entries of their own. Plain "Merge branch …" commits (a branch synced with
 * another) carry no change of their own and are left out.
 */
export function groupCommits(commits: readonly DetailedCommit[]): CommitGroup[] {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const owner = new Map<string, CommitGroup>();
  const groups: CommitGroup[] = [];
  const groupsByPr = new Map<number, CommitGroup>();
  const directByIdentity = new Map<string, CommitGroup>();
  const generation = generations(commits, bySha);

  // Oldest merges first, so each newer merge claims only the commits its branch added.
  const merges = commits.filter((commit) => commit.parents.length > 1 && GITHUB_MERGE.test(commit.subject)).reverse();
  for (const merge of merges) {
    const group: CommitGroup = { pr: prNumberFromSubject(merge.subject), head: merge, commits: [merge] };
    owner.set(merge.sha, group);
    if (group.pr !== null) groupsByPr.set(group.pr, group);
    const branch = mergedBranch(merge, bySha, generation);
    // A promotion PR (field-tm's `Merge pull request #2903 from hotosm/dev`) merges a branch that holds
    // other PRs: those, and the direct commits between them, are entries of their own, so it claims
    // only its merge commit rather than swallowing a whole release under one line.
    const holdsOtherPrs = branch.some((commit) => {
      const pr = prNumberFromSubject(commit.subject);
      return pr !== null && pr !== group.pr;
    });
    if (holdsOtherPrs) continue;
    for (const commit of branch) {
      if (owner.has(commit.sha)) continue;
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
    // The same PR number twice (a squash and its cherry-pick) is one entry; so is a direct commit and
    // its cherry-pick (a hotfix picked onto staging and development: same author, author date, subject).
    const identity = commitIdentity(commit);
    const existing = pr === null ? directByIdentity.get(identity) : groupsByPr.get(pr);
    if (existing) {
      existing.commits.push(commit);
      continue;
    }
    const group: CommitGroup = { pr, head: commit, commits: [commit] };
    if (pr !== null) groupsByPr.set(pr, group);
    else directByIdentity.set(identity, group);
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
