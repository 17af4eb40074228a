import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Octokit as OctokitCore } from '@octokit/core';
import { Octokit } from '@octokit/rest';
import { startGitHubServer, type GitHubServer } from '../github-server';
import type { OpenApiResponseValidator } from './openapi-response-validator';

/** A server on a temp state directory, a working copy that pushes to its bare repository, and a client. */
export interface GitHubServerFixture {
  root: string;
  stateDir: string;
  server: GitHubServer;
  owner: string;
  repo: string;
  /** Octokit pointed at the server; every response is checked against the OpenAPI description. */
  octokit: Octokit;
  /** Runs git in the working copy (or `cwd`) with an isolated config; returns trimmed stdout. */
  git(args: string[], cwd?: string): string;
  /**
   * Writes a commit with one file onto `branch` of the bare repository (a new branch starts at `from`),
   * as a push would; returns its sha.
   */
  commitOn(branch: string, file: string, content: string, message: string, from?: string): string;
  /** Runs git in the server's bare repository; returns trimmed stdout. */
  bareGit(args: string[]): string;
  /** Stops the server and starts a new one on the same state directory. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Checks every response `octokit` receives (success or error) against GitHub's OpenAPI description,
 * so a test fails when the server answers in a shape GitHub would not. Works on any Octokit, including
 * the product's `createGitHubClient`.
 */
export function attachOpenApiValidation(octokit: Octokit | OctokitCore, validator: OpenApiResponseValidator): void {
  // GraphQL is not in the OpenAPI description: `attachGraphqlValidation` checks those requests.
  const isGraphql = (url: unknown) => /\/graphql$/.test(String(url));
  octokit.hook.after('request', (response, options) => {
    if (isGraphql(options.url)) return;
    validator.validate(options.method ?? 'GET', String(options.url), response.status, response.data);
  });
  octokit.hook.error('request', (error, options) => {
    const failure = error as { status?: number; response?: { data?: unknown } };
    // A 304 is the ETag cache's business: it has no body to validate.
    if (failure.status && failure.status !== 304 && failure.response && !isGraphql(options.url)) {
      validator.validate(options.method ?? 'GET', String(options.url), failure.status, failure.response.data);
    }
    throw error;
  });
}

/** Octokit for `server` whose every response (success or error) must match GitHub's schema. */
export function validatedOctokit(
  server: GitHubServer,
  validator: OpenApiResponseValidator,
  token = server.token,
): Octokit {
  const quiet = () => undefined;
  const octokit = new Octokit({
    baseUrl: server.apiUrl,
    auth: token,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  attachOpenApiValidation(octokit, validator);
  return octokit;
}

/** The status and body of a request that is expected to fail. */
export async function failureOf(promise: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { status?: unknown; response?: { data?: unknown } };
    if (typeof failure.status === 'number') return { status: failure.status, data: failure.response?.data };
    throw error;
  }
  throw new Error('Expected the request to fail');
}

/** Starts a fixture with `owner/repo` holding one commit on `main`. */
export async function createGitHubServerFixture(validator: OpenApiResponseValidator): Promise<GitHubServerFixture> {
  const root = mkdtempSync(join(tmpdir(), 'release-desk-gh-'));
  const stateDir = join(root, 'state');
  const home = join(root, 'home');
  const work = join(root, 'work');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Dev Eloper',
    GIT_AUTHOR_EMAIL: 'dev@example.test',
    GIT_COMMITTER_NAME: 'Dev Eloper',
    GIT_COMMITTER_EMAIL: 'dev@example.test',
  };
  delete env.GIT_CONFIG_GLOBAL;
  const git = (args: string[], cwd = work): string =>
    execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const tryGit = (args: string[]): string | undefined => {
    try {
      return git(args);
    } catch {
      return undefined;
    }
  };
  // Commit times one minute apart, so the order of commits never depends on the wall clock.
  let clock = 1_767_225_600;

  const owner = 'practice-org';
  const repo = 'field-app';
  let server = await startGitHubServer({ stateDir });
  await server.createRepository(owner, repo);
  const bare = server.bareRepositoryPath(owner, repo);
  mkdirSync(work);
  git(['init', '--initial-branch=main']);
  git(['remote', 'add', 'origin', bare]);

  const fixture: GitHubServerFixture = {
    root,
    stateDir,
    server,
    owner,
    repo,
    octokit: validatedOctokit(server, validator),
    git,
    commitOn(branch, file, content, message, from) {
      // One `git fast-import` into the bare repository: what a push would leave there, at a fraction of
      // the processes (the working copy above shows a real push once, in setup).
      const bare = fixture.server.bareRepositoryPath(owner, repo);
      const parent =
        tryGit(['--git-dir', bare, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]) ??
        (from ? git(['--git-dir', bare, 'rev-parse', '--verify', `refs/heads/${from}`]) : undefined);
      clock += 60;
      const person = `Dev Eloper <dev@example.test> ${clock} +0000`;
      const stream = [
        `commit refs/heads/${branch}`,
        'mark :1',
        `author ${person}`,
        `committer ${person}`,
        `data ${Buffer.byteLength(message)}`,
        message,
        ...(parent ? [`from ${parent}`] : []),
        `M 100644 inline ${file}`,
        `data ${Buffer.byteLength(content)}`,
        content,
        'get-mark :1',
        '',
      ].join('\n');
      return execFileSync('git', ['--git-dir', bare, 'fast-import', '--quiet', '--cat-blob-fd=1'], {
        env,
        input: stream,
        encoding: 'utf8',
      }).trim();
    },
    bareGit: (args) => git(['--git-dir', fixture.server.bareRepositoryPath(owner, repo), ...args]),
    async restart() {
      await server.close();
      server = await startGitHubServer({ stateDir, token: server.token });
      fixture.server = server;
      fixture.octokit = validatedOctokit(server, validator);
    },
    async dispose() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  // The first commit arrives by a real `git push` from a working copy.
  writeFileSync(join(work, 'README.md'), '# field-app\n');
  git(['add', 'README.md']);
  git(['commit', '--quiet', '-m', 'chore: initial commit']);
  git(['push', '--quiet', 'origin', 'main']);
  return fixture;
}
