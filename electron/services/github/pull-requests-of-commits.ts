import { AppError } from '../../../shared/ipc/errors';
import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import {
  commitAlias,
  COMMITS_PER_QUERY,
  PULL_REQUESTS_FIRST_PAGE,
  PULL_REQUESTS_FOLLOW_UP_PAGE,
  pullRequestsOfCommitsQuery,
  type PullRequestNode,
  type PullRequestPage,
  type PullRequestsOfCommitsData,
} from './graphql-queries';

/** A PR associated with a commit: what release notes and the train need, nothing more. */
export interface PullRequestRef {
  number: number;
  title: string;
  /** The PR's web page. */
  url: string;
  /** When it was merged; null for an open PR that contains the commit. */
  mergedAt: string | null;
  baseRefName: string;
  headRefName: string;
  /** Login of the PR's author; null when the account is gone ("ghost"). */
  author: string | null;
  /** The merge, squash or last rebased commit; null while the PR is open. */
  mergeCommitSha: string | null;
  /** Label names (at most `LABELS_PER_PULL_REQUEST`, 20). */
  labels: string[];
}

/** Which repository to ask about. */
export interface RepositoryName {
  owner: string;
  repo: string;
}

/** Options for {@link pullRequestsOfCommits}. */
export interface PullRequestsOfCommitsOptions {
  /** Told after each request how many commits have their full list of PRs, out of how many. */
  onProgress?(done: number, total: number): void;
}

/** The PRs of each commit, and what finding them cost. */
export interface PullRequestsOfCommits {
  /**
   * Every distinct sha asked about (lower-cased) → its PRs, by PR number ascending as GitHub lists them;
   * empty for a commit no PR brought, or one the repository does not have.
   */
  byCommit: Map<string, PullRequestRef[]>;
  /** GraphQL requests sent: ⌈commits / 100⌉, plus one per 100 commits that have more than 5 PRs. */
  requests: number;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;
const DOING = 'look up the pull requests of these commits';

/** The types GitHub gives GraphQL errors, as the HTTP status they stand for in `githubAppError`. */
const STATUS_OF_GRAPHQL_ERROR: Record<string, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

/** The parts of a failed GraphQL call this module reads (`GraphqlResponseError`, or the throttler's). */
interface GraphqlFailure {
  errors?: unknown;
  data?: { errors?: unknown };
  headers?: Record<string, string | number | undefined>;
}

/**
 * Words a failure as every GitHub operation does. A GraphQL error arrives with HTTP 200 and a `type`;
 * it is worded as the REST status it stands for, and any other type (GitHub refusing the query) as 422.
 */
function lookupError(error: unknown): AppError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as GraphqlFailure;
  const errors = Array.isArray(failure.errors) ? failure.errors : failure.data?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return githubAppError(error, DOING);
  const first = errors[0] as { type?: unknown; message?: unknown };
  const status = (typeof first.type === 'string' && STATUS_OF_GRAPHQL_ERROR[first.type]) || 422;
  const message = typeof first.message === 'string' ? first.message : undefined;
  return githubAppError({ status, response: { headers: failure.headers ?? {}, data: { message } } }, DOING);
}

/** Distinct shas, lower-cased; refuses anything but a full 40-hex sha before any of it reaches a query. */
function distinctShas(shas: readonly string[]): string[] {
  for (const sha of shas) {
    if (typeof sha !== 'string' || !FULL_SHA.test(sha)) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `Cannot ${DOING}: ${JSON.stringify(String(sha).slice(0, 60))} is not a full 40-character commit sha.`,
      );
    }
  }
  return [...new Set(shas.map((sha) => sha.toLowerCase()))];
}

function pullRequestRef(node: PullRequestNode): PullRequestRef {
  return {
    number: node.number,
    title: node.title,
    url: node.url,
    mergedAt: node.mergedAt,
    baseRefName: node.baseRefName,
    headRefName: node.headRefName,
    author: node.author?.login ?? null,
    mergeCommitSha: node.mergeCommit?.oid ?? null,
    labels: (node.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : [])),
  };
}

/** A commit still to ask about, with the cursor its next page starts after (none for the first page). */
interface PendingCommit {
  sha: string;
  after: string | null;
}

/**
 * The PRs associated with each of `shas` (GitHub's `Commit.associatedPullRequests`: the merged PR that
 * brought a commit, plus open PRs that contain it). One GraphQL request covers 100 commits, so N commits
 * cost ⌈N/100⌉ requests where a REST lookup (`GET /commits/{sha}/pulls`) costs N; commits with more than
 * 5 PRs get one follow-up request per 100 of them. Requests go one after another, as GitHub asks of
 * GraphQL clients.
 */
export async function pullRequestsOfCommits(
  client: GitHubClient,
  repository: RepositoryName,
  shas: readonly string[],
  options: PullRequestsOfCommitsOptions = {},
): Promise<PullRequestsOfCommits> {
  const commits = distinctShas(shas);
  const byCommit = new Map<string, PullRequestRef[]>(commits.map((sha) => [sha, []]));
  let requests = 0;
  let done = 0;

  /** Asks about up to 100 commits; returns the ones with another page to fetch. */
  const ask = async (batch: readonly PendingCommit[], first: number): Promise<PendingCommit[]> => {
    const variables: Record<string, unknown> = { owner: repository.owner, name: repository.repo, first };
    batch.forEach((commit, index) => {
      variables[`oid${index}`] = commit.sha;
      variables[`after${index}`] = commit.after;
    });
    requests += 1;
    const data = await client.graphql<PullRequestsOfCommitsData>(pullRequestsOfCommitsQuery(batch.length), variables);
    const more: PendingCommit[] = [];
    batch.forEach((commit, index) => {
      const page: PullRequestPage | null | undefined = data.repository?.[commitAlias(index)]?.associatedPullRequests;
      const refs = byCommit.get(commit.sha) ?? [];
      for (const node of page?.nodes ?? []) if (node) refs.push(pullRequestRef(node));
      if (page?.pageInfo.hasNextPage && page.pageInfo.endCursor)
        more.push({ sha: commit.sha, after: page.pageInfo.endCursor });
      else done += 1;
    });
    options.onProgress?.(done, commits.length);
    return more;
  };

  try {
    // First pages for everyone, then the rare long lists together, so they share requests.
    const followUps: PendingCommit[] = [];
    for (let start = 0; start < commits.length; start += COMMITS_PER_QUERY) {
      const batch = commits.slice(start, start + COMMITS_PER_QUERY).map((sha) => ({ sha, after: null }));
      followUps.push(...(await ask(batch, PULL_REQUESTS_FIRST_PAGE)));
    }
    while (followUps.length > 0) {
      followUps.push(...(await ask(followUps.splice(0, COMMITS_PER_QUERY), PULL_REQUESTS_FOLLOW_UP_PAGE)));
    }
  } catch (error) {
    throw lookupError(error);
  }
  return { byCommit, requests };
}
