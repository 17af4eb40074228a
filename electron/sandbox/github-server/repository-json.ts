import { nodeId, type ServerUrls } from './json-urls';
import type { ServerState, StoredRepository } from './server-state';
import { simpleUserJson } from './user-json';

/** Facts about a repository read from git at request time. */
export interface RepositoryFacts {
  defaultBranch: string;
  pushedAt: string;
}

/** The numeric id of an owner: the signed-in user's own id, or one derived from the repository's. */
function ownerJson(urls: ServerUrls, state: ServerState, repo: StoredRepository) {
  const isUser = repo.owner.toLowerCase() === state.user.login.toLowerCase();
  return isUser
    ? simpleUserJson(urls, state.user.login, state.user.id)
    : simpleUserJson(urls, repo.owner, repo.id + 500_000, 'Organization');
}

/**
 * GitHub's `repository` (used inside a PR's head and base): every field the schema requires, with the
 * URL templates GitHub sends.
 */
export function repositoryJson(urls: ServerUrls, state: ServerState, repo: StoredRepository, facts: RepositoryFacts) {
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${urls.api}/repos/${fullName}`;
  const htmlUrl = `${urls.html}/${fullName}`;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: fullName,
    owner: ownerJson(urls, state, repo),
    private: true,
    html_url: htmlUrl,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git:${htmlUrl.replace(/^https?:\/\//, '')}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@127.0.0.1:${fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${htmlUrl}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: htmlUrl,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: facts.defaultBranch,
    open_issues_count: repo.pulls.filter((pull) => pull.state === 'open').length,
    open_issues: repo.pulls.filter((pull) => pull.state === 'open').length,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'private',
    license: null,
    pushed_at: facts.pushedAt,
    created_at: repo.createdAt,
    updated_at: facts.pushedAt,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
  };
}

/** The `permissions` of a repository as GitHub shows them to the caller. */
export interface RepositoryPermissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

/**
 * `GET /repos/{owner}/{repo}`: GitHub's `full-repository`, with `permissions` for the caller. The
 * sandbox's user owns every repository, so its main token has them all; a restricted token has fewer.
 */
export function fullRepositoryJson(
  urls: ServerUrls,
  state: ServerState,
  repo: StoredRepository,
  facts: RepositoryFacts,
  permissions: RepositoryPermissions = { admin: true, maintain: true, push: true, triage: true, pull: true },
) {
  return {
    ...repositoryJson(urls, state, repo, facts),
    permissions,
    network_count: 0,
    subscribers_count: 0,
  };
}
