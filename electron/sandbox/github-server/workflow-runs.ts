import { isoSeconds } from './route-context';
import type { SandboxGit } from './sandbox-git';
import { takeId, type ServerState, type StoredRepository } from './server-state';
import type { WorkflowConclusion, WorkflowConfig } from './workflow-config';

/** Defaults of {@link WorkflowConfig}'s timing and outcome. */
export const WORKFLOW_DEFAULTS = { queuedMs: 1000, durationMs: 5000, conclusion: 'success' } as const;

/** A configured workflow with the id GitHub would give it. */
export interface StoredWorkflow extends WorkflowConfig {
  id: number;
  createdAt: string;
}

/** The commit a run is for, as `head_commit` prints it; read once when the run starts. */
export interface StoredHeadCommit {
  id: string;
  treeId: string;
  message: string;
  timestamp: string;
  author: { name: string; email: string };
  committer: { name: string; email: string };
}

/**
 * One run. Only its start time and timing are stored: status and conclusion follow from the clock
 * ({@link runProgressAt}), so a run keeps moving while the server is stopped and after a restart.
 */
export interface StoredWorkflowRun {
  id: number;
  workflowId: number;
  runNumber: number;
  event: 'push' | 'release';
  /** The branch pushed to, or the tag of the published release. */
  headBranch: string;
  headSha: string;
  displayTitle: string;
  headCommit: StoredHeadCommit;
  /** When the run was queued, in ms since the epoch. */
  createdAtMs: number;
  queuedMs: number;
  durationMs: number;
  conclusion: WorkflowConclusion;
}

/** Where a run is at a given time. */
export interface RunProgress {
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: WorkflowConclusion | null;
  /** When it last changed status (ISO, to the second). */
  updatedAt: string;
  /** When it left the queue, once it has. */
  startedAt: string | null;
}

/** Status and conclusion of `run` at `now`: queued, then in progress, then completed. */
export function runProgressAt(run: StoredWorkflowRun, now: number = Date.now()): RunProgress {
  const started = run.createdAtMs + run.queuedMs;
  const finished = started + run.durationMs;
  const at = (ms: number) => isoSeconds(new Date(ms));
  if (now < started) return { status: 'queued', conclusion: null, updatedAt: at(run.createdAtMs), startedAt: null };
  if (now < finished)
    return { status: 'in_progress', conclusion: null, updatedAt: at(started), startedAt: at(started) };
  return { status: 'completed', conclusion: run.conclusion, updatedAt: at(finished), startedAt: at(started) };
}

/**
 * True when a `branches` filter of a workflow matches `branch`: an exact name, or a glob where `*`
 * matches within one path segment and `**` across segments, as GitHub's filter patterns do.
 */
export function branchMatches(patterns: readonly string[], branch: string): boolean {
  return patterns.some((pattern) => {
    const source = pattern
      .split('**')
      .map((part) => part.replace(/[.+?^$()|[\]{}\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('.*');
    return new RegExp(`^${source}$`).test(branch);
  });
}

/** What started a run. */
export interface RunTrigger {
  event: 'push' | 'release';
  headBranch: string;
  headSha: string;
  /** The run's title when it is not the head commit's subject (a release's name). */
  title?: string;
}

/** Reads what `head_commit` shows for `sha`. */
async function headCommit(git: SandboxGit, sha: string): Promise<StoredHeadCommit> {
  const fields = (await git.text(['show', '-s', '--format=%T%x00%aI%x00%an%x00%ae%x00%cn%x00%ce%x00%B', sha])).split(
    '\0',
  );
  const [treeId = '', timestamp = '', authorName = '', authorEmail = '', committerName = '', committerEmail = ''] =
    fields;
  return {
    id: sha,
    treeId,
    message: (fields[6] ?? '').trim(),
    timestamp,
    author: { name: authorName, email: authorEmail },
    committer: { name: committerName, email: committerEmail },
  };
}

/**
 * Starts a run of every configured workflow that `trigger` matches (a push to one of its branches, or
 * a published release) and returns them. The caller saves the state.
 */
export async function startWorkflowRuns(
  git: SandboxGit,
  state: ServerState,
  repo: StoredRepository,
  trigger: RunTrigger,
): Promise<StoredWorkflowRun[]> {
  const matching = (repo.workflows ?? []).filter((workflow) =>
    trigger.event === 'push'
      ? branchMatches(workflow.on.push?.branches ?? [], trigger.headBranch)
      : workflow.on.release === true,
  );
  if (matching.length === 0) return [];
  const commit = await headCommit(git, trigger.headSha);
  const runs = (repo.workflowRuns ??= []);
  const started: StoredWorkflowRun[] = [];
  for (const workflow of matching) {
    const run: StoredWorkflowRun = {
      id: takeId(state),
      workflowId: workflow.id,
      runNumber: runs.filter((other) => other.workflowId === workflow.id).length + 1,
      event: trigger.event,
      headBranch: trigger.headBranch,
      headSha: trigger.headSha,
      displayTitle: trigger.title ?? commit.message.split('\n')[0] ?? '',
      headCommit: commit,
      createdAtMs: Date.now(),
      queuedMs: workflow.queuedMs ?? WORKFLOW_DEFAULTS.queuedMs,
      durationMs: workflow.durationMs ?? WORKFLOW_DEFAULTS.durationMs,
      conclusion: workflow.conclusion ?? WORKFLOW_DEFAULTS.conclusion,
    };
    runs.push(run);
    started.push(run);
  }
  return started;
}
