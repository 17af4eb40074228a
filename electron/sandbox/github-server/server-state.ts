import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  StoredBranchProtection,
  StoredCheckRun,
  StoredCommitStatus,
  StoredReview,
  StoredRuleset,
} from './stored-rules-and-checks';
import type { StoredWorkflow, StoredWorkflowRun } from './workflow-runs';

/** A pull request as the server remembers it; live facts (head sha, mergeability) come from git. */
export interface StoredPullRequest {
  id: number;
  number: number;
  title: string;
  body: string | null;
  /** Branch names, without `refs/heads/`. */
  head: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  /**
   * Head and base commits when the PR was last written (opened or closed). A closed PR shows these;
   * an open one reads its live branches and falls back to the head here if that branch is gone.
   */
  lastHeadSha: string | null;
  lastBaseSha: string | null;
  userLogin: string;
  createdAt: string;
  updatedAt: string;
  /** Reviews, oldest first; absent in state files from before reviews existed. */
  reviews?: StoredReview[];
}

/** A release; its tag is a real ref in the bare repository once it is published. */
export interface StoredRelease {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  authorLogin: string;
}

/** One repository served by the server, backed by `repos/<owner>/<name>.git`. */
export interface StoredRepository {
  id: number;
  owner: string;
  name: string;
  createdAt: string;
  nextNumber: number;
  pulls: StoredPullRequest[];
  releases: StoredRelease[];
  /** Classic branch protection by branch name. Optional: older state files lack it. */
  protections?: Record<string, StoredBranchProtection>;
  /** Repository rulesets. Optional: older state files lack it. */
  rulesets?: StoredRuleset[];
  /** Check runs and commit statuses of any commit. Optional: older state files lack them. */
  checkRuns?: StoredCheckRun[];
  statuses?: StoredCommitStatus[];
  /** Configured workflows and their runs (`workflow-runs.ts`). Optional: older state files lack them. */
  workflows?: StoredWorkflow[];
  workflowRuns?: StoredWorkflowRun[];
  /** Branch tips when last looked at, to notice pushes made straight into the bare repository. */
  seenBranchTips?: Record<string, string>;
}

/** Everything the server must remember across a restart. */
export interface ServerState {
  version: 1;
  /** Next id for any object (repository, PR, release): GitHub ids are unique per kind, ours globally. */
  nextId: number;
  user: { login: string; id: number; name: string; email: string };
  repos: Record<string, StoredRepository>;
}

const STATE_FILE = 'state.json';

/** The key a repository is stored under: `owner/name`, lower-cased as GitHub matches names. */
export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

/** Reads the state file of `stateDir`, or a fresh state when there is none. */
export function loadServerState(stateDir: string, login: string): ServerState {
  const path = join(stateDir, STATE_FILE);
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<ServerState>;
    if (stored.version !== 1 || !stored.repos || !stored.user) {
      throw new Error(`${path} is not a Release Desk sandbox state file (version 1)`);
    }
    return stored as ServerState;
  }
  return {
    version: 1,
    nextId: 1001,
    user: { login, id: 1, name: login, email: `${login}@users.noreply.test` },
    repos: {},
  };
}

/** Writes the state atomically (temp file, then rename), so a crash never leaves half a file. */
export function saveServerState(stateDir: string, state: ServerState): void {
  const path = join(stateDir, STATE_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, path);
}

/** Hands out the next id and advances the counter. */
export function takeId(state: ServerState): number {
  const id = state.nextId;
  state.nextId += 1;
  return id;
}
