import { nodeId, type ServerUrls } from './json-urls';
import { repositoryJson, type RepositoryFacts } from './repository-json';
import type { ServerState, StoredPullRequest, StoredRepository } from './server-state';
import { signedInSimpleUser } from './user-json';

/** Facts about a pull request read from git at request time. */
export interface PullRequestFacts {
  headSha: string;
  baseSha: string;
  repository: RepositoryFacts;
}

/** Facts only the single-PR view (`pull-request`) carries. */
export interface PullRequestDetailFacts extends PullRequestFacts {
  mergeable: boolean | null;
  /** `clean`, `dirty` (conflicts), `blocked` (branch rules unmet), `behind` (strict rules), `unknown`. */
  mergeableState: string;
  commits: number;
}

/** GitHub's `pull-request-simple`, as `GET /pulls` lists it. */
export function pullRequestSimpleJson(
  urls: ServerUrls,
  state: ServerState,
  repo: StoredRepository,
  pull: StoredPullRequest,
  facts: PullRequestFacts,
) {
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${urls.api}/repos/${fullName}/pulls/${pull.number}`;
  const issueUrl = `${urls.api}/repos/${fullName}/issues/${pull.number}`;
  const htmlUrl = `${urls.html}/${fullName}/pull/${pull.number}`;
  const user = signedInSimpleUser(urls, state);
  const repoJson = repositoryJson(urls, state, repo, facts.repository);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: repoJson.owner,
    repo: repoJson,
  });
  return {
    url,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: htmlUrl,
    diff_url: `${htmlUrl}.diff`,
    patch_url: `${htmlUrl}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${urls.api}/repos/${fullName}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${urls.api}/repos/${fullName}/statuses/${facts.headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user,
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, facts.headSha),
    base: side(pull.base, facts.baseSha),
    _links: {
      self: { href: url },
      html: { href: htmlUrl },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${urls.api}/repos/${fullName}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${urls.api}/repos/${fullName}/statuses/${facts.headSha}` },
    },
    author_association: 'OWNER',
    auto_merge: null,
    draft: false,
  };
}

/** GitHub's `pull-request`, as `GET /pulls/{n}`, `POST /pulls` return it. */
export function pullRequestJson(
  urls: ServerUrls,
  state: ServerState,
  repo: StoredRepository,
  pull: StoredPullRequest,
  facts: PullRequestDetailFacts,
) {
  return {
    ...pullRequestSimpleJson(urls, state, repo, pull, facts),
    merged: pull.merged,
    mergeable: pull.state === 'closed' ? null : facts.mergeable,
    rebaseable: pull.state === 'closed' ? null : facts.mergeable,
    mergeable_state: facts.mergeableState,
    merged_by: pull.merged ? signedInSimpleUser(urls, state) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: facts.commits,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}
