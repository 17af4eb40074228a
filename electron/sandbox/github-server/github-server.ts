import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, rateLimitResponse, type FaultRule } from './fault-injection';
import { ifNoneMatchHits, sendNotModified, weakEtag } from './etag';
import { addCompareRoutes } from './compare-routes';
import { addGitRefRoutes } from './git-ref-routes';
import { addGitTagRoutes } from './git-tag-routes';
import { GitHubHttpError, notFound } from './github-error';
import { addGraphqlRoute } from './graphql-endpoint';
import { readJsonBody, sendJson } from './http-io';
import { addProtectionRoutes } from './protection-routes';
import { addPullRequestRoutes } from './pull-request-routes';
import { RateLimitCounter } from './rate-limit-counter';
import { addReleaseRoutes } from './release-routes';
import { RepositoryStore, type CreateRepositoryOptions } from './repository-store';
import { addReviewRoutes } from './review-routes';
import { Router } from './router';
import { addRulesetRoutes } from './ruleset-routes';
import { SerialLock } from './serial-lock';
import { loadServerState, type StoredRepository } from './server-state';
import { addStatusRoutes } from './status-routes';
import { mayRequest, permissionDenied, TokenRegistry, type TokenPermissions } from './token-permissions';
import { addUserAndRepositoryRoutes } from './user-and-repository-routes';
import type { WorkflowConfig } from './workflow-config';
import { WorkflowMonitor } from './workflow-monitor';
import { addWorkflowRoutes } from './workflow-routes';

/** How to start a {@link GitHubServer}. */
export interface GitHubServerOptions {
  /** Holds `state.json` and `repos/<owner>/<name>.git`; created when missing, reused on restart. */
  stateDir: string;
  /** The token clients must send; a fresh random one when absent. */
  token?: string;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Login of the signed-in user on a new state directory. */
  login?: string;
  /** Receives unexpected errors (a failed git command); the client only sees a 500. */
  onError?: (error: unknown) => void;
}

/** A running GitHub-compatible server. */
export interface GitHubServer {
  /** API root for Octokit's `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  apiUrl: string;
  token: string;
  /** The socket address; always 127.0.0.1. */
  address: AddressInfo;
  /** Creates a repository (empty, or mirrored from a path or bundle). */
  createRepository(owner: string, name: string, options?: CreateRepositoryOptions): Promise<StoredRepository>;
  /** Arms a fault (status, rate limit, latency, dropped connection) for matching requests. */
  injectFault(rule: FaultRule): void;
  /** Disarms every fault. */
  clearFaults(): void;
  /** How many requests the server has received since it started (benchmarks count a flow's calls). */
  requestCount(): number;
  /** Path of a repository's bare repository, to push to directly. */
  bareRepositoryPath(owner: string, name: string): string;
  /**
   * Issues a new random token with these fine-grained permissions (the main token has all of them),
   * acting as `login` (the signed-in user by default). Held in memory only, never written to a file.
   */
  issueToken(permissions: TokenPermissions, options?: { login?: string }): string;
  /**
   * Sets the workflows of a repository (kept in the state file). From now on a move of a matching
   * branch tip, however it happens, starts a `push` run, and a published release a `release` run.
   */
  configureWorkflows(owner: string, repo: string, workflows: WorkflowConfig[]): void;
  close(): Promise<void>;
}

/** How often the server looks for branches moved by a push straight into a bare repository. */
const WORKFLOW_SCAN_INTERVAL_MS = 500;

/** A GitHub-style token: `ghs_` and 36 random characters. */
function randomToken(): string {
  return `ghs_${randomBytes(27).toString('base64url').slice(0, 36)}`;
}

/**
 * Starts the GitHub-compatible server on 127.0.0.1. It serves a slice of GitHub's REST API over real
 * bare repositories, keeps PRs and releases in `state.json` so they survive a restart, and can inject
 * faults per route for tests of retries and lost responses.
 */
