import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, rateLimitResponse, type FaultRule } from './fault-injection';
import { addGitRefRoutes } from './git-ref-routes';
import { GitHubHttpError, notFound } from './github-error';
import { readJsonBody, sendJson } from './http-io';
import { addPullRequestRoutes } from './pull-request-routes';
import { addReleaseRoutes } from './release-routes';
import { RepositoryStore, type CreateRepositoryOptions } from './repository-store';
import { Router } from './router';
import { SerialLock } from './serial-lock';
import { loadServerState, type StoredRepository } from './server-state';
import { addUserAndRepositoryRoutes } from './user-and-repository-routes';

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
  /** Path of a repository's bare repository, to push to directly. */
  bareRepositoryPath(owner: string, name: string): string;
  close(): Promise<void>;
}

/** A GitHub-style token: `ghs_` and 36 random characters. */
function randomToken(): string {
  return `ghs_${randomBytes(27).toString('base64url').slice(0, 36)}`;
}

/** Accepts `Authorization: token X` and `Authorization: Bearer X`, comparing in constant time. */
function isAuthorized(request: IncomingMessage, token: string): boolean {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
  const router = new Router();
  const urls = { api: '', html: '' };
  const context = { store, urls, lock: new SerialLock() };
  const faults = new FaultInjector();
  addUserAndRepositoryRoutes(router, context);
  addGitRefRoutes(router, context);
  addPullRequestRoutes(router, context);
  addReleaseRoutes(router, context);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', urls.api);
    if (!request.headers.authorization) throw new GitHubHttpError(401, 'Requires authentication');
    if (!isAuthorized(request, token)) throw new GitHubHttpError(401, 'Bad credentials');
    const found = router.match(request.method ?? 'GET', url.pathname);
    // GitHub answers 404, not 405, for a path it has under another method.
    if (!found || found === 'method-not-allowed') throw notFound();
    const fault = faults.take(request.method ?? 'GET', url.pathname);
    if (fault?.kind === 'status') throw new GitHubHttpError(fault.status, fault.message ?? 'Injected fault');
    if (fault?.kind === 'rate-limit') {
      const limited = rateLimitResponse(fault, store.state.user.id);
      sendJson(
        response,
        limited.status,
        new GitHubHttpError(limited.status, limited.message).toBody(),
        limited.headers,
      );
      return;
    }
    if (fault?.kind === 'latency') await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.ms));
    const body = request.method === 'GET' || request.method === 'HEAD' ? {} : await readJsonBody(request);
    const result = await found.handler({ params: found.params, query: url.searchParams, url, body, raw: request });
    // The write is done; the client never hears of it, as when a connection drops at the worst moment.
    if (fault?.kind === 'drop-after-write') {
      response.socket?.destroy();
      return;
    }
    sendJson(response, result.status, result.body, result.headers);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof GitHubHttpError) {
        sendJson(response, error.status, error.toBody());
        return;
      }
      options.onError?.(error);
      sendJson(response, 500, new GitHubHttpError(500, 'Server Error').toBody());
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  urls.api = `http://127.0.0.1:${address.port}`;
  urls.html = `${urls.api}/_html`;

  return {
    apiUrl: urls.api,
    token,
    address,
    createRepository: (owner, name, repoOptions) => store.createRepository(owner, name, repoOptions),
    injectFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    bareRepositoryPath: (owner, name) => store.bareRepositoryPath(owner, name),
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolvePromise()));
      }),
  };
}
