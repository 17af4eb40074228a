import type { Lane } from '../../../shared/domain/config/project-config';
import type { LaneGitHub, TrainGitHubView, TrainPull } from '../../../shared/domain/train/train-github';
import type { TrainStatus } from '../../../shared/domain/train/train-status';
import { ciVerdict } from '../github/commit-checks';
import type { GitHubClient } from '../github/github-client';
import { githubAppError } from '../github/github-errors';
import { pullRequestsOfCommits } from '../github/pull-requests-of-commits';
import type { GitHubRepo } from '../github/refs';
import { listWorkflowRuns } from '../github/workflow-runs';

/** What {@link readTrainGitHub} needs besides the client. */
export interface TrainGitHubInput {
  repo: GitHubRepo;
  host: string;
  status: Pick<TrainStatus, 'lanes' | 'pairs'>;
  /** Config `deployments`: the workflow file per lane. */
  deployWorkflows: Partial<Record<Lane, string>>;
}

/**
 * Reads what GitHub knows about the train: each lane's deploy run and CI, the open PRs into lane
 * branches, and the PRs behind each pair's waiting commits (one GraphQL request per 100 commits). Polled
 * GETs go through the client's ETag cache, so refreshing an unchanged dashboard costs no rate limit.
 */
export async function readTrainGitHub(client: GitHubClient, input: TrainGitHubInput): Promise<TrainGitHubView> {
  let requests = 0;
  client.hook.before('request', () => {
    requests += 1;
  });
  const { repo } = input;
  const { data: user } = await client.rest.users.getAuthenticated().catch((error: unknown) => {
    throw githubAppError(error, 'read who is connected');
  });
  const lanes = await Promise.all(input.status.lanes.map((lane) => laneGitHub(client, input, lane)));
  const laneBranches = new Set(input.status.lanes.map((lane) => lane.branch));
  const openPulls = await client.rest.pulls
    .list({ ...repo, state: 'open', per_page: 100 })
    .then(({ data }) =>
      data
        .filter((pull) => laneBranches.has(pull.base.ref))
        .map((pull): TrainPull => ({
          number: pull.number,
          title: pull.title,
          url: pull.html_url,
          author: pull.user?.login ?? null,
          head: pull.head.ref,
          base: pull.base.ref,
        })),
    )
    .catch((error: unknown) => {
      throw githubAppError(error, 'list the open pull requests');
    });
  const waitingPulls: Record<string, TrainPull[]> = {};
  for (const pair of input.status.pairs) {
    const key = `${pair.from}→${pair.to}`;
    if (pair.commits.length === 0) {
      waitingPulls[key] = [];
      continue;
    }
    const { byCommit } = await pullRequestsOfCommits(client, repo, pair.commits);
    const seen = new Map<number, TrainPull>();
    for (const pulls of byCommit.values()) {
      for (const pull of pulls) {
        if (pull.mergedAt === null || seen.has(pull.number)) continue;
        seen.set(pull.number, {
          number: pull.number,
          title: pull.title,
          url: pull.url,
          author: pull.author,
          head: pull.headRefName,
          base: pull.baseRefName,
        });
      }
    }
    waitingPulls[key] = [...seen.values()].sort((a, b) => b.number - a.number);
  }
  return {
    state: 'connected',
    login: user.login,
    host: input.host,
    lanes,
    openPulls,
    waitingPulls,
    requests,
    checkedAt: new Date().toISOString(),
  };
}

async function laneGitHub(
  client: GitHubClient,
  input: TrainGitHubInput,
  lane: TrainStatus['lanes'][number],
): Promise<LaneGitHub> {
  const deployWorkflow = input.deployWorkflows[lane.name] ?? null;
  const runs = await listWorkflowRuns(client, input.repo, {
    branch: lane.branch,
    ...(deployWorkflow ? { workflowName: deployWorkflow } : {}),
  });
  const latest = runs[0];
  return {
    lane: lane.name,
    branch: lane.branch,
    deployWorkflow,
    latestRun: latest
      ? {
          id: latest.id,
          name: latest.name,
          status: latest.status,
          conclusion: latest.conclusion,
          headSha: latest.headSha,
          url: latest.htmlUrl,
          createdAt: latest.createdAt,
        }
      : null,
    ci: lane.head ? await ciVerdict(client, input.repo, lane.head.sha) : 'none',
  };
}
