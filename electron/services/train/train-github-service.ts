import type { TrainGitHubView } from '../../../shared/domain/train/train-github';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubAccounts } from '../github/github-accounts';
import type { ProjectRegistry } from '../projects/project-registry';
import { readTrainGitHub } from './train-github';
import type { TrainService } from './train-service';

/** The GitHub side of the train dashboard, per project. */
export interface TrainGitHubService {
  /** What GitHub says about the project's train; `not-connected` (not an error) without a token. */
  forProject(projectId: string): Promise<TrainGitHubView>;
}

/** Creates the {@link TrainGitHubService} over the accounts and the git-side train service. */
export function createTrainGitHubService(deps: {
  registry: ProjectRegistry;
  train: TrainService;
  github: GitHubAccounts;
}): TrainGitHubService {
  return {
    async forProject(projectId) {
      const project = deps.registry.list().find((candidate) => candidate.id === projectId);
      if (!project) {
        throw new AppError('NOT_FOUND', `There is no project "${projectId}". Add it on the Projects screen first.`);
      }
      let client;
      try {
        client = await deps.github.clientFor(project);
      } catch (error) {
        // The dashboard works from git alone: no token is a state to show, not a failure.
        if (error instanceof AppError && error.code === 'GITHUB_NOT_CONNECTED') {
          return { state: 'not-connected', host: project.repository.host };
        }
        throw error;
      }
      // The git side was just fetched by `train.status`; read it again without fetching.
      const report = await deps.train.forProject(projectId, { fetch: false });
      return readTrainGitHub(client, {
        repo: { owner: project.repository.owner, repo: project.repository.repo },
        host: project.repository.host,
        status: report.status,
        deployWorkflows: report.deployWorkflows,
      });
    },
  };
}
