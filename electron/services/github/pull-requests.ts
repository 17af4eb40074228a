import { AppError } from '../../../shared/ipc/errors';
import { branchRequirements, type BranchRequirements } from './branch-rules';
import {
  checkRuns,
  combinedStatus,
  PASSING_CONCLUSIONS,
  type CheckRunSummary,
  type CombinedStatus,
} from './commit-checks';
import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import { githubFailure, requireSha, shortSha, type GitHubRepo } from './refs';

/** A pull request as flows use it. */
export interface PullRequestSummary {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
  headRef: string;
  headSha: string;
  baseRef: string;
  htmlUrl: string;
}

/** The fields of GitHub's `pull-request` and `pull-request-simple` that a summary reads. */
interface PullRequestPayload {
  number: number;
  title: string;
  body: string | null;
  state: string;
  merged_at: string | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  html_url: string;
}

function summaryOf(data: PullRequestPayload): PullRequestSummary {
  return {
    number: data.number,
    title: data.title,
    body: data.body,
    state: data.state === 'closed' ? 'closed' : 'open',
    merged: data.merged_at !== null,
    headRef: data.head.ref,
    headSha: data.head.sha,
    baseRef: data.base.ref,
    htmlUrl: data.html_url,
  };
}

/** The open PR from `head` into `base` in the same repository, if there is one. */
export async function findOpenPullRequest(
  client: GitHubClient,
  repo: GitHubRepo,
  branches: { head: string; base: string },
): Promise<PullRequestSummary | undefined> {
  try {
    // GitHub filters `head` only in its `owner:branch` form.
    const { data } = await client.rest.pulls.list({
      ...repo,
      state: 'open',
      head: `${repo.owner}:${branches.head}`,
      base: branches.base,
      per_page: 100,
    });
    return data[0] ? summaryOf(data[0]) : undefined;
  } catch (error) {
    throw githubAppError(error, `look for a PR from ${branches.head} into ${branches.base}`);
  }
}

/** True for GitHub's 422 "A pull request already exists for owner:branch." */
function isAlreadyExists(error: unknown): boolean {
  const failure = error as { response?: { data?: { errors?: { message?: unknown }[] } } };
  return (
    githubFailure(error).status === 422 &&
    (failure.response?.data?.errors ?? []).some(
      (item) => typeof item.message === 'string' && item.message.startsWith('A pull request already exists'),
    )
  );
}

/**
 * Observe, then act: returns the open PR from `head` into `base`, creating it only when there is none.
 * A create GitHub refuses with "A pull request already exists" (a retried POST whose first answer was
 * lost, or another run racing this one) is looked up again and returned, so retrying never makes two.
 */
export async function findOrCreatePullRequest(
  client: GitHubClient,
  repo: GitHubRepo,
  request: { head: string; base: string; title: string; body: string },
): Promise<{ pull: PullRequestSummary; created: boolean }> {
  const existing = await findOpenPullRequest(client, repo, request);
  if (existing) return { pull: existing, created: false };
  try {
    const { data } = await client.rest.pulls.create({ ...repo, ...request });
    return { pull: summaryOf(data), created: true };
  } catch (error) {
    if (isAlreadyExists(error)) {
      const found = await findOpenPullRequest(client, repo, request);
      if (found) return { pull: found, created: false };
    }
    throw githubAppError(error, `open a PR from ${request.head} into ${request.base}`);
  }
}

/** Replaces a PR's description (flows keep release notes there). */
export async function updatePullRequestBody(
  client: GitHubClient,
  repo: GitHubRepo,
  number: number,
  body: string,
): Promise<PullRequestSummary> {
  try {
    const { data } = await client.rest.pulls.update({ ...repo, pull_number: number, body });
    return summaryOf(data);
  } catch (error) {
    throw githubAppError(error, `update the description of PR #${number}`);
  }
}

/** Where a PR stands: its checks and reviews against its base branch's rules, and what still blocks it. */
export interface PullRequestState {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  headSha: string;
  /** The branch it merges into (`pull.base.ref`). */
  baseRef: string;
  /** The branch it merges from (`pull.head.ref`). */
  headRef: string;
  /** `null` while GitHub is still working it out. */
  mergeable: boolean | null;
  /** GitHub's `mergeable_state`: `clean`, `blocked`, `dirty`, `behind`, `unstable`, `unknown`... */
  mergeableState: string;
  approvals: number;
  changesRequested: number;
  checks: { name: string; status: string; conclusion: string | null }[];
  combinedStatus: CombinedStatus;
  requirements: BranchRequirements;
  requirementsMet: boolean;
  /** Sentences for the user, e.g. "Check “ci” has not passed yet". Empty when it can merge. */
  blockers: string[];
}

async function getPull(client: GitHubClient, repo: GitHubRepo, number: number) {
  try {
    return (await client.rest.pulls.get({ ...repo, pull_number: number })).data;
  } catch (error) {
    throw githubAppError(error, `read PR #${number}`);
  }
}

