import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubClient } from '../../services/github/github-client';
import { githubAppError } from '../../services/github/github-errors';
import { createRefExclusive, deleteRef, getRef, readRef, type GitHubRepo } from '../../services/github/refs';

/** The GitHub ref that says a flow is running on the project, whichever machine runs it. */
export const GITHUB_LOCK_REF = 'refs/release-desk/lock';

/** Who holds a project's flow lock. */
export interface LockHolder {
  runId: string;
  /** Who runs it (git user name or OS user). */
  by: string;
  host: string;
  pid: number;
  /** ISO time it was taken. */
  since: string;
}

/** Where each half of the lock stands. */
export interface LockState {
  local: LockHolder | null;
  github: LockHolder | null;
}

/**
 * A project's flow lock, held twice: a lock file on this machine (made with O_EXCL) and the ref
 * `refs/release-desk/lock` on GitHub (GitHub refuses a second create), which points at an annotated
 * tag whose message is the holder, so any machine can say who holds it and since when.
 */
export interface FlowLock {
  /** Takes both halves for `runId`; the same run taking it again (a resume) succeeds. CONFLICT when another run holds it. */
  acquire(request: { runId: string; by: string }): Promise<LockHolder>;
  /** Gives back what `runId` holds; halves held by another run are left alone. */
  release(runId: string): Promise<void>;
  /** Who holds each half. */
  state(): Promise<LockState>;
  /** Removes both halves whoever holds them: for a run whose machine is gone. Says what was removed. */
  breakLock(): Promise<{ local: boolean; github: boolean }>;
}

/** Options of {@link createFlowLock}. */
export interface FlowLockOptions {
  client: GitHubClient;
  repo: GitHubRepo;
  /** Folder of this machine's lock files, one per project. */
  locksDir: string;
  projectId: string;
  now?: () => Date;
}

/** The name of the annotated tag object that carries the holder (no `refs/tags/` ref is ever made for it). */
const HOLDER_TAG = 'release-desk-lock';

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.runId !== 'string' || typeof value.by !== 'string' || typeof value.since !== 'string') {
      return null;
    }
    return {
      runId: value.runId,
      by: value.by,
      host: typeof value.host === 'string' ? value.host : 'an unknown machine',
      pid: typeof value.pid === 'number' ? value.pid : 0,
      since: value.since,
    };
  } catch {
    return null;
  }
}

/** A holder nobody can read (a hand-made ref, a truncated file): still a lock, just an anonymous one. */
function unknownHolder(where: string): LockHolder {
  return { runId: 'unknown', by: 'someone', host: where, pid: 0, since: 'an unknown time' };
}

/** The CONFLICT a second acquirer gets: who, since when, and how to get past it. */
function heldBy(holder: LockHolder, where: string): AppError {
  return new AppError(
    'CONFLICT',
    `Another flow holds this project's lock (${where}): run ${holder.runId} by ${holder.by} on ${holder.host}, since ${holder.since}. ` +
      'Wait for it to finish, or resume or abandon that run. If it is stale (its machine is gone), break the lock: ' +
      `that deletes ${GITHUB_LOCK_REF} on GitHub and this machine's lock file.`,
  );
}

