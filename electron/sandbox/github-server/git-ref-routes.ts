import { GitHubHttpError, notFound } from './github-error';
import { createRef, readRef, requireString, type ResolvedRef } from './git-refs';
import type { ServerUrls } from './json-urls';
import { nodeId } from './json-urls';
import { openRepository, type RouteContext } from './route-context';
import type { Router } from './router';
import type { StoredRepository } from './server-state';

/** GitHub's `git-ref`. */
function gitRefJson(urls: ServerUrls, repo: StoredRepository, ref: ResolvedRef) {
  const base = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const objectKind = ref.type === 'tag' ? 'tags' : `${ref.type}s`;
  return {
    ref: ref.ref,
    node_id: nodeId('Ref', repo.id),
    url: `${base}/git/${ref.ref}`,
    object: { type: ref.type, sha: ref.sha, url: `${base}/git/${objectKind}/${ref.sha}` },
  };
}

/** `GET /repos/{owner}/{repo}/git/ref/{ref}` and `POST /repos/{owner}/{repo}/git/refs`. */
export function addGitRefRoutes(router: Router, context: RouteContext): void {
  router.add('GET', '/repos/{owner}/{repo}/git/ref/{ref+}', async ({ params }) => {
    const { repo, git } = openRepository(context, params);
    const found = await readRef(git, `refs/${params.ref ?? ''}`);
    if (!found) throw notFound();
    return { status: 200, body: gitRefJson(context.urls, repo, found) };
  });

  router.add('POST', '/repos/{owner}/{repo}/git/refs', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const ref = requireString(body.ref, 'Reference', 'ref');
    const sha = requireString(body.sha, 'Reference', 'sha');
    // GitHub's own wording for a ref that is not fully qualified.
    if (!/^refs\/[^/]+\/.+/.test(ref)) {
      throw new GitHubHttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new GitHubHttpError(422, 'Object does not exist');
    return context.lock.run(key, async () => {
      const exists = await git.run(['cat-file', '-e', sha], { okExitCodes: [1, 128] });
      if (exists.exitCode !== 0) throw new GitHubHttpError(422, 'Object does not exist');
      await createRef(git, ref, sha);
      const created = await readRef(git, ref);
      if (!created) throw new GitHubHttpError(500, 'Reference was not created');
      const json = gitRefJson(context.urls, repo, created);
      return { status: 201, body: json, headers: { location: json.url } };
    });
  });
}
