import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import { shortSha, type GitHubRepo } from './refs';

/** One check run as a release manager reads it. */
export interface CheckRunSummary {
  name: string;
  /** `queued`, `in_progress` or `completed` (GitHub Actions adds `waiting`, `requested`, `pending`). */
  status: string;
  /** Set once completed: `success`, `failure`, `neutral`, `cancelled`, `skipped`, `timed_out`... */
  conclusion: string | null;
  detailsUrl: string | null;
}

/** One commit status context, the latest GitHub has for it. */
export interface CommitStatusSummary {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  targetUrl: string | null;
}

/** A commit's combined status: failure if any context failed, pending if any is pending (or none exist). */
export interface CombinedStatus {
  state: 'failure' | 'pending' | 'success';
  statuses: CommitStatusSummary[];
}

/** Conclusions GitHub accepts for a required check, as it does when deciding whether a PR may merge. */
export const PASSING_CONCLUSIONS: readonly string[] = ['success', 'neutral', 'skipped'];

/**
 * The latest check run of each name on a commit (`ref` may also be a branch or tag), following pages.
 * GitHub's default `filter=latest` already drops re-runs that were superseded.
 */
export async function checkRuns(client: GitHubClient, repo: GitHubRepo, ref: string): Promise<CheckRunSummary[]> {
  try {
    const runs = await client.paginate(client.rest.checks.listForRef, { ...repo, ref, per_page: 100 });
    return runs.map((run) => ({
      name: run.name,
      status: run.status,
      conclusion: run.conclusion ?? null,
      detailsUrl: run.details_url ?? null,
    }));
  } catch (error) {
    throw githubAppError(error, `read the checks of ${describeRef(ref)}`);
  }
}

/** The combined commit status of a commit (or branch or tag): the latest status per context. */
export async function combinedStatus(client: GitHubClient, repo: GitHubRepo, ref: string): Promise<CombinedStatus> {
  try {
    // One page of 100 contexts: more than any release train uses; the response is not a plain list, so
    // Octokit's paginate cannot follow it.
    const { data } = await client.rest.repos.getCombinedStatusForRef({ ...repo, ref, per_page: 100 });
    return {
      state: data.state === 'success' || data.state === 'failure' ? data.state : 'pending',
      statuses: data.statuses.map((status) => ({
        context: status.context,
        state: status.state as CommitStatusSummary['state'],
        description: status.description,
        targetUrl: status.target_url,
      })),
    };
  } catch (error) {
    throw githubAppError(error, `read the commit status of ${describeRef(ref)}`);
  }
}

function describeRef(ref: string): string {
  return /^[0-9a-f]{40}$/i.test(ref) ? `commit ${shortSha(ref)}` : ref;
}

/** One CI verdict on a commit, from its check runs and commit statuses together. */
export type CiVerdict = 'success' | 'failure' | 'pending' | 'none';

/**
 * The CI verdict of `sha`: any failed check run or status fails it, anything unfinished leaves it
 * pending, and a commit with neither has `none`. The train dashboard and the flows' preflight both
 * show it, so they always agree.
 */
export async function ciVerdict(client: GitHubClient, repo: GitHubRepo, sha: string): Promise<CiVerdict> {
  const [runs, status] = await Promise.all([checkRuns(client, repo, sha), combinedStatus(client, repo, sha)]);
  const states: CiVerdict[] = runs.map((run) => {
    if (run.status !== 'completed') return 'pending';
    return run.conclusion !== null && PASSING_CONCLUSIONS.includes(run.conclusion) ? 'success' : 'failure';
  });
  if (status.statuses.length > 0) {
    states.push(status.state === 'success' ? 'success' : status.state === 'pending' ? 'pending' : 'failure');
  }
  if (states.length === 0) return 'none';
  if (states.includes('failure')) return 'failure';
  return states.includes('pending') ? 'pending' : 'success';
}
