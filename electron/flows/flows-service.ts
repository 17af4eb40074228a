import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { FlowName, FlowPlan, FlowRun } from '../../shared/domain/flows/flow-plan';
import type { Project } from '../../shared/domain/project';
import { AppError } from '../../shared/ipc/errors';
import type { GitHubAccounts } from '../services/github/github-accounts';
import type { GitHubClient } from '../services/github/github-client';
import { openRepository } from '../services/git/git-repository';
import type { ProjectRegistry } from '../services/projects/project-registry';
import type { EngineDeps } from './engine/engine-deps';
import { createFlowLock } from './engine/flow-lock';
import { abandonRun, approveStepOf, runFlow } from './engine/flow-runner';
import { createJournal } from './engine/journal';
import type { FlowChoices as ChoicesByFlow } from './planners/flow-choices';
import { gatherFlowFacts } from './planners/gather-facts';
import { planFlow } from './planners/plan-flow';
import { isBlocked, preflight } from './planners/preflight';
import type { FlowChoices, FlowsService } from './flows-service-types';

export type { FlowChoices, FlowsService } from './flows-service-types';

/** What the flows service is built from. */
export interface FlowsServiceDeps {
  dataDir: string;
  hooksDir: string;
  registry: ProjectRegistry;
  github: GitHubAccounts;
  /** Engine timings (tests shorten them). */
  engine?: Pick<EngineDeps, 'pollIntervalMs' | 'waitTimeoutMs' | 'sleep'>;
}

/** The flow choices of the contract, in the shape each planner takes; missing required ones are named. */
function choicesFor<F extends FlowName>(flow: F, choices: FlowChoices): ChoicesByFlow[F] {
  const required = (value: string | undefined, what: string): string => {
    if (value === undefined) throw new AppError('INVALID_ARGUMENTS', `A ${flow} needs ${what}.`);
    return value;
  };
  const byFlow: { [K in FlowName]: () => ChoicesByFlow[K] } = {
    freeze: () => ({
      ...(choices.sha ? { sha: choices.sha } : {}),
      ...(choices.version ? { version: choices.version } : {}),
      ...(choices.method ? { method: choices.method } : {}),
    }),
    hotfix: () => ({
      name: required(choices.name, 'a name (--name)'),
      from: choices.from ?? 'staging',
      ...(choices.shas ? { shas: choices.shas } : {}),
    }),
    promote: () => (choices.notes ? { notes: choices.notes } : {}),
    release: () => ({
      ...(choices.version ? { version: choices.version } : {}),
      ...(choices.annotated !== undefined ? { annotated: choices.annotated } : {}),
      ...(choices.notes ? { notes: choices.notes } : {}),
    }),
    backmerge: () => ({ from: choices.from ?? 'staging' }),
  };
  return byFlow[flow]() as ChoicesByFlow[F];
}

/** Who runs a flow, for the journal and the lock: the OS user on this machine. */
function whoRuns(): string {
  let user = 'someone';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the machine name still says where.
  }
  return `${user}@${hostname()}`;
}

/**
 * The flows of the train for the app and the CLI: gather facts from the managed clone and GitHub, plan,
 * check, then run with the journal and the lock. Every run lives in `<dataDir>/runs`, so an interrupted
 * one can be resumed by either front end.
 */
