import { fullRepositoryJson } from './repository-json';
import { openRepository, repositoryFacts, type RouteContext } from './route-context';
import type { Router } from './router';
import { repositoryPermissions, type TokenRegistry } from './token-permissions';
import { privateUserJson } from './user-json';

/** `GET /user` and `GET /repos/{owner}/{repo}`. */
export function addUserAndRepositoryRoutes(router: Router, context: RouteContext, tokens: TokenRegistry): void {
  router.add('GET', '/user', async () => ({ status: 200, body: privateUserJson(context.urls, context.store.state) }));

  router.add('GET', '/repos/{owner}/{repo}', async ({ params, raw }) => {
    const { repo, git } = openRepository(context, params);
    const facts = await repositoryFacts(git, repo);
    const permissions = repositoryPermissions(tokens.grantOf(raw).permissions);
    return { status: 200, body: fullRepositoryJson(context.urls, context.store.state, repo, facts, permissions) };
  });
}
