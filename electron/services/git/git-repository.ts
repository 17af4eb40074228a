import { existsSync, statSync } from 'node:fs';
import { GitError, type SimpleGit } from 'simple-git';
import { checkRefName } from '../../../shared/domain/refs/ref-name';
import type { CommitSummary } from '../../../shared/domain/commits/pr-reference';
import { AppError } from '../../../shared/ipc/errors';
import { classifyGitError } from './git-errors';
import { createGitRunner } from './git-runner';
import {
  DETAILED_LOG_FORMAT,
  IDENTITY_LOG_FORMAT,
  LOG_FORMAT,
  MARKED_LOG_FORMAT,
  REF_FORMAT,
  parseDetailedLog,
  parseIdentityLog,
  parseLog,
  parseMarkedLog,
  parseRefs,
  type DetailedCommit,
  type RefEntry,
} from './log-format';

/** Progress of a fetch, as a percentage of git's current phase. */
export interface FetchProgress {
  phase: string;
  percent: number;
}

/**
 * Read access (plus fetch) to one repository: a managed clone, a user's clone or a bare mirror.
 * Every ref that comes from config or a user is validated with git's rules before use, and every
 * range or path is passed after `--end-of-options` or `--`, so nothing can be read as an option.
 */
export interface GitRepository {
  readonly dir: string;
  /** All branches (local and `origin/*`) and tags, with tags peeled to their commit. */
  refs(): Promise<RefEntry[]>;
  /** Commits in `to` that are not in `from` (`from..to`), newest first, at most `maxCount`. */
  log(from: string | null, to: string, maxCount?: number): Promise<CommitSummary[]>;
  /** `[only in left, only in right]` commit counts of `left...right`. */
  leftRightCount(left: string, right: string): Promise<[number, number]>;
  /**
   * Non-merge commits only in `right` (of `left...right`), each marked when `left` has a commit with
   * the same patch id (git's `--cherry-mark`).
   */
  cherryMarkedRightOnly(left: string, right: string): Promise<{ commit: CommitSummary; equivalent: boolean }[]>;
  /**
   * The commits of `left...right` on each side, leaving out every commit whose patch has an
   * equivalent on the other side (git's `--cherry-pick`). One walk answers "what is only here".
   */
  cherryPickSides(left: string, right: string): Promise<{ left: CommitSummary[]; right: CommitSummary[] }>;
  /** Subjects of every commit reachable from any of `refs`. */
  subjects(...refs: string[]): Promise<string[]>;
  /** Subject and rewrite-proof identity of every commit reachable from any of `refs`. */
  identities(...refs: string[]): Promise<{ subject: string; identity: string }[]>;
  /** Commits reachable from `include` and from none of `exclude`, newest first, with parents and bodies. */
  detailedLog(include: readonly string[], exclude: readonly string[]): Promise<DetailedCommit[]>;
  /** `remote.<name>.url` lines as configured (before `insteadOf` rewriting); empty when none. */
  remoteConfig(): Promise<string>;
  /** Whether `ancestor` is in the history of `descendant`. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** Tag names reachable from `ref`. */
  tagsMergedInto(ref: string): Promise<Set<string>>;
  /** A file's text at `ref`, or null when it does not exist there. */
  readFile(ref: string, path: string): Promise<string | null>;
  /** The commit `ref` names, or null when it does not resolve (e.g. a mirror whose HEAD is dangling). */
  resolveCommit(ref: string): Promise<string | null>;
  /** Every file path at `ref`. */
  listFiles(ref: string): Promise<string[]>;
  /** `git fetch --prune --tags origin` with progress and a silence timeout. */
  fetch(onProgress?: (progress: FetchProgress) => void): Promise<void>;
}

/** How long a fetch may go without output from git before it is stopped. */
const FETCH_SILENCE_TIMEOUT_MS = 60_000;

/** Throws `INVALID_ARGUMENTS` unless `name` is a safe ref name (git's rules, no leading dash). */
export function assertRefName(name: string): void {
  const check = checkRefName(name);
  if (!check.ok) throw new AppError('INVALID_ARGUMENTS', check.reason);
}

