import { nodeId, type ServerUrls } from './json-urls';
import type { ServerState, StoredRelease, StoredRepository } from './server-state';
import { signedInSimpleUser } from './user-json';

/** GitHub's `release`. Drafts have no tarball or zipball, as on GitHub. */
export function releaseJson(urls: ServerUrls, state: ServerState, repo: StoredRepository, release: StoredRelease) {
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${urls.api}/repos/${fullName}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    url,
    html_url: release.draft
      ? `${urls.html}/${fullName}/releases/tag/untagged-${release.id}`
      : `${urls.html}/${fullName}/releases/tag/${tag}`,
    assets_url: `${url}/assets`,
    upload_url: `${urls.api}/repos/${fullName}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${urls.api}/repos/${fullName}/tarball/${tag}`,
    zipball_url: release.draft ? null : `${urls.api}/repos/${fullName}/zipball/${tag}`,
    id: release.id,
    node_id: nodeId('Release', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: signedInSimpleUser(urls, state),
    assets: [],
  };
}
