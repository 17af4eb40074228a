import { CommitGraph } from './commit-graph';
import type { SandboxGit } from './sandbox-git';
import type { StoredPullRequest, StoredRepository } from './server-state';

/** The commits reachable from `tip` and not from `base`, as `git rev-list base..tip` lists them. */
export interface CommitRange {
  base: string;
  tip: string;
}

const SHA = /^[0-9a-f]{40}$/;
/** Ranges are immutable (two shas fix the set), so the cache only needs a bound, not invalidation. */
const MAX_CACHED_RANGES = 20_000;

/**
 * The commit ranges GitHub associates with a PR:
 * - merged: `base..mergeCommit` (a merge commit with its branch commits, the squash commit, or the rebased
 *   copies) plus `base..head` (the original head commits, which GitHub also associates with a squash- or
 *   rebase-merged PR), both with the base and head the PR had when it was merged;
 * - open: base..head of its live branches (the head it last had when that branch is gone);
 * - closed without merging: none, as GitHub only returns merged and open PRs for a commit.
 */
export function associationRanges(pull: StoredPullRequest, branches: ReadonlyMap<string, string>): CommitRange[] {
  let ranges: CommitRange[] = [];
  if (pull.merged && pull.lastBaseSha) {
    const base = pull.lastBaseSha;
    ranges = [pull.mergeCommitSha, pull.lastHeadSha].flatMap((tip) => (tip ? [{ base, tip }] : []));
  } else if (pull.state === 'open') {
    const base = branches.get(pull.base);
    const tip = branches.get(pull.head) ?? pull.lastHeadSha;
    if (base && tip) ranges = [{ base, tip }];
  }
  // The shas come from the server's own state file; checking them keeps a hand-edited file from ever
  // giving git anything but object ids.
  return ranges.filter((range) => SHA.test(range.base) && SHA.test(range.tip));
}

const rangeKey = (range: CommitRange) => `${range.base}..${range.tip}`;

/**
 * Which PRs each commit of a repository is associated with, derived from the stored PRs and real git
 * ranges. Each range's commits are cached (per repository, by its two shas); the ranges not seen yet
 * are computed together from one read of the commit graph, so after the first query only open PRs
 * whose branches moved cost a git process.
 */
export class PullRequestAssociations {
  private readonly ranges = new Map<string, readonly string[]>();

  /**
   * Commit sha → the PRs associated with it, by PR number ascending (GitHub's default order is by
   * creation, which numbers follow). `branches` are the live branch tips, for open PRs.
   */
  async index(
    git: SandboxGit,
    repo: StoredRepository,
    branches: ReadonlyMap<string, string>,
  ): Promise<Map<string, StoredPullRequest[]>> {
    const pulls = [...repo.pulls].sort((a, b) => a.number - b.number);
    const rangesOfPulls = pulls.map((pull) => associationRanges(pull, branches));
    const cacheKey = (range: CommitRange) => `${git.gitDir}\n${rangeKey(range)}`;
    const missing = rangesOfPulls.flat().filter((range) => !this.ranges.has(cacheKey(range)));
    if (missing.length > 0) {
      const graph = await CommitGraph.load(
        git,
        missing.flatMap((range) => [range.base, range.tip]),
      );
      for (const range of missing) this.remember(cacheKey(range), graph.range(range.base, range.tip));
    }
    const index = new Map<string, StoredPullRequest[]>();
    pulls.forEach((pull, position) => {
      const shas = new Set((rangesOfPulls[position] ?? []).flatMap((range) => this.ranges.get(cacheKey(range)) ?? []));
      for (const sha of shas) {
        const associated = index.get(sha);
        if (associated) associated.push(pull);
        else index.set(sha, [pull]);
      }
    });
    return index;
  }

  private remember(key: string, shas: readonly string[]): void {
    this.ranges.set(key, shas);
    if (this.ranges.size > MAX_CACHED_RANGES) this.ranges.delete(this.ranges.keys().next().value as string);
  }
}