/** Opens a repository at `dir` for reading. */
export function openRepository(dir: string, options: { hooksDir: string }): GitRepository {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError(
      'NOT_A_REPOSITORY',
      `"${dir}" does not exist or is not a folder. Give the folder of a clone or a bare repository.`,
    );
  }
  const git: SimpleGit = createGitRunner({ baseDir: dir, hooksDir: options.hooksDir });

  const run = async (args: string[]): Promise<string> => {
    try {
      return await git.raw(args);
    } catch (error) {
      if (error instanceof GitError) throw classifyGitError(error.message);
      throw error;
    }
  };
  // Refs arrive either as full names from `refs()` or validated branch names; a full sha is also fine.
  const checked = (ref: string): string => {
    if (!/^[0-9a-f]{40}$/.test(ref)) assertRefName(ref);
    return ref;
  };

  return {
    dir,
    async refs() {
      return parseRefs(
        await run(['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/remotes', 'refs/tags']),
      );
    },
    async log(from, to, maxCount) {
      const range = from ? `${checked(from)}..${checked(to)}` : checked(to);
      const limit = maxCount === undefined ? [] : [`--max-count=${Math.max(0, Math.floor(maxCount))}`];
      return parseLog(await run(['log', ...limit, `--format=${LOG_FORMAT}`, '--end-of-options', range, '--']));
    },
    async leftRightCount(left, right) {
      const output = await run([
        'rev-list',
        '--left-right',
        '--count',
        '--end-of-options',
        `${checked(left)}...${checked(right)}`,
        '--',
      ]);
      const [onlyLeft = '0', onlyRight = '0'] = output.trim().split(/\s+/);
      return [Number(onlyLeft), Number(onlyRight)];
    },
    async cherryMarkedRightOnly(left, right) {
      const output = await run([
        'log',
        '--no-merges',
        '--cherry-mark',
        '--right-only',
        `--format=${MARKED_LOG_FORMAT}`,
        '--end-of-options',
        `${checked(left)}...${checked(right)}`,
        '--',
      ]);
      return parseMarkedLog(output);
    },
    async cherryPickSides(left, right) {
      const output = await run([
        'log',
        '--left-right',
        '--cherry-pick',
        `--format=${MARKED_LOG_FORMAT}`,
        '--end-of-options',
        `${checked(left)}...${checked(right)}`,
        '--',
      ]);
      const sides = { left: [] as CommitSummary[], right: [] as CommitSummary[] };
      for (const { commit, mark } of parseMarkedLog(output)) (mark === '<' ? sides.left : sides.right).push(commit);
      return sides;
    },
    async subjects(...refs) {
      if (refs.length === 0) return [];
      const output = await run(['log', '--format=%s', '--end-of-options', ...refs.map(checked), '--']);
      return output.split('\n').filter(Boolean);
    },
    async identities(...refs) {
      if (refs.length === 0) return [];
      return parseIdentityLog(
        await run(['log', `--format=${IDENTITY_LOG_FORMAT}`, '--end-of-options', ...refs.map(checked), '--']),
      );
    },
    async detailedLog(include, exclude) {
      if (include.length === 0) return [];
      const output = await run([
        'log',
        `--format=${DETAILED_LOG_FORMAT}`,
        '--end-of-options',
        ...include.map(checked),
        ...exclude.map((ref) => `^${checked(ref)}`),
        '--',
      ]);
      return parseDetailedLog(output);
    },
    async remoteConfig() {
      try {
        return await git.raw(['config', '--get-regexp', '^remote\\..*\\.url$']);
      } catch (error) {
        // Exit code 1 with no output: no remote configured (a bare mirror of a bundle, say).
        if (error instanceof GitError && error.message.trim() === '') return '';
        throw error;
      }
    },
    async isAncestor(ancestor, descendant) {
      // Not `merge-base --is-ancestor`: it answers by exit code alone, and simple-git resolves a
      // non-zero exit with empty stderr as success. The merge base of A and B is A exactly when A is
      // an ancestor of B.
      const [ancestorSha, base] = await Promise.all([
        /^[0-9a-f]{40}$/.test(ancestor)
          ? Promise.resolve(ancestor)
          : run(['rev-parse', '--verify', '--end-of-options', `${checked(ancestor)}^{commit}`]),
        run(['merge-base', '--end-of-options', checked(ancestor), checked(descendant)]).catch(() => ''),
      ]);
      return base.trim() !== '' && base.trim() === ancestorSha.trim();
    },
    async tagsMergedInto(ref) {
      const output = await run(['tag', '--list', '--merged', checked(ref)]);
      return new Set(output.split('\n').filter(Boolean));
    },
    async readFile(ref, path) {
      if (path.startsWith('-') || path.includes('..') || path.startsWith('/')) {
        throw new AppError('INVALID_ARGUMENTS', `"${path}" is not a path inside the repository.`);
      }
      try {
        return await git.raw(['show', '--end-of-options', `${checked(ref)}:${path}`]);
      } catch (error) {
        if (
          error instanceof GitError &&
          /does not exist|exists on disk, but not in|invalid object name/i.test(error.message)
        )
          return null;
        if (error instanceof GitError) throw classifyGitError(error.message);
        throw error;
      }
    },
    async resolveCommit(ref) {
      try {
        const output = await git.raw([
          'rev-parse',
          '--verify',
          '--quiet',
          '--end-of-options',
          `${checked(ref)}^{commit}`,
        ]);
        return output.trim() || null;
      } catch (error) {
        if (error instanceof GitError) return null;
        throw error;
      }
    },
    async listFiles(ref) {
      // ls-tree takes no `--end-of-options`; the ref is validated and cannot start with "-".
      const output = await run(['ls-tree', '-r', '--name-only', checked(ref)]);
      return output.split('\n').filter(Boolean);
    },
    async fetch(onProgress) {
      const fetcher = createGitRunner({
        baseDir: dir,
        hooksDir: options.hooksDir,
        timeoutMs: FETCH_SILENCE_TIMEOUT_MS,
        ...(onProgress ? { onProgress: (event) => onProgress({ phase: event.stage, percent: event.progress }) } : {}),
      });
      try {
        await fetcher.raw(['fetch', '--progress', '--prune', '--tags', 'origin']);
      } catch (error) {
        if (error instanceof GitError) throw classifyGitError(error.message);
        throw error;
      }
    },
  };
}