/** Each reviewer's standing review (the latest approval, change request or dismissal), counted. */
async function reviewCounts(client: GitHubClient, repo: GitHubRepo, number: number) {
  try {
    const reviews = await client.paginate(client.rest.pulls.listReviews, {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    const standing = new Map<string, string>();
    for (const review of reviews) {
      if (!['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) continue;
      standing.set(review.user?.login ?? `review-${review.id}`, review.state);
    }
    const states = [...standing.values()];
    return {
      approvals: states.filter((state) => state === 'APPROVED').length,
      changesRequested: states.filter((state) => state === 'CHANGES_REQUESTED').length,
    };
  } catch (error) {
    throw githubAppError(error, `read the reviews of PR #${number}`);
  }
}

/** How a required context stands: its latest check run wins, else its commit status. */
function contextStanding(context: string, runs: CheckRunSummary[], status: CombinedStatus) {
  const run = runs.find((candidate) => candidate.name === context);
  if (run?.status === 'completed') return PASSING_CONCLUSIONS.includes(run.conclusion ?? '') ? 'passed' : 'failed';
  const reported = status.statuses.find((candidate) => candidate.context === context);
  if (reported?.state === 'success') return 'passed';
  if (reported?.state === 'failure' || reported?.state === 'error') return 'failed';
  return 'waiting';
}

/**
 * Reads a PR with the reviews, check runs and commit statuses of its head commit and the rules of its
 * base branch, and says in words what still stands between it and a merge.
 */
export async function pullRequestState(
  client: GitHubClient,
  repo: GitHubRepo,
  number: number,
): Promise<PullRequestState> {
  const pull = await getPull(client, repo, number);
  const headSha = pull.head.sha;
  const [reviews, runs, status, requirements] = await Promise.all([
    reviewCounts(client, repo, number),
    checkRuns(client, repo, headSha),
    combinedStatus(client, repo, headSha),
    branchRequirements(client, repo, pull.base.ref),
  ]);
  const blockers: string[] = [];
  if (pull.merged) blockers.push(`PR #${number} is already merged`);
  else if (pull.state === 'closed') blockers.push(`PR #${number} is closed`);
  else {
    if (pull.mergeable === false) {
      blockers.push(`It conflicts with ${pull.base.ref}: resolve the conflicts on ${pull.head.ref} first`);
    }
    if (pull.mergeable === null)
      blockers.push('GitHub is still working out whether it can merge; look again in a moment');
    for (const context of requirements.requiredChecks) {
      const standing = contextStanding(context, runs, status);
      if (standing === 'failed') blockers.push(`Check “${context}” failed`);
      if (standing === 'waiting') blockers.push(`Check “${context}” has not passed yet`);
    }
    const missing = requirements.requiredApprovals - reviews.approvals;
    if (missing > 0) blockers.push(`Needs ${missing} more approving review${missing === 1 ? '' : 's'}`);
    if (requirements.requiredApprovals > 0 && reviews.changesRequested > 0) {
      blockers.push('A reviewer requested changes');
    }
    if (pull.mergeable_state === 'behind')
      blockers.push(`${pull.head.ref} is behind ${pull.base.ref}: update it first`);
    // GitHub knows rules this token may not read (classic protection needs Administration read).
    if (pull.mergeable_state === 'blocked' && blockers.length === 0) {
      blockers.push('GitHub reports it blocked by a branch rule Release Desk cannot read with this token');
    }
  }
  return {
    number,
    state: pull.state === 'closed' ? 'closed' : 'open',
    merged: pull.merged,
    headSha,
    baseRef: pull.base.ref,
    headRef: pull.head.ref,
    mergeable: pull.mergeable,
    mergeableState: pull.mergeable_state,
    approvals: reviews.approvals,
    changesRequested: reviews.changesRequested,
    checks: runs.map((run) => ({ name: run.name, status: run.status, conclusion: run.conclusion })),
    combinedStatus: status,
    requirements,
    requirementsMet: blockers.length === 0,
    blockers,
  };
}

/**
 * Merges a PR at exactly `expectedHeadSha` (GitHub refuses with 409 if the head moved, so nothing
 * unreviewed is merged). It looks first: a PR already merged returns its merge commit, which makes a
 * retry after a lost answer safe.
 */
export async function mergePullRequest(
  client: GitHubClient,
  repo: GitHubRepo,
  request: { number: number; expectedHeadSha: string; method: 'merge' | 'squash' | 'rebase' },
): Promise<{ sha: string }> {
  const { number } = request;
  const expected = requireSha(request.expectedHeadSha);
  const before = await getPull(client, repo, number);
  if (before.merged && before.merge_commit_sha) return { sha: before.merge_commit_sha };
  if (before.state === 'closed') {
    throw new AppError('CONFLICT', `PR #${number} was closed without merging. Reopen it on GitHub, then try again.`);
  }
  try {
    const { data } = await client.rest.pulls.merge({
      ...repo,
      pull_number: number,
      sha: expected,
      merge_method: request.method,
    });
    return { sha: data.sha };
  } catch (error) {
    const failure = githubFailure(error);
    const detail = failure.message ? `GitHub said: ${failure.message}` : undefined;
    if (failure.status === 409) {
      throw new AppError(
        'CONFLICT',
        `The head of PR #${number} moved since it was reviewed at ${shortSha(expected)}, so it was not merged. ` +
          'Look at the PR again (new commits need their checks and reviews), then merge.',
        detail,
      );
    }
    if (failure.status === 405) {
      // Someone else may have merged it between the look and the merge.
      const after = await getPull(client, repo, number);
      if (after.merged && after.merge_commit_sha) return { sha: after.merge_commit_sha };
      throw new AppError(
        'CONFLICT',
        `GitHub would not merge PR #${number}: ${failure.message ?? 'it is not mergeable'}`,
        detail,
      );
    }
    throw githubAppError(error, `merge PR #${number}`);
  }
}