export async function startGitHubServer(options: GitHubServerOptions): Promise<GitHubServer> {
  mkdirSync(options.stateDir, { recursive: true });
  const token = options.token ?? randomToken();
  const store = new RepositoryStore(
    options.stateDir,
    loadServerState(options.stateDir, options.login ?? 'sandbox-user'),
  );
  const tokens = new TokenRegistry(token, () => store.state.user);
  const router = new Router();
  const urls = { api: '', html: '' };
  const context = { store, urls, lock: new SerialLock() };
  const faults = new FaultInjector();
  addUserAndRepositoryRoutes(router, context, tokens);
  addGitRefRoutes(router, context);
  addPullRequestRoutes(router, context);
  addReleaseRoutes(router, context);
  addProtectionRoutes(router, context);
  addRulesetRoutes(router, context);
  addReviewRoutes(router, context, tokens);
  addStatusRoutes(router, context, tokens);
  addGitTagRoutes(router, context);
  addWorkflowRoutes(router, context);
  addCompareRoutes(router, context);
  addGraphqlRoute(router, context, { onError: options.onError });
  const workflows = new WorkflowMonitor(store, options.onError);
  const rateLimit = new RateLimitCounter();

  let received = 0;
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    received += 1;
    const url = new URL(request.url ?? '/', urls.api);
    if (!request.headers.authorization) throw new GitHubHttpError(401, 'Requires authentication');
    const grant = tokens.resolve(request);
    if (!grant) throw new GitHubHttpError(401, 'Bad credentials');
    const found = router.match(request.method ?? 'GET', url.pathname);
    // GitHub answers 404, not 405, for a path it has under another method.
    if (!found || found === 'method-not-allowed') throw notFound();
    if (!mayRequest(grant.permissions, request.method ?? 'GET', url.pathname)) {
      const denied = permissionDenied(request.method ?? 'GET', url.pathname);
      sendJson(response, denied.status, denied.body, { ...rateLimit.headers(true), ...denied.headers });
      return;
    }
    // Pushes go straight into the bare repository: look for moved branches before answering.
    await workflows.scanForPath(url.pathname);
    const fault = faults.take(request.method ?? 'GET', url.pathname);
    if (fault?.kind === 'status') throw new GitHubHttpError(fault.status, fault.message ?? 'Injected fault');
    if (fault?.kind === 'rate-limit') {
      const limited = rateLimitResponse(fault, store.state.user.id);
      sendJson(response, limited.status, new GitHubHttpError(limited.status, limited.message).toBody(), {
        ...rateLimit.headers(true),
        ...limited.headers,
      });
      return;
    }
    if (fault?.kind === 'latency') await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.ms));
    const body = request.method === 'GET' || request.method === 'HEAD' ? {} : await readJsonBody(request);
    const result = await found.handler({ params: found.params, query: url.searchParams, url, body, raw: request });
    // The write is done; the client never hears of it, as when a connection drops at the worst moment.
    if (fault?.kind === 'status-after-write') {
      sendJson(response, fault.status, new GitHubHttpError(fault.status, 'Server Error').toBody());
      return;
    }
    if (fault?.kind === 'drop-after-write') {
      response.socket?.destroy();
      return;
    }
    if (request.method === 'GET' && result.status === 200) {
      // Conditional requests, as on GitHub: an unchanged answer is a bodiless 304 that costs no rate limit.
      const etag = weakEtag(result.body);
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
        sendNotModified(response, { etag, ...rateLimit.headers(false) });
        return;
      }
      sendJson(response, 200, result.body, { ...rateLimit.headers(true), etag, ...result.headers });
      return;
    }
    sendJson(response, result.status, result.body, { ...rateLimit.headers(true), ...result.headers });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof GitHubHttpError) {
        sendJson(response, error.status, error.toBody(), rateLimit.headers(true));
        return;
      }
      options.onError?.(error);
      sendJson(response, 500, new GitHubHttpError(500, 'Server Error').toBody(), rateLimit.headers(true));
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  urls.api = `http://127.0.0.1:${address.port}`;
  urls.html = `${urls.api}/_html`;
  workflows.start(WORKFLOW_SCAN_INTERVAL_MS);

  return {
    apiUrl: urls.api,
    token,
    address,
    createRepository: (owner, name, repoOptions) => store.createRepository(owner, name, repoOptions),
    injectFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    requestCount: () => received,
    bareRepositoryPath: (owner, name) => store.bareRepositoryPath(owner, name),
    issueToken: (permissions, tokenOptions) => tokens.issue(permissions, tokenOptions?.login),
    configureWorkflows: (owner, name, configured) => workflows.configure(owner, name, configured),
    close: async () => {
      await workflows.stop();
      // Closing twice is harmless, so a test that restarted a server by hand can still dispose its fixture.
      if (!server.listening) return;
      await new Promise<void>((resolvePromise, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolvePromise()));
      });
    },
  };
}
