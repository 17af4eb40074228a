import { nodeId, type ServerUrls } from './json-urls';
import type { ServerState } from './server-state';

/** GitHub's `simple-user` for a login; owners other than the signed-in user are organizations. */
export function simpleUserJson(urls: ServerUrls, login: string, id: number, type: 'User' | 'Organization' = 'User') {
  const url = `${urls.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId(type, id),
    avatar_url: `${urls.html}/avatars/${login}`,
    gravatar_id: '',
    url,
    html_url: `${urls.html}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    site_admin: false,
  };
}

/** The signed-in user as a `simple-user`. */
export function signedInSimpleUser(urls: ServerUrls, state: ServerState) {
  return simpleUserJson(urls, state.user.login, state.user.id);
}

/** `GET /user`: GitHub's `private-user` for the token's owner. */
export function privateUserJson(urls: ServerUrls, state: ServerState) {
  const created = '2020-01-01T00:00:00Z';
  return {
    ...signedInSimpleUser(urls, state),
    name: state.user.name,
    company: null,
    blog: null,
    location: null,
    email: state.user.email,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: created,
    updated_at: created,
    private_gists: 0,
    total_private_repos: Object.keys(state.repos).length,
    owned_private_repos: Object.keys(state.repos).length,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    // GitHub's discriminator between `private-user` and `public-user` in the OpenAPI description.
    user_view_type: 'private',
  };
}
