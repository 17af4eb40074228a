import { LANES, type Lane } from '../../../shared/domain/config/project-config';
import { prNumberFromSubject } from '../../../shared/domain/commits/pr-reference';
import { branchRequirements } from '../../services/github/branch-rules';
import { ciVerdict } from '../../services/github/commit-checks';
import type { GitHubClient } from '../../services/github/github-client';
import { githubAppError } from '../../services/github/github-errors';
import { pullRequestsOfCommits } from '../../services/github/pull-requests-of-commits';
import { getRepositoryAccess } from '../../services/github/repository';
import { listWorkflowRuns } from '../../services/github/workflow-runs';
import type { DeployFact, GitHubFacts, PullFact } from './flow-facts';

/** The repository GitHub is asked about. */
type Repository = { owner: string; repo: string };

/** The PRs behind some commits: from GitHub when connected, else from merge and squash subjects. */
export async function pullsOf(
  client: GitHubClient | null,
  repository: Repository,
  commits: readonly { sha: string; subject: string }[],
): Promise<PullFact[]> {
  const found = new Map<number, PullFact>();
  if (client && commits.length > 0) {
    const { byCommit } = await pullRequestsOfCommits(
      client,
      repository,
      commits.map((commit) => commit.sha),
    );
    for (const pulls of byCommit.values()) {
      for (const pull of pulls) {
        if (pull.mergedAt === null || found.has(pull.number)) continue;
        found.set(pull.number, {
          number: pull.number,
          title: pull.title,
          head: pull.headRefName,
          base: pull.baseRefName,
          url: pull.url,
        });
      }
    }
  } else {
    for (const commit of commits) {
      const number = prNumberFromSubject(commit.subject);
      if (number !== null && !found.has(number)) {
        found.set(number, { number, title: commit.subject, head: '', base: '', url: null });
      }
    }
  }
  return [...found.values()].sort((a, b) => b.number - a.number);
}

/**
 * What GitHub says that flows need, read side by side: who is connected and may they push, the open
 * PRs into lane branches, what merging into main requires, the CI of the freeze commit, and each lane's
 * newest deploy run.
 */
export async function githubFacts(
  client: GitHubClient,
  repository: Repository,
  context: { branches: Record<Lane, string>; deployWorkflows: Partial<Record<Lane, string>>; freezeSha: string | null },
): Promise<GitHubFacts> {
  const laneBranches = new Set(Object.values(context.branches));
  const [user, access, openPulls, main, ci, deploys] = await Promise.all([
    client.rest.users.getAuthenticated().catch((error: unknown) => {
      throw githubAppError(error, 'read who is connected');
    }),
    getRepositoryAccess(client, repository),
    client.rest.pulls
      .list({ ...repository, state: 'open', per_page: 100 })
      .then(({ data }) =>
        data
          .filter((pull) => laneBranches.has(pull.base.ref))
          .map((pull): PullFact => ({
            number: pull.number,
            title: pull.title,
            head: pull.head.ref,
            base: pull.base.ref,
            url: pull.html_url,
          })),
      )
      .catch((error: unknown) => {
        throw githubAppError(error, 'list the open pull requests');
      }),
    branchRequirements(client, repository, context.branches.main),
    context.freezeSha ? ciVerdict(client, repository, context.freezeSha) : Promise.resolve(null),
    Promise.all(
      LANES.map(async (lane): Promise<[Lane, DeployFact] | null> => {
        const workflow = context.deployWorkflows[lane];
        if (!workflow) return null;
        const [latest] = await listWorkflowRuns(client, repository, {
          branch: context.branches[lane],
          workflowName: workflow,
        });
        return [
          lane,
          {
            workflow,
            status: latest?.status ?? null,
            conclusion: latest?.conclusion ?? null,
            headSha: latest?.headSha ?? null,
            url: latest?.htmlUrl ?? null,
          },
        ];
      }),
    ),
  ]);
  return {
    login: user.data.login,
    permissions: { push: access.permissions.push, admin: access.permissions.admin },
    openPulls: openPulls.sort((a, b) => a.number - b.number),
    main: {
      protectedBranch: main.protectedBranch,
      requiredChecks: main.requiredChecks,
      requiredApprovals: main.requiredApprovals,
      complete: main.protectionReadable,
    },
    ci: context.freezeSha && ci ? { [context.freezeSha]: ci } : {},
    deploys: Object.fromEntries(deploys.filter((entry) => entry !== null)),
  };
}
