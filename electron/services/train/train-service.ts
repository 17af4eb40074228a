import type { Lane, ProjectConfig } from '../../../shared/domain/config/project-config';
import type { TrainReport } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { loadEffectiveConfig } from '../config/config-loader';
import { openRepository, type FetchProgress } from '../git/git-repository';
import type { ProjectRegistry } from '../projects/project-registry';
import { computeTrainStatus } from './train-status';

export type { TrainReport };

/** Computes train status for registered projects (in their managed clones) and for any repository dir. */
export interface TrainService {
  forProject(
    projectId: string,
    options: { fetch: boolean; onFetchProgress?: (progress: FetchProgress) => void },
  ): Promise<TrainReport>;
  forRepository(dir: string, options: { configFile?: string }): Promise<TrainReport>;
}

/**
 * The train status of any repository directory (a clone or a bare mirror), read with git alone. It
 * needs no project registry, so the CLI's `status --repo` runs it without opening the app's settings.
 */
export async function trainReportForRepository(
  dir: string,
  options: { hooksDir: string; configFile?: string; fetchError?: string | null },
): Promise<TrainReport> {
  const repo = openRepository(dir, { hooksDir: options.hooksDir });
  const refs = await repo.refs();
  const effective = await loadEffectiveConfig(repo, options.configFile, refs);
  return {
    status: await computeTrainStatus(repo, effective, undefined, refs),
    configSources: effective.sources,
    fetchError: options.fetchError ?? null,
    deployWorkflows: deployWorkflowsOf(effective.config),
  };
}

/** The deploy workflow file of each lane that config names one for. */
function deployWorkflowsOf(config: ProjectConfig): Partial<Record<Lane, string>> {
  const workflows: Partial<Record<Lane, string>> = {};
  for (const [lane, deployment] of Object.entries(config.deployments) as [Lane, { workflow: string } | undefined][]) {
    if (deployment) workflows[lane] = deployment.workflow;
  }
  return workflows;
}

/** Creates the {@link TrainService}. */
export function createTrainService(deps: { registry: ProjectRegistry; hooksDir: string }): TrainService {
  const report = async (
    dir: string,
    configFile: string | undefined,
    fetchError: string | null,
  ): Promise<TrainReport> => {
    const repo = openRepository(dir, { hooksDir: deps.hooksDir });
    const refs = await repo.refs();
    const effective = await loadEffectiveConfig(repo, configFile, refs);
    return {
      status: await computeTrainStatus(repo, effective, undefined, refs),
      configSources: effective.sources,
      fetchError,
      deployWorkflows: deployWorkflowsOf(effective.config),
    };
  };

  return {
    async forProject(projectId, options) {
      const project = deps.registry.list().find((candidate) => candidate.id === projectId);
      if (!project)
        throw new AppError('NOT_FOUND', `There is no project "${projectId}". Add it on the Projects screen first.`);
      let fetchError: string | null = null;
      if (options.fetch) {
        try {
          await openRepository(project.clonePath, { hooksDir: deps.hooksDir }).fetch(options.onFetchProgress);
        } catch (error) {
          // Offline or signed out: still show the train as of the last successful fetch, and say so.
          if (!(error instanceof AppError)) throw error;
          fetchError = `${error.message}${error.detail ? ` (git: ${error.detail})` : ''} Showing the state from the last successful fetch.`;
        }
      }
      return report(project.clonePath, project.configFile ?? undefined, fetchError);
    },
    forRepository(dir, options) {
      return report(dir, options.configFile, null);
    },
  };
}
