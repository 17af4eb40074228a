import { GitHubHttpError, notFound } from './github-error';
import {
  createRef,
  deleteRefAt,
  isAncestor,
  moveRef,
  objectExists,
  readRef,
  refsStartingWith,
  requireString,
  type ResolvedRef,
} from './git-refs';
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

/** GitHub's 422 for a PATCH or DELETE of a ref that is not there. */
function referenceDoesNotExist(): GitHubHttpError {
  return new GitHubHttpError(422, 'Reference does not exist');
}

/**
 * Git refs: get one, list by prefix, create, move (fast-forward unless `force`) and delete. The `{ref}`
 * of these paths is written without `refs/` (`heads/main`), except in POST's body, as on GitHub.
 */
export function addGitRefRoutes(router: Router, context: RouteContext): void {
  router.add('GET', '/repos/{owner}/{repo}/git/ref/{ref+}', async ({ params }) => {
    const { repo, git } = openRepository(context, params);
    const found = await readRef(git, `refs/${params.ref ?? ''}`);
    if (!found) throw notFound();
    return { status: 200, body: gitRefJson(context.urls, repo, found) };
  });

  // A prefix match, not a glob: `tags/v1` lists `refs/tags/v1` and `refs/tags/v1.2`, and no match is `[]`.
  router.add('GET', '/repos/{owner}/{repo}/git/matching-refs/{ref+}', async ({ params }) => {
    const { repo, git } = openRepository(context, params);
    const refs = await refsStartingWith(git, `refs/${params.ref ?? ''}`);
    return { status: 200, body: refs.map((ref) => gitRefJson(context.urls, repo, ref)) };
  });

  router.add('POST', '/repos/{owner}/{repo}/git/refs', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const ref = requireString(body.ref, 'Reference', 'ref');
    const sha = requireString(body.sha, 'Reference', 'sha');
    // GitHub's own wording for a ref that is not fully qualified.
    if (!/^refs\/[^/]+\/.+/.test(ref)) {
      throw new GitHubHttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    return context.lock.run(key, async () => {
      if (!(await objectExists(git, sha))) throw new GitHubHttpError(422, 'Object does not exist');
      // 422 "Reference already exists" when it is there: callers use that as a lock, so it is never a move.
      await createRef(git, ref, sha);
      const created = await readRef(git, ref);
      if (!created) throw new GitHubHttpError(500, 'Reference was not created');
      const json = gitRefJson(context.urls, repo, created);
      return { status: 201, body: json, headers: { location: json.url } };
    });
  });

  router.add('PATCH', '/repos/{owner}/{repo}/git/refs/{ref+}', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const fullRef = `refs/${params.ref ?? ''}`;
    const sha = requireString(body.sha, 'Reference', 'sha');
    // GitHub accepts `force: true` to move a ref anywhere; Release Desk itself never sends it.
    const mayRewind = body.force === true;
    return context.lock.run(key, async () => {
      const current = await readRef(git, fullRef);
      if (!current) throw referenceDoesNotExist();
      if (!(await objectExists(git, sha))) throw new GitHubHttpError(422, 'Object does not exist');
      if (current.sha !== sha && !mayRewind && !(await isAncestor(git, current.sha, sha))) {
        throw new GitHubHttpError(422, 'Update is not a fast forward');
      }
      if (current.sha !== sha) await moveRef(git, fullRef, sha, current.sha);
      const moved = await readRef(git, fullRef);
      if (!moved) throw referenceDoesNotExist();
      return { status: 200, body: gitRefJson(context.urls, repo, moved) };
    });
  });

  router.add('DELETE', '/repos/{owner}/{repo}/git/refs/{ref+}', async ({ params }) => {
    const { git, key } = openRepository(context, params);
    const fullRef = `refs/${params.ref ?? ''}`;
    return context.lock.run(key, async () => {
      const current = await readRef(git, fullRef);
      if (!current) throw referenceDoesNotExist();
      await deleteRefAt(git, fullRef, current.sha);
      return { status: 204, body: undefined };
    });
  });
}
