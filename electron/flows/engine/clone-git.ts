import { GitError } from 'simple-git';
import { AppError } from '../../../shared/ipc/errors';
import { classifyGitError } from '../../services/git/git-errors';
import { assertRefName } from '../../services/git/git-repository';
import { createGitRunner } from '../../services/git/git-runner';
import type { EngineDeps } from './engine-deps';

/** Git in the managed clone, with Release Desk's safety rules (hooks off, no prompts) on every command. */
export interface CloneGit {
  /** Runs git; a failure becomes an AppError with git's own line as detail. */
  run(args: string[]): Promise<string>;
  /** Runs git and reports failure instead of throwing (for commands whose failure is an answer). */
  attempt(args: string[], options?: { asCommitter?: boolean }): Promise<{ ok: boolean; output: string }>;
  /** Runs git as the committer (cherry-pick, commit). */
  runAsCommitter(args: string[]): Promise<string>;
  /** The commit a ref names, or null when it does not resolve. */
  commitOf(ref: string): Promise<string | null>;
  /** `git fetch --prune origin`. */
  fetch(): Promise<void>;
  /**
   * Sends HEAD to `branch` on origin as a fast-forward only: a branch that moved meanwhile is refused
   * by git and reported as a CONFLICT that says to run the step again.
   */
  pushHead(branch: string): Promise<void>;
}

/** A branch name checked with git's rules (no leading dash, no `..`), before it reaches a command. */
export function checkedBranch(branch: string): string {
  assertRefName(branch);
  if (branch.startsWith('refs/')) {
    throw new AppError('INVALID_ARGUMENTS', `"${branch}" should be a branch name, without refs/heads/.`);
  }
  return branch;
}

/** Opens git in `deps.cloneDir`. */
export function cloneGit(deps: EngineDeps): CloneGit {
  const git = createGitRunner({ baseDir: deps.cloneDir, hooksDir: deps.hooksDir });
  const run = async (args: string[]): Promise<string> => {
    try {
      return await git.raw(args);
    } catch (error) {
      if (error instanceof GitError) throw classifyGitError(error.message);
      throw error;
    }
  };
  const identity = deps.committer;
  if (identity && /[<>\n\r\0]/.test(`${identity.name}${identity.email}`)) {
    throw new AppError('INVALID_ARGUMENTS', 'A committer name or email cannot contain "<", ">" or a line break.');
  }
  const asCommitter = identity ? ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`] : [];

  return {
    run,
    async attempt(args, options = {}) {
      try {
        return { ok: true, output: await git.raw(options.asCommitter ? [...asCommitter, ...args] : args) };
      } catch (error) {
        if (error instanceof GitError) return { ok: false, output: error.message };
        throw error;
      }
    },
    runAsCommitter: (args) => run([...asCommitter, ...args]),
    async commitOf(ref) {
      try {
        const output = await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
        return output.trim() || null;
      } catch {
        return null;
      }
    },
    async fetch() {
      await run(['fetch', '--prune', '--', 'origin']);
    },
    async pushHead(branch) {
      const target = `refs/heads/${checkedBranch(branch)}`;
      try {
        await git.raw(['push', '--porcelain', '--', 'origin', `HEAD:${target}`]);
      } catch (error) {
        if (error instanceof GitError && /\[rejected\]|non-fast-forward|fetch first/i.test(error.message)) {
          throw new AppError(
            'CONFLICT',
            `${branch} moved on GitHub while this step ran, so git refused to overwrite it. ` +
              'Run the step again: it starts from the new tip.',
            classifyGitError(error.message).detail,
          );
        }
        if (error instanceof GitError) throw classifyGitError(error.message);
        throw error;
      }
    },
  };
}
