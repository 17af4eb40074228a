import { setTimeout as sleep } from 'node:timers/promises';
import type { ProjectConfig } from '../../../shared/domain/config/project-config';
import { WORKFLOW_DEMO_SERVER, type DemoState, type DemoView } from '../../../shared/domain/demos/demo';
import { demoNameProblem } from '../../../shared/domain/demos/demo-name';
import type { Project } from '../../../shared/domain/project';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubAccounts } from '../github/github-accounts';
import type { GitHubClient } from '../github/github-client';
import { githubAppError } from '../github/github-errors';
import { deleteRef, findOrCreateRef, getRef, shortSha, type GitHubRepo } from '../github/refs';
import { listWorkflowRuns, watchWorkflowRun, type WorkflowRunSummary } from '../github/workflow-runs';
import { loadDemosConfig } from './demo-launch';

/**
 * The workflow alternative (`demos.mode: workflow`): a demo is the branch `feature-demo/<name>` on
 * GitHub, and the workflow its push starts deploys it. No server of ours is involved; the "server" of
 * these demos is GitHub itself (named {@link WORKFLOW_DEMO_SERVER} in the inventory).
 */
export { WORKFLOW_DEMO_SERVER };

/** The branch prefix of workflow demos. */
export const DEMO_BRANCH_PREFIX = 'feature-demo/';

/** The branch a workflow demo lives on. */
export function demoBranchOf(name: string): string {
  return `${DEMO_BRANCH_PREFIX}${name}`;
}

/** What the workflow demos are built from. */
export interface WorkflowDemosDeps {
  /** The project's GitHub client (the app's connected accounts). */
  github: Pick<GitHubAccounts, 'clientFor'>;
  /** The app's empty hooks folder, for reading a project's config from its managed clone. */
  hooksDir: string;
  /** Time between polls while finding and watching the run (each poll is a conditional GET). */
  pollIntervalMs?: number;
  /** How long the push's run may take to appear before `up` gives up (GitHub can take a while). */
  runAppearTimeoutMs?: number;
  now?: () => Date;
}

/** What {@link WorkflowDemos.up} launches. */
export interface WorkflowDemoRequest {
  branch: string;
  name: string;
  /** Must be empty: a push cannot carry values to the workflow (its secrets live on GitHub). */
  env?: Record<string, string>;
}

/** Receives the run's state lines and the demo's state while `up` watches. */
export interface WorkflowDemoEvents {
  onLog: (lines: string[], fromLine: number) => void;
  onState: (demo: DemoView) => void;
}

/** Feature demos as `feature-demo/<name>` branches whose push starts a deploy workflow. */
export interface WorkflowDemos {
  /** The project's `demos` config when it is in workflow mode, else null (an SSH project). */
  configOf(project: Project): Promise<ProjectConfig['demos'] | null>;
  /**
   * Creates `feature-demo/<name>` at the head of `branch` (or finds it there: never moves it), then
   * watches the newest run of `demos.workflow` for that push until it completes.
   */
  up(
    project: Project,
    demos: ProjectConfig['demos'],
    request: WorkflowDemoRequest,
    events: WorkflowDemoEvents,
    signal?: AbortSignal,
  ): Promise<DemoView>;
  /** Deletes `feature-demo/<name>` from the project in workflow mode that has it; `removed: false` when none. */
  down(projects: Project[], name: string): Promise<{ removed: boolean }>;
  /** The `feature-demo/*` branches of every project in workflow mode, with their newest run's state. */
  list(projects: Project[]): Promise<DemoView[]>;
}

const DEFAULT_POLL_MS = 3000;
const DEFAULT_APPEAR_TIMEOUT_MS = 120_000;

function repoOf(project: Project): GitHubRepo {
  return { owner: project.repository.owner, repo: project.repository.repo };
}

/** A run's state as a demo's: a completed success is a deployed (running) demo. */
function demoStateOf(run: WorkflowRunSummary | undefined): DemoState {
  if (!run) return 'starting';
  if (run.status !== 'completed') return 'starting';
  return run.conclusion === 'success' ? 'running' : 'failed';
}