/** Creates the lock of one project. */
export function createFlowLock(options: FlowLockOptions): FlowLock {
  const { client, repo } = options;
  const now = options.now ?? (() => new Date());
  if (!/^[A-Za-z0-9._-]+$/.test(options.projectId) || options.projectId.startsWith('.')) {
    throw new AppError('INVALID_ARGUMENTS', `"${options.projectId}" cannot name a lock file.`);
  }
  const lockFile = join(options.locksDir, `${options.projectId}.lock`);

  const readLocal = async (): Promise<LockHolder | null> => {
    try {
      return parseHolder(await readFile(lockFile, 'utf8')) ?? unknownHolder(lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  /** The GitHub holder, with the sha its ref points at (null when there is no lock ref). */
  const readGitHub = async (): Promise<{ holder: LockHolder; sha: string } | null> => {
    const target = await readRef(client, repo, GITHUB_LOCK_REF);
    if (!target) return null;
    if (target.type !== 'tag') return { holder: unknownHolder('GitHub'), sha: target.sha };
    try {
      const { data } = await client.rest.git.getTag({ ...repo, tag_sha: target.sha });
      return { holder: parseHolder(data.message) ?? unknownHolder('GitHub'), sha: target.sha };
    } catch (error) {
      throw githubAppError(error, `read who holds ${GITHUB_LOCK_REF}`);
    }
  };

  /** Takes this machine's half; false when `holder.runId` already held it (a resume). */
  const acquireLocal = async (holder: LockHolder): Promise<boolean> => {
    await mkdir(options.locksDir, { recursive: true });
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(holder)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = await readLocal();
      if (existing && existing.runId === holder.runId) return false;
      throw heldBy(existing ?? unknownHolder(lockFile), 'on this machine');
    }
  };

  /** The commit the holder tag object points at: a tag object must point at something, and the default branch always exists. */
  const anchorCommit = async (): Promise<string> => {
    let defaultBranch: string;
    try {
      defaultBranch = (await client.rest.repos.get({ ...repo })).data.default_branch;
    } catch (error) {
      throw githubAppError(error, 'read the default branch to anchor the flow lock');
    }
    const sha = await getRef(client, repo, `refs/heads/${defaultBranch}`);
    if (!sha) throw new AppError('REF_MISSING', `The default branch ${defaultBranch} does not exist on GitHub.`);
    return sha;
  };

  const acquireGitHub = async (holder: LockHolder): Promise<void> => {
    const existing = await readGitHub();
    if (existing) {
      if (existing.holder.runId === holder.runId) return;
      throw heldBy(existing.holder, 'on GitHub');
    }
    let tagSha: string;
    try {
      const { data } = await client.rest.git.createTag({
        ...repo,
        tag: HOLDER_TAG,
        message: JSON.stringify(holder),
        object: await anchorCommit(),
        type: 'commit',
      });
      tagSha = data.sha;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw githubAppError(error, 'record the flow lock holder on GitHub');
    }
    if ((await createRefExclusive(client, repo, { ref: GITHUB_LOCK_REF, sha: tagSha })) === 'created') return;
    // Someone won the race, or our own create's answer was lost and a retry saw it: the holder says which.
    const winner = await readGitHub();
    if (winner && winner.holder.runId === holder.runId) return;
    throw heldBy(winner?.holder ?? unknownHolder('GitHub'), 'on GitHub');
  };

  return {
    async acquire(request) {
      const holder: LockHolder = {
        runId: request.runId,
        by: request.by,
        host: hostname(),
        pid: process.pid,
        since: now().toISOString(),
      };
      const tookLocal = await acquireLocal(holder);
      try {
        await acquireGitHub(holder);
      } catch (error) {
        // Held elsewhere: this machine's half must not outlive the attempt, or it would block this machine.
        if (tookLocal) await rm(lockFile, { force: true });
        throw error;
      }
      return (await readLocal()) ?? holder;
    },
    async release(runId) {
      const remote = await readGitHub();
      if (remote && remote.holder.runId === runId) await deleteRef(client, repo, GITHUB_LOCK_REF);
      const local = await readLocal();
      if (local && local.runId === runId) await rm(lockFile, { force: true });
    },
    async state() {
      const [local, remote] = await Promise.all([readLocal(), readGitHub()]);
      return { local, github: remote?.holder ?? null };
    },
    async breakLock() {
      const { deleted } = await deleteRef(client, repo, GITHUB_LOCK_REF);
      const local = (await readLocal()) !== null;
      await rm(lockFile, { force: true });
      return { local, github: deleted };
    },
  };
}
