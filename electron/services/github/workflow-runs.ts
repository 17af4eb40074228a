import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import type { GitHubRepo } from './refs';

/** Where a run is; GitHub's other statuses (`requested`, `waiting`, `pending`) are all "not started". */
export type WorkflowRunStatus = 'requested' | 'queued' | 'in_progress' | 'waiting' | 'pending' | 'completed';

const STATUSES: readonly string[] = ['requested', 'queued', 'in_progress', 'waiting', 'pending', 'completed'];

/** A workflow run as Release Desk shows it. */
export interface WorkflowRunSummary {
  id: number;
  /** The workflow's name (its display title when GitHub gives none). */
  name: string;
  /** `push`, `release`, `workflow_dispatch`, … */
  event: string;
  /** The branch, or the tag for a `release` run. */
  headBranch: string | null;
  headSha: string;
  status: WorkflowRunStatus;
  /** `success`, `failure`, `cancelled`, …; `null` until completed. */
  conclusion: string | null;
  htmlUrl: string;
  createdAt: string;
  updatedAt: string;
}

/** The fields of GitHub's `workflow-run` this module reads. */
interface WorkflowRunData {
  id: number;
  name?: string | null;
  display_title: string;
  event: string;
  head_branch: string | null;
  head_sha: string;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  created_at: string;
  updated_at: string;
}

function summarize(data: WorkflowRunData): WorkflowRunSummary {
  // An unknown or missing status is treated as not started, so a watcher keeps waiting rather than stop early.
  const status = data.status && STATUSES.includes(data.status) ? (data.status as WorkflowRunStatus) : 'pending';
  return {
    id: data.id,
    name: data.name ?? data.display_title,
    event: data.event,
    headBranch: data.head_branch,
    headSha: data.head_sha,
    status,
    conclusion: data.conclusion,
    htmlUrl: data.html_url,
    createdAt: data.created_at,
    updatedAt: data.updated_at,
  };
}

/** Filters for {@link listWorkflowRuns}; all optional. */
export interface WorkflowRunFilter {
  branch?: string;
  headSha?: string;
  event?: string;
  /** A workflow's name (`Deploy to staging`) or file name (`deploy-staging.yml`). */
  workflowName?: string;
}

/**
 * The newest runs (up to 100, newest first) matching the filter. A `workflowName` that names no
 * workflow of the repository gives `[]`.
 */
export async function listWorkflowRuns(
  client: GitHubClient,
  repo: GitHubRepo,
  filter: WorkflowRunFilter = {},
): Promise<WorkflowRunSummary[]> {
  const query = {
    ...repo,
    per_page: 100,
    ...(filter.branch === undefined ? {} : { branch: filter.branch }),
    ...(filter.headSha === undefined ? {} : { head_sha: filter.headSha }),
    ...(filter.event === undefined ? {} : { event: filter.event }),
  };
  try {
    if (filter.workflowName === undefined) {
      const { data } = await client.rest.actions.listWorkflowRunsForRepo(query);
      return data.workflow_runs.map(summarize);
    }
    // One page of 100: a repository with more workflows than that is not one Release Desk deploys from.
    // (Not `paginate`, which rewrites the answer in place, and the ETag cache hands that same object back.)
    const { data: listed } = await client.rest.actions.listRepoWorkflows({ ...repo, per_page: 100 });
    const wanted = filter.workflowName;
    const workflow = listed.workflows.find(
      (candidate) => candidate.name === wanted || candidate.path.split('/').pop() === wanted,
    );
    if (!workflow) return [];
    const { data } = await client.rest.actions.listWorkflowRuns({ ...query, workflow_id: workflow.id });
    return data.workflow_runs.map(summarize);
  } catch (error) {
    throw githubAppError(error, 'list the workflow runs');
  }
}

/** One run by id. */
export async function getWorkflowRun(client: GitHubClient, repo: GitHubRepo, id: number): Promise<WorkflowRunSummary> {
  try {
    const { data } = await client.rest.actions.getWorkflowRun({ ...repo, run_id: id });
    return summarize(data);
  } catch (error) {
    throw githubAppError(error, `read workflow run ${id}`);
  }
}

/** How {@link watchWorkflowRun} polls. */
export interface WatchOptions {
  /** Time between polls. Each poll is a conditional GET: an unchanged run costs no rate limit. */
  intervalMs: number;
  /** Stops watching; the promise then rejects with CANCELLED. */
  signal?: AbortSignal;
  /** Told the run's state on the first poll and whenever its status, conclusion or update time changes. */
  onUpdate?: (run: WorkflowRunSummary) => void;
}

/** Polls a run until it completes and resolves with it (whatever its conclusion). */
export async function watchWorkflowRun(
  client: GitHubClient,
  repo: GitHubRepo,
  id: number,
  options: WatchOptions,
): Promise<WorkflowRunSummary> {
  const cancelled = () => new AppError('CANCELLED', `Stopped watching workflow run ${id}.`);
  let seen = '';
  for (;;) {
    if (options.signal?.aborted) throw cancelled();
    const run = await getWorkflowRun(client, repo, id);
    const state = `${run.status} ${run.conclusion ?? ''} ${run.updatedAt}`;
    if (state !== seen) {
      seen = state;
      options.onUpdate?.(run);
    }
    if (run.status === 'completed') return run;
    try {
      await sleep(options.intervalMs, undefined, options.signal ? { signal: options.signal } : {});
    } catch {
      throw cancelled();
    }
  }
}