/** The line `up` logs for a run's state: `workflow run #12 queued`, `… completed: success`. */
export function runStateLine(run: WorkflowRunSummary): string {
  const conclusion = run.status === 'completed' ? `: ${run.conclusion ?? 'unknown'}` : '';
  return `workflow run #${run.id} ${run.status}${conclusion}`;
}

/** Creates the workflow demos. */
export function createWorkflowDemos(deps: WorkflowDemosDeps): WorkflowDemos {
  const now = deps.now ?? (() => new Date());
  const pollMs = deps.pollIntervalMs ?? DEFAULT_POLL_MS;
  const appearTimeoutMs = deps.runAppearTimeoutMs ?? DEFAULT_APPEAR_TIMEOUT_MS;

  const configOf = async (project: Project): Promise<ProjectConfig['demos'] | null> => {
    const { demos } = await loadDemosConfig(project, deps.hooksDir);
    return demos.mode === 'workflow' ? demos : null;
  };

  const viewOf = (
    name: string,
    branch: string,
    sha: string,
    run: WorkflowRunSummary | undefined,
    problem: string | null = null,
  ): DemoView => {
    const state = demoStateOf(run);
    return {
      name,
      branch,
      sha,
      url: run?.htmlUrl ?? '',
      owner: '',
      startedAt: run?.createdAt ?? '',
      // A workflow demo lives until its branch is deleted: GitHub keeps no expiry for it.
      expiresAt: '',
      server: WORKFLOW_DEMO_SERVER,
      state,
      exitCode: null,
      expired: false,
      problem,
    };
  };

  /** Waits for the push's run to be listed (GitHub starts it a moment after the ref appears). */
  const findRun = async (
    client: GitHubClient,
    repo: GitHubRepo,
    workflow: string,
    branch: string,
    sha: string,
    signal: AbortSignal | undefined,
  ): Promise<WorkflowRunSummary> => {
    const deadline = now().getTime() + appearTimeoutMs;
    for (;;) {
      if (signal?.aborted) throw new AppError('CANCELLED', `Stopped waiting for the workflow run of ${branch}.`);
      const [newest] = await listWorkflowRuns(client, repo, {
        workflowName: workflow,
        branch,
        headSha: sha,
        event: 'push',
      });
      if (newest) return newest;
      if (now().getTime() >= deadline) {
        throw new AppError(
          'NOT_FOUND',
          `No run of the workflow ${workflow} started for the push of ${branch} (${shortSha(sha)}). ` +
            `Check that the workflow exists on the default branch and that its on.push.branches includes feature-demo/**.`,
        );
      }
      try {
        await sleep(pollMs, undefined, signal ? { signal } : {});
      } catch {
        throw new AppError('CANCELLED', `Stopped waiting for the workflow run of ${branch}.`);
      }
    }
  };

  /** The demo branches of one project, with their newest run; `[]` for a project in SSH mode. */
  const listProject = async (project: Project): Promise<DemoView[]> => {
    const demos = await configOf(project);
    if (!demos) return [];
    const client = await deps.github.clientFor(project);
    const repo = repoOf(project);
    let refs: { ref: string; sha: string }[];
    try {
      // A prefix match: `feature-demo` also lists `feature-demo-x`, so the slash is checked below.
      const { data } = await client.rest.git.listMatchingRefs({ ...repo, ref: 'heads/feature-demo' });
      refs = data.map((ref) => ({ ref: ref.ref, sha: ref.object.sha }));
    } catch (error) {
      throw githubAppError(error, `list the demo branches of ${project.name}`);
    }
    const prefix = `refs/heads/${DEMO_BRANCH_PREFIX}`;
    // A branch someone named by hand (`feature-demo/My_Thing`) is not a demo Release Desk can tear down.
    const branches = refs.filter(
      (ref) => ref.ref.startsWith(prefix) && demoNameProblem(ref.ref.slice(prefix.length)) === null,
    );
    if (branches.length === 0) return [];
    const runs = demos.workflow
      ? await listWorkflowRuns(client, repo, { workflowName: demos.workflow, event: 'push' })
      : [];
    return branches.map(({ ref, sha }) => {
      const branch = ref.slice('refs/heads/'.length);
      const run = runs.find((candidate) => candidate.headBranch === branch && candidate.headSha === sha);
      return viewOf(branch.slice(DEMO_BRANCH_PREFIX.length), branch, sha, run);
    });
  };

  return {
    configOf,

    async up(project, demos, request, events, signal) {
      const workflow = demos.workflow;
      if (Object.keys(request.env ?? {}).length > 0) {
        throw new AppError(
          'INVALID_ARGUMENTS',
          `This project's demos run as a GitHub workflow, which a push cannot hand values to: set them as the workflow's secrets or variables on GitHub instead.`,
        );
      }
      if (!workflow) {
        throw new AppError(
          'CONFIG_INVALID',
          `demos.mode is workflow but demos.workflow is not set: name the workflow a push of feature-demo/<name> starts, e.g. \`workflow: feature-demo.yml\`.`,
        );
      }
      const client = await deps.github.clientFor(project);
      const repo = repoOf(project);
      const demoBranch = demoBranchOf(request.name);
      const sha = await getRef(client, repo, `refs/heads/${request.branch}`);
      if (!sha) {
        throw new AppError(
          'REF_MISSING',
          `${request.branch} is not on GitHub (${repo.owner}/${repo.repo}): push it first, then launch the demo.`,
        );
      }
      const conflict = (found: string) =>
        new AppError(
          'CONFLICT',
          `The demo branch ${demoBranch} already exists at ${shortSha(found)}, not at ${shortSha(sha)} (the head of ${request.branch}). ` +
            `Release Desk never moves it: tear the demo ${request.name} down first, then launch it again.`,
        );
      const existing = await getRef(client, repo, `refs/heads/${demoBranch}`);
      if (existing && existing !== sha) throw conflict(existing);
      try {
        await findOrCreateRef(client, repo, { ref: `refs/heads/${demoBranch}`, sha });
      } catch (error) {
        // Someone made it in between: say so in the demo's words.
        if (error instanceof AppError && error.code === 'CONFLICT') {
          const found = await getRef(client, repo, `refs/heads/${demoBranch}`);
          if (found && found !== sha) throw conflict(found);
        }
        throw error;
      }

      let line = 1;
      const log = (text: string) => {
        events.onLog([text], line);
        line += 1;
      };
      let lastState: DemoState | null = null;
      const report = (run: WorkflowRunSummary | undefined): DemoView => {
        const view = viewOf(request.name, request.branch, sha, run);
        if (view.state !== lastState) {
          lastState = view.state;
          events.onState(view);
        }
        return view;
      };
      report(undefined);
      log(`${demoBranch} at ${shortSha(sha)} (${request.branch}); waiting for the run of ${workflow}`);
      const run = await findRun(client, repo, workflow, demoBranch, sha, signal);
      const done = await watchWorkflowRun(client, repo, run.id, {
        intervalMs: pollMs,
        ...(signal ? { signal } : {}),
        onUpdate: (update) => {
          log(runStateLine(update));
          report(update);
        },
      });
      return report(done);
    },

    async down(projects, name) {
      const holders: { project: Project; client: GitHubClient }[] = [];
      for (const project of projects) {
        if (!(await configOf(project))) continue;
        const client = await deps.github.clientFor(project);
        if (await getRef(client, repoOf(project), `refs/heads/${demoBranchOf(name)}`))
          holders.push({ project, client });
      }
      if (holders.length > 1) {
        throw new AppError(
          'CONFLICT',
          `${demoBranchOf(name)} exists in ${holders.map((holder) => holder.project.name).join(' and ')}: ` +
            `delete the branch on GitHub in the project whose demo you mean.`,
        );
      }
      const [holder] = holders;
      if (!holder) return { removed: false };
      const { deleted } = await deleteRef(holder.client, repoOf(holder.project), `refs/heads/${demoBranchOf(name)}`);
      return { removed: deleted };
    },

    async list(projects) {
      const rows: DemoView[] = [];
      for (const project of projects) {
        try {
          rows.push(...(await listProject(project)));
        } catch {
          // A project whose config does not read or whose GitHub does not answer must not hide the other
          // demos; its own screens say what is wrong.
          continue;
        }
      }
      return rows.sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
