import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Octokit } from '@octokit/rest';
import { AppError } from '../../../shared/ipc/errors';
import { startGitHubServer, type GitHubServer } from '../github-server/github-server';
import { createSandboxGit } from '../github-server/sandbox-git';
import { replayHistory } from './history-replay';
import { practiceWorkflowConfig } from './practice-files';
import { practiceHistory } from './practice-history';
import { MANIFEST_FILE, readManifest, sandboxInfo, writeManifest, type PracticeSandboxInfo } from './sandbox-manifest';

export type { PracticeSandboxInfo } from './sandbox-manifest';

/** The owner of the practice project's repository, as the sandbox server names it. */
export const PRACTICE_OWNER = 'hotosm-practice';
/** The practice project's repository name. */
export const PRACTICE_REPO = 'tasking-manager';

/** The signed-in user of the practice server: the person practising. */
const PRACTICE_LOGIN = 'practice-user';

/** How far {@link createPracticeSandbox} has come, for a progress bar. */
export interface PracticeProgress {
  done: number;
  total: number;
  /** What was just done, e.g. `Merged #4 Freeze: development → staging`. */
  message: string;
}

/** Options of {@link createPracticeSandbox}. */
export interface CreatePracticeSandboxOptions {
  /** Rebuild an existing practice project from scratch (the app's "Reset"). */
  reset?: boolean;
  onProgress?: (progress: PracticeProgress) => void;
}

/** A practice project being served; close `server` to stop. */
export interface ServedPracticeSandbox {
  server: GitHubServer;
  apiUrl: string;
  token: string;
  /** `owner/name`. */
  repo: string;
  /** The bare repository's path: git clones, fetches and pushes it as a remote. */
  remote: string;
}

/** Options of {@link servePracticeSandbox}. */
export interface ServePracticeSandboxOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The token clients must send; a fresh random one when absent. */
  token?: string;
}

/** The practice project in `dir`, or null when `dir` is not one. */
export function readPracticeSandbox(dir: string): PracticeSandboxInfo | null {
  const absolute = resolve(dir);
  const manifest = readManifest(absolute);
  return manifest ? sandboxInfo(absolute, manifest) : null;
}

/**
 * Plain Octokit for building: the product's client throttles writes as GitHub asks of real clients
 * (a second apart, three for a new PR), which would stretch 23 PRs against our own server to a minute.
 */
function builderClient(server: GitHubServer): Octokit {
  const quiet = () => undefined;
  return new Octokit({
    baseUrl: server.apiUrl,
    auth: server.token,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}

/** Refuses a folder that holds something other than a practice project, or one without `reset`. */
function prepareFolder(dir: string, reset: boolean): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new AppError('CONFLICT', `${dir} is a file. Choose a folder for the practice project.`);
  }
  const existing = readPracticeSandbox(dir);
  if (existing) {
    if (!reset) {
      throw new AppError(
        'CONFLICT',
        `${dir} already holds a practice project. Reset it to start over, or choose another folder.`,
      );
    }
    // Only what a practice project is made of: anything else the user put there stays.
    rmSync(join(dir, MANIFEST_FILE), { force: true });
    rmSync(existing.stateDir, { recursive: true, force: true });
    return;
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new AppError(
      'CONFLICT',
      `${dir} is not empty and is not a practice project. Choose an empty or new folder, so nothing of yours is overwritten.`,
    );
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError(
      'PERMISSION_DENIED',
      `${dir} could not be created. Choose a folder you can write to.`,
      error instanceof Error ? error.message : String(error),
    );
  }
}

/**
 * Makes a practice project in `dir`: a sandbox server state holding `hotosm-practice/tasking-manager`
 * with a release train's history (see `practice-history.ts`), real PRs and releases, and the deploy
 * workflows configured. `dir` must be new or empty, or already a practice project with `reset: true`.
 * The temporary server used to build it is closed before this returns; its token is never written.
 */
export async function createPracticeSandbox(
  dir: string,
  options: CreatePracticeSandboxOptions = {},
): Promise<PracticeSandboxInfo> {
  const absolute = resolve(dir);
  prepareFolder(absolute, options.reset === true);
  const info = sandboxInfo(absolute, { owner: PRACTICE_OWNER, repo: PRACTICE_REPO });
  const steps = practiceHistory();
  const total = steps.length + 2;
  let done = 0;
  const progress = (message: string) => options.onProgress?.({ done: ++done, total, message });

  let server: GitHubServer | undefined;
  try {
    server = await startGitHubServer({ stateDir: info.stateDir, login: PRACTICE_LOGIN });
    await server.createRepository(info.owner, info.repo, { defaultBranch: 'development' });
    progress(`Created ${info.owner}/${info.repo}`);
    // Configured before the history, so every push and merge starts its deploy run as on GitHub, and
    // the train dashboard shows each lane's last deploy from the start.
    server.configureWorkflows(info.owner, info.repo, practiceWorkflowConfig());
    await replayHistory(steps, {
      git: createSandboxGit(info.bareRepositoryPath, join(info.stateDir, 'empty-hooks')),
      client: builderClient(server),
      owner: info.owner,
      repo: info.repo,
      onStep: progress,
    });
    await server.close();
    server = undefined;
    writeManifest(absolute, {
      version: 1,
      owner: info.owner,
      repo: info.repo,
      createdAt: new Date().toISOString(),
    });
    progress('Ready');
    return info;
  } catch (error) {
    await server?.close().catch(() => undefined);
    // No half-built state is left behind, and without sandbox.json nothing passes for a practice project.
    rmSync(info.stateDir, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    throw new AppError(
      'INTERNAL',
      'The practice project could not be built.',
      error instanceof Error ? error.message : String(error),
    );
  }
}

/**
 * Serves the practice project in `dir` on 127.0.0.1 with a fresh random token (unless one is given).
 * Nothing is written to `dir` but the server's own state; the token stays in memory.
 */
export async function servePracticeSandbox(
  dir: string,
  options: ServePracticeSandboxOptions = {},
): Promise<ServedPracticeSandbox> {
  const info = readPracticeSandbox(dir);
  if (!info) {
    throw new AppError('NOT_FOUND', `${resolve(dir)} is not a practice project. Create one there first.`);
  }
  if (!existsSync(info.bareRepositoryPath)) {
    throw new AppError('NOT_FOUND', `The practice project in ${info.dir} is incomplete. Reset it to rebuild it.`);
  }
  let server: GitHubServer;
  try {
    server = await startGitHubServer({
      stateDir: info.stateDir,
      ...(options.token === undefined ? {} : { token: options.token }),
      ...(options.port === undefined ? {} : { port: options.port }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError(
        'CONFLICT',
        `Port ${options.port ?? 0} on 127.0.0.1 is already in use. Choose another port, or 0 for any free one.`,
      );
    }
    throw error;
  }
  return {
    server,
    apiUrl: server.apiUrl,
    token: server.token,
    repo: `${info.owner}/${info.repo}`,
    remote: info.bareRepositoryPath,
  };
}
