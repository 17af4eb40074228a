import type { DemoBranches } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { loadEffectiveConfig } from '../services/config/config-loader';
import { openRepository } from '../services/git/git-repository';
import type { GitHubAccounts } from '../services/github/github-accounts';
import type { ProjectRegistry } from '../services/projects/project-registry';

const REMOTE_BRANCH_PREFIX = 'refs/remotes/origin/';

/**
 * What the New demo dialog offers for a project: the branches of its remote (from the managed clone,
 * fetched first when possible), its open PRs from GitHub, and the config's demo expiry and deploy command. GitHub is optional: without a token, or
 * offline, the branches alone are offered, because a demo runs a branch and needs no GitHub at all.
 */
export function createDemoBranches(deps: {
  registry: ProjectRegistry;
  github: GitHubAccounts;
  hooksDir: string;
}): (projectId: string) => Promise<DemoBranches> {
  return async (projectId) => {
    const project = deps.registry.list().find((candidate) => candidate.id === projectId);
    if (!project) {
      throw new AppError('NOT_FOUND', `There is no project "${projectId}". Add it on the Projects screen first.`);
    }
    const repository = openRepository(project.clonePath, { hooksDir: deps.hooksDir });
    // A branch pushed a minute ago should be offered; offline, the last fetched branches still are.
    await repository.fetch().catch(() => undefined);
    const refs = await repository.refs();
    const { config } = await loadEffectiveConfig(repository, project.configFile ?? undefined, refs);
    const branches = refs
      .map((ref) => ref.name)
      .filter((name) => name.startsWith(REMOTE_BRANCH_PREFIX) && name !== `${REMOTE_BRANCH_PREFIX}HEAD`)
      .map((name) => name.slice(REMOTE_BRANCH_PREFIX.length))
      .sort((a, b) => a.localeCompare(b));
    return {
      branches,
      pulls: await openPulls(deps.github, project),
      expiryDays: config.demos.expiryDays,
      deployCommand: config.demos.deployCommand ?? null,
      mode: config.demos.mode,
      workflow: config.demos.workflow ?? null,
    };
  };
}

async function openPulls(
  github: GitHubAccounts,
  project: Parameters<GitHubAccounts['clientFor']>[0],
): Promise<DemoBranches['pulls']> {
  let client;
  try {
    client = await github.clientFor(project);
  } catch (error) {
    if (error instanceof AppError && error.code === 'GITHUB_NOT_CONNECTED') return [];
    throw error;
  }
  try {
    const { data } = await client.rest.pulls.list({
      owner: project.repository.owner,
      repo: project.repository.repo,
      state: 'open',
      per_page: 100,
    });
    // Only PRs from the same repository: a fork's branch is not in the clone the server makes.
    return data
      .filter((pull) => pull.head.repo?.full_name === pull.base.repo.full_name)
      .map((pull) => ({ number: pull.number, title: pull.title, head: pull.head.ref }));
  } catch {
    // Offline, rate-limited or a token without pull-request access: the branches still make a demo,
    // and the dialog says PRs appear once GitHub is connected.
    return [];
  }
}