export function createFlowsService(deps: FlowsServiceDeps): FlowsService {
  const journal = createJournal(join(deps.dataDir, 'runs'));
  const locksDir = join(deps.dataDir, 'locks');

  const projectOf = (projectId: string): Project => {
    const project = deps.registry.list().find((candidate) => candidate.id === projectId);
    if (!project) throw new AppError('NOT_FOUND', `There is no project "${projectId}". Add it on the Projects screen.`);
    return project;
  };
  const lockFor = (project: Project, client: GitHubClient) =>
    createFlowLock({
      client,
      repo: { owner: project.repository.owner, repo: project.repository.repo },
      locksDir,
      projectId: project.id.replace(/[^A-Za-z0-9._-]/g, '_'),
    });
  const engineFor = async (project: Project): Promise<EngineDeps> => {
    const client = await deps.github.clientFor(project);
    // The token of GITHUB_TOKEN (the command line in CI) has no connected account: ask GitHub who it
    // is, since a CI runner usually has no git identity for the cherry-picks and the bump commit.
    const login =
      deps.github.list().find((candidate) => candidate.host === project.repository.host)?.login ??
      (await client.rest.users.getAuthenticated().then(
        ({ data }) => data.login,
        () => undefined,
      ));
    return {
      ...deps.engine,
      client,
      repo: { owner: project.repository.owner, repo: project.repository.repo },
      cloneDir: project.clonePath,
      hooksDir: deps.hooksDir,
      journal,
      lock: lockFor(project, client),
      ...(login ? { committer: { name: login, email: `${login}@users.noreply.github.com` } } : {}),
    };
  };
  const planned = async (projectId: string, flow: FlowName, choices: FlowChoices) => {
    const project = projectOf(projectId);
    const client = await deps.github.clientFor(project);
    // Plans are made on what origin has now, not on a stale clone.
    await openRepository(project.clonePath, { hooksDir: deps.hooksDir }).fetch();
    const facts = await gatherFlowFacts({
      projectId,
      dir: project.clonePath,
      hooksDir: deps.hooksDir,
      ...(project.configFile ? { configFile: project.configFile } : {}),
      repository: { owner: project.repository.owner, repo: project.repository.repo },
      client,
      ...(choices.sha ? { freezeSha: choices.sha } : {}),
    });
    const typed = choicesFor(flow, choices);
    const plan: FlowPlan = planFlow(flow, facts, typed);
    const checks = preflight(flow, facts, typed);
    return { project, plan, checks };
  };
  const execute = async (
    run: FlowRun,
    project: Project,
    onProgress: (run: FlowRun) => void,
    approveAll = false,
  ): Promise<FlowRun> => {
    const result = await runFlow(run, await engineFor(project), {
      by: run.by,
      approveAll,
      onStep: (_record, _planned, current) => onProgress(current),
    });
    if (result.kind !== 'run') throw new AppError('INTERNAL', 'The flow ran as a dry run.');
    onProgress(result.run);
    return result.run;
  };

  return {
    async preview(projectId, flow, choices) {
      const { plan, checks } = await planned(projectId, flow, choices);
      return { plan, preflight: checks, canStart: !isBlocked(checks) };
    },

    async start(projectId, flow, choices, onProgress, options = {}) {
      const { project, plan, checks } = await planned(projectId, flow, choices);
      if (isBlocked(checks)) {
        const blockers = checks.filter((check) => !check.ok && check.severity === 'blocker');
        throw new AppError(
          'CONFLICT',
          `The ${flow} cannot start: ${blockers.map((check) => `${check.title} — ${check.reason}`).join('; ')}`,
        );
      }
      const run = await journal.create(plan, whoRuns());
      onProgress(run);
      return execute(run, project, onProgress, options.approveAll);
    },

    async resume(runId, onProgress, options = {}) {
      const run = await journal.read(runId);
      return execute(run, projectOf(run.plan.projectId), onProgress, options.approveAll);
    },

    async approve(runId, stepId, onProgress) {
      const approved = await approveStepOf(runId, stepId, whoRuns(), { journal });
      onProgress(approved);
      return execute(approved, projectOf(approved.plan.projectId), onProgress);
    },

    async abandon(runId) {
      const run = await journal.read(runId);
      const project = projectOf(run.plan.projectId);
      return abandonRun(runId, { journal, lock: lockFor(project, await deps.github.clientFor(project)) });
    },

    async runs(projectId) {
      const { runs } = await journal.list();
      return projectId ? runs.filter((run) => run.plan.projectId === projectId) : runs;
    },

    async breakLock(projectId) {
      const project = projectOf(projectId);
      const broken = await lockFor(project, await deps.github.clientFor(project)).breakLock();
      return { broken: broken.local || broken.github };
    },
  };
}
