// GraphQL query text the GitHub services send. Every query is built only from numbers and fixed text:
// owners, names, shas and cursors travel as GraphQL variables, never inside the query string. The tests
// validate each query against GitHub's public schema (`@octokit/graphql-schema`).

/** The most commits one query asks about: GitHub's own advice for batching node lookups. */
export const COMMITS_PER_QUERY = 100;

/** PRs asked for per commit in the first pass; a commit rarely has more (feature, freeze and promote PRs). */
export const PULL_REQUESTS_FIRST_PAGE = 5;

/** PRs asked for per commit when a commit has more than the first page. */
export const PULL_REQUESTS_FOLLOW_UP_PAGE = 100;

/** Labels read per PR. Release notes sort by a handful of labels; a PR with more is unheard of. */
export const LABELS_PER_PULL_REQUEST = 20;

/** The response key of the i-th commit in {@link pullRequestsOfCommitsQuery}. */
export function commitAlias(index: number): string {
  return `c${index}`;
}

/**
 * Asks for the PRs associated with `count` commits in one request: one aliased `object(oid:)` per commit
 * (`c0`, `c1`, ...), each with its own `$oidN` and `$afterN` (the cursor of a follow-up page, or null).
 * `$first` is the page size. GitHub charges (count + count × first) / 100 points: 6 for a full first pass.
 */
export function pullRequestsOfCommitsQuery(count: number): string {
  if (!Number.isInteger(count) || count < 1 || count > COMMITS_PER_QUERY) {
    throw new RangeError(`A query asks about 1 to ${COMMITS_PER_QUERY} commits, not ${count}`);
  }
  const indices = Array.from({ length: count }, (_, index) => index);
  const declarations = indices.map((index) => `$oid${index}: GitObjectID!, $after${index}: String`).join(', ');
  const commits = indices
    .map(
      (index) =>
        `    ${commitAlias(index)}: object(oid: $oid${index}) {\n` +
        `      ... on Commit { associatedPullRequests(first: $first, after: $after${index}) { ...PullRequestPage } }\n` +
        `    }`,
    )
    .join('\n');
  return `query PullRequestsOfCommits($owner: String!, $name: String!, $first: Int!, ${declarations}) {
  repository(owner: $owner, name: $name) {
${commits}
  }
}

fragment PullRequestPage on PullRequestConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    number
    title
    url
    mergedAt
    baseRefName
    headRefName
    author { login }
    mergeCommit { oid }
    labels(first: ${LABELS_PER_PULL_REQUEST}) { nodes { name } }
  }
}
`;
}

/** One PR as {@link pullRequestsOfCommitsQuery} reads it. */
export interface PullRequestNode {
  number: number;
  title: string;
  url: string;
  mergedAt: string | null;
  baseRefName: string;
  headRefName: string;
  author: { login: string } | null;
  mergeCommit: { oid: string } | null;
  labels: { nodes: Array<{ name: string } | null> | null } | null;
}

/** One page of a commit's `associatedPullRequests`. */
export interface PullRequestPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<PullRequestNode | null> | null;
}

/**
 * The `data` of {@link pullRequestsOfCommitsQuery}: per alias, the commit (`{}` when the oid names a
 * tree, blob or tag) or null when the repository has no such object.
 */
export interface PullRequestsOfCommitsData {
  repository: Record<string, { associatedPullRequests?: PullRequestPage | null } | null> | null;
}
