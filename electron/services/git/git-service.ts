import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { GitError } from 'simple-git';
import { AppError } from '../../../shared/ipc/errors';
import { classifyGitError } from './git-errors';
import { createGitRunner } from './git-runner';
import { parseRemoteConfig, type ConfiguredRemote } from './remotes';

/** Progress of a clone, as a percentage of git's current phase. */
export interface CloneProgress {
  phase: string;
  percent: number;
}

/** The git operations the project registry needs. */
export interface GitService {
  /** Throws `NOT_A_REPOSITORY` unless `dir` is inside a git work tree or is a bare repository. */
  assertRepository(dir: string): Promise<void>;
  /** The remotes configured in `dir`, as written in its config. */
  listRemotes(dir: string): Promise<ConfiguredRemote[]>;
  /** Clones `url` into `dir` (which must not exist), reporting progress. */
  clone(url: string, dir: string, onProgress?: (progress: CloneProgress) => void): Promise<void>;
}

/** How long a clone may go without output from git before it is stopped. */
const CLONE_SILENCE_TIMEOUT_MS = 120_000;

/** Creates the {@link GitService} over the system git. */
export function createGitService(options: { hooksDir: string }): GitService {
  const run = async <T>(work: () => Promise<T>, context: { url?: string } = {}): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof GitError) throw classifyGitError(error.message, context);
      if (error instanceof Error && /ENOENT|spawn git/i.test(error.message)) {
        throw new AppError(
          'GIT_MISSING',
          'Git is not installed or not on the PATH. Install git 2.30 or newer and restart Release Desk.',
        );
      }
      throw error;
    }
  };

  return {
    async assertRepository(dir) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new AppError(
          'NOT_A_REPOSITORY',
          `The folder "${dir}" does not exist. Choose the folder of a local clone.`,
        );
      }
      const git = createGitRunner({ baseDir: dir, hooksDir: options.hooksDir });
      await run(async () => {
        const inside = (await git.raw(['rev-parse', '--is-inside-work-tree', '--is-bare-repository']))
          .trim()
          .split('\n');
        if (!inside.includes('true')) {
          throw new AppError(
            'NOT_A_REPOSITORY',
            `"${dir}" is not a git repository. Choose the folder of a clone (the one that contains .git).`,
          );
        }
      });
    },

    async listRemotes(dir) {
      const git = createGitRunner({ baseDir: dir, hooksDir: options.hooksDir });
      return run(async () => {
        // `--get-regexp` exits 1 when nothing matches, which simple-git reports as an error.
        const output = await git.raw(['config', '--get-regexp', '^remote\\..*\\.url$']).catch((error: unknown) => {
          if (error instanceof GitError && error.message.trim() === '') return '';
          throw error;
        });
        return parseRemoteConfig(output);
      });
    },

    async clone(url, dir, onProgress) {
      const git = createGitRunner({
        // Run from the target's parent (which exists), not the process cwd, which may have been deleted.
        baseDir: dirname(dir),
        hooksDir: options.hooksDir,
        timeoutMs: CLONE_SILENCE_TIMEOUT_MS,
        ...(onProgress
          ? {
              onProgress: (event) => {
                // simple-git names every server-side line "remote:" (counting and compressing alike), so
                // its percentage restarts within one "phase"; only git's local phases are passed on.
                if (event.stage.endsWith(':')) return;
                onProgress({ phase: event.stage, percent: event.progress });
              },
            }
          : {}),
      });
      // `--` ends option parsing so a URL can never be read as an option; `--no-checkout` because the
      // managed clone only ever needs history, and every later step checks out what it needs.
      await run(() => git.raw(['clone', '--progress', '--no-checkout', '--', url, dir]), { url });
    },
  };
}
