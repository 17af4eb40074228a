import { nodeId, type ServerUrls } from './json-urls';
import { repositoryJson, type RepositoryFacts } from './repository-json';
import { isoSeconds } from './route-context';
import type { ServerState, StoredRepository } from './server-state';
import { signedInSimpleUser } from './user-json';
import { runProgressAt, type StoredWorkflow, type StoredWorkflowRun } from './workflow-runs';

/** GitHub's `workflow`. */
export function workflowJson(
  urls: ServerUrls,
  repo: StoredRepository,
  workflow: StoredWorkflow,
  facts: RepositoryFacts,
) {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    id: workflow.id,
    node_id: nodeId('Workflow', workflow.id),
    name: workflow.name,
    path: workflow.path,
    state: 'active',
    created_at: workflow.createdAt,
    updated_at: workflow.createdAt,
    url: `${urls.api}/repos/${fullName}/actions/workflows/${workflow.id}`,
    html_url: `${urls.html}/${fullName}/blob/${facts.defaultBranch}/${workflow.path}`,
    badge_url: `${urls.html}/${fullName}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  };
}

/** GitHub's `workflow-run`, with status and conclusion as they are `now`. */
export function workflowRunJson(
  urls: ServerUrls,
  state: ServerState,
  repo: StoredRepository,
  run: StoredWorkflowRun,
  facts: RepositoryFacts,
  now: number = Date.now(),
) {
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${urls.api}/repos/${fullName}/actions/runs/${run.id}`;
  const workflow = repo.workflows?.find((candidate) => candidate.id === run.workflowId);
  const progress = runProgressAt(run, now);
  const repository = repositoryJson(urls, state, repo, facts);
  const user = signedInSimpleUser(urls, state);
  const commit = run.headCommit;
  return {
    id: run.id,
    name: workflow?.name ?? null,
    node_id: nodeId('WorkflowRun', run.id),
    check_suite_id: run.id,
    check_suite_node_id: nodeId('CheckSuite', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow?.path ?? '',
    run_number: run.runNumber,
    run_attempt: 1,
    referenced_workflows: [],
    event: run.event,
    status: progress.status,
    conclusion: progress.conclusion,
    workflow_id: run.workflowId,
    url,
    html_url: `${urls.html}/${fullName}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: isoSeconds(new Date(run.createdAtMs)),
    updated_at: progress.updatedAt,
    actor: user,
    triggering_actor: user,
    run_started_at: progress.startedAt ?? isoSeconds(new Date(run.createdAtMs)),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${urls.api}/repos/${fullName}/check-suites/${run.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${urls.api}/repos/${fullName}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: commit.id,
      tree_id: commit.treeId,
      message: commit.message,
      timestamp: commit.timestamp,
      author: commit.author,
      committer: commit.committer,
    },
    repository,
    head_repository: repository,
    head_repository_id: repo.id,
    display_title: run.displayTitle,
  };
}
