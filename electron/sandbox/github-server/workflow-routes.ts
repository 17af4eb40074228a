import { notFound } from './github-error';
import { paginate } from './pagination';
import { openRepository, repositoryFacts, type RouteContext } from './route-context';
import type { Router } from './router';
import type { StoredRepository } from './server-state';
import { workflowJson, workflowRunJson } from './workflow-json';
import { runProgressAt, type StoredWorkflow, type StoredWorkflowRun } from './workflow-runs';

/** Values of the `status` filter that are statuses; the others (`success`, `failure`, …) are conclusions. */
const STATUSES = new Set(['requested', 'queued', 'in_progress', 'completed', 'waiting', 'pending']);

/** The runs matching GitHub's filters `branch`, `event`, `head_sha` and `status`, newest first. */
function filterRuns(runs: readonly StoredWorkflowRun[], query: URLSearchParams, now: number): StoredWorkflowRun[] {
  const branch = query.get('branch');
  const event = query.get('event');
  const headSha = query.get('head_sha');
  const status = query.get('status');
  return runs
    .filter((run) => !branch || run.headBranch === branch)
    .filter((run) => !event || run.event === event)
    .filter((run) => !headSha || run.headSha === headSha)
    .filter((run) => {
      if (!status) return true;
      const progress = runProgressAt(run, now);
      return STATUSES.has(status) ? progress.status === status : progress.conclusion === status;
    })
    .sort((a, b) => b.id - a.id);
}

/** A workflow by id or by file name (`deploy.yml`), as GitHub's `{workflow_id}` accepts both. */
function findWorkflow(repo: StoredRepository, workflowId: string | undefined): StoredWorkflow {
  const workflow = (repo.workflows ?? []).find(
    (candidate) => String(candidate.id) === workflowId || candidate.path.split('/').pop() === workflowId,
  );
  if (!workflow) throw notFound();
  return workflow;
}

/** Workflows and their runs: list workflows, list runs (all, or of one workflow) and get one run. */
export function addWorkflowRoutes(router: Router, context: RouteContext): void {
  const state = context.store.state;

  router.add('GET', '/repos/{owner}/{repo}/actions/workflows', async ({ params, url }) => {
    const { repo, git } = openRepository(context, params);
    const facts = await repositoryFacts(git, repo);
    const workflows = [...(repo.workflows ?? [])].sort((a, b) => a.id - b.id);
    const page = paginate(workflows, url);
    return {
      status: 200,
      body: {
        total_count: workflows.length,
        workflows: page.items.map((workflow) => workflowJson(context.urls, repo, workflow, facts)),
      },
      headers: page.headers,
    };
  });

  const listRuns = async (
    params: Record<string, string>,
    query: URLSearchParams,
    url: URL,
    only?: (run: StoredWorkflowRun) => boolean,
  ) => {
    const { repo, git } = openRepository(context, params);
    const now = Date.now();
    const runs = filterRuns(repo.workflowRuns ?? [], query, now).filter((run) => !only || only(run));
    const page = paginate(runs, url);
    const facts = await repositoryFacts(git, repo);
    return {
      status: 200,
      body: {
        total_count: runs.length,
        workflow_runs: page.items.map((run) => workflowRunJson(context.urls, state, repo, run, facts, now)),
      },
      headers: page.headers,
    };
  };

  router.add('GET', '/repos/{owner}/{repo}/actions/runs', async ({ params, query, url }) =>
    listRuns(params, query, url),
  );

  router.add('GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', async ({ params, query, url }) => {
    const workflow = findWorkflow(context.store.get(params.owner ?? '', params.repo ?? ''), params.workflow_id);
    return listRuns(params, query, url, (run) => run.workflowId === workflow.id);
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}', async ({ params }) => {
    const { repo, git } = openRepository(context, params);
    const run = (repo.workflowRuns ?? []).find((candidate) => String(candidate.id) === params.run_id);
    if (!run) throw notFound();
    const facts = await repositoryFacts(git, repo);
    return { status: 200, body: workflowRunJson(context.urls, state, repo, run, facts) };
  });
}
