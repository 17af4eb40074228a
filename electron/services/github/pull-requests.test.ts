import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  validatedOctokit,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient, type GitHubClient } from './github-client';
import {
  findOpenPullRequest,
  findOrCreatePullRequest,
  mergePullRequest,
  pullRequestState,
  updatePullRequestBody,
} from './pull-requests';

let validator: OpenApiResponseValidator;
let fixture: GitHubServerFixture;
let client: GitHubClient;

/** The product client for `token`, every response checked against GitHub's OpenAPI description. */
function clientFor(token: string, retries = 0): GitHubClient {
  const built = createGitHubClient({
    writeSpacingMs: 0,
    apiUrl: fixture.server.apiUrl,
    token,
    retries,
    retryAfterBaseValue: 1,
  });
  attachOpenApiValidation(built, validator);
  return built;
}

beforeAll(async () => {
  validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  client = clientFor(fixture.server.token);
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

async function openPullsFrom(head: string): Promise<number[]> {
  const { data } = await fixture.octokit.rest.pulls.list({ ...repo(), head: `${fixture.owner}:${head}` });
  return data.map((pull) => pull.number);
}

describe('finding and creating pull requests', () => {
  it('creates once, then finds the same PR; updates its body', async () => {
    fixture.commitOn('feat/one', 'one.txt', '1\n', 'feat: one', 'main');
    const request = { head: 'feat/one', base: 'main', title: 'feat: one', body: 'first' };
    const first = await findOrCreatePullRequest(client, repo(), request);
    expect(first).toMatchObject({ created: true, pull: { headRef: 'feat/one', baseRef: 'main', state: 'open' } });
    const second = await findOrCreatePullRequest(client, repo(), request);
    expect(second).toEqual({ pull: first.pull, created: false });
    expect(await findOpenPullRequest(client, repo(), { head: 'feat/one', base: 'development' })).toBeUndefined();

    const updated = await updatePullRequestBody(client, repo(), first.pull.number, '## Notes\n- one');
    expect(updated.body).toBe('## Notes\n- one');
    expect((await findOpenPullRequest(client, repo(), request))?.body).toBe('## Notes\n- one');
  });

  it('does not duplicate a PR whose create answer was lost', async () => {
    fixture.commitOn('feat/lost', 'lost.txt', 'l\n', 'feat: lost', 'main');
    const request = { head: 'feat/lost', base: 'main', title: 'feat: lost', body: '' };
    fixture.server.injectFault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/pulls',
      fault: { kind: 'drop-after-write' },
    });
    const lost = await caught(findOrCreatePullRequest(client, repo(), request));
    expect(lost.code).toBe('NETWORK');
    // The server made the PR; the next attempt finds it instead of making another.
    const again = await findOrCreatePullRequest(client, repo(), request);
    expect(again.created).toBe(false);
    expect(await openPullsFrom('feat/lost')).toEqual([again.pull.number]);
  });

  it('returns the PR when a retried POST meets "A pull request already exists"', async () => {
    fixture.commitOn('feat/retried', 'retried.txt', 'r\n', 'feat: retried', 'main');
    fixture.server.injectFault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/pulls',
      fault: { kind: 'drop-after-write' },
    });
    const retrying = clientFor(fixture.server.token, 1);
    const result = await findOrCreatePullRequest(retrying, repo(), {
      head: 'feat/retried',
      base: 'main',
      title: 'feat: retried',
      body: '',
    });
    expect(result.pull.headRef).toBe('feat/retried');
    expect(await openPullsFrom('feat/retried')).toEqual([result.pull.number]);
  });

  it('says which permission a restricted token lacks', async () => {
    fixture.commitOn('feat/denied', 'denied.txt', 'd\n', 'feat: denied', 'main');
    const readOnly = clientFor(fixture.server.issueToken({ contents: 'write', pull_requests: 'read' }));
    const denied = await caught(
      findOrCreatePullRequest(readOnly, repo(), { head: 'feat/denied', base: 'main', title: 't', body: '' }),
    );
    expect(denied.code).toBe('PERMISSION_DENIED');
    expect(denied.message).toContain('Pull requests read and write');
    expect(await openPullsFrom('feat/denied')).toEqual([]);
  });
});

describe('pull request state and merging', () => {
  it('is blocked by a required check and approval, and clear once the check passes and a reviewer approves', async () => {
    await fixture.octokit.rest.repos.createRepoRuleset({
      ...repo(),
      name: 'main needs ci and a review',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
      rules: [
        {
          type: 'pull_request',
          parameters: {
            required_approving_review_count: 1,
            dismiss_stale_reviews_on_push: false,
            require_code_owner_review: false,
            require_last_push_approval: false,
            required_review_thread_resolution: false,
          },
        },
        {
          type: 'required_status_checks',
          parameters: { required_status_checks: [{ context: 'ci' }], strict_required_status_checks_policy: false },
        },
      ],
    });
    fixture.commitOn('feat/gated', 'gated.txt', 'g\n', 'feat: gated', 'main');
    const { pull } = await findOrCreatePullRequest(client, repo(), {
      head: 'feat/gated',
      base: 'main',
      title: 'feat: gated',
      body: '',
    });
    const blocked = await pullRequestState(client, repo(), pull.number);
    expect(blocked).toMatchObject({
      mergeable: true,
      mergeableState: 'blocked',
      approvals: 0,
      requirementsMet: false,
      requirements: { requiredChecks: ['ci'], requiredApprovals: 1, source: 'rulesets' },
    });
    expect(blocked.blockers).toEqual(['Check “ci” has not passed yet', 'Needs 1 more approving review']);

    const refused = await caught(
      mergePullRequest(client, repo(), { number: pull.number, expectedHeadSha: pull.headSha, method: 'squash' }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Required status check "ci" is expected.');
    expect(refused.detail).toBe('GitHub said: Required status check "ci" is expected.');

    const { data: run } = await fixture.octokit.rest.checks.create({ ...repo(), name: 'ci', head_sha: pull.headSha });
    await fixture.octokit.rest.checks.update({ ...repo(), check_run_id: run.id, conclusion: 'failure' });
    expect((await pullRequestState(client, repo(), pull.number)).blockers[0]).toBe('Check “ci” failed');
    await fixture.octokit.rest.checks.create({ ...repo(), name: 'ci', head_sha: pull.headSha, conclusion: 'success' });
    const reviewerToken = fixture.server.issueToken(
      { pull_requests: 'write', contents: 'write' },
      { login: 'reviewer' },
    );
    await validatedOctokit(fixture.server, validator, reviewerToken).rest.pulls.createReview({
      ...repo(),
      pull_number: pull.number,
      event: 'APPROVE',
    });

    const ready = await pullRequestState(client, repo(), pull.number);
    expect(ready).toMatchObject({ mergeableState: 'clean', approvals: 1, requirementsMet: true, blockers: [] });
    expect(ready.checks).toEqual([{ name: 'ci', status: 'completed', conclusion: 'success' }]);

    const merged = await mergePullRequest(client, repo(), {
      number: pull.number,
      expectedHeadSha: pull.headSha,
      method: 'squash',
    });
    expect(fixture.bareGit(['rev-parse', 'main'])).toBe(merged.sha);
    // A retry after a lost answer finds it merged and returns the same commit.
    expect(
      await mergePullRequest(client, repo(), { number: pull.number, expectedHeadSha: pull.headSha, method: 'squash' }),
    ).toEqual(merged);
    expect((await pullRequestState(client, repo(), pull.number)).blockers).toEqual([
      `PR #${pull.number} is already merged`,
    ]);
  });

  it('refuses with CONFLICT when the head moved since it was reviewed', async () => {
    fixture.commitOn('feat/moving', 'moving.txt', 'm\n', 'feat: moving', 'main');
    const { pull } = await findOrCreatePullRequest(client, repo(), {
      head: 'feat/moving',
      base: 'main',
      title: 'feat: moving',
      body: '',
    });
    fixture.commitOn('feat/moving', 'moving-2.txt', 'm2\n', 'feat: moving on');
    const moved = await caught(
      mergePullRequest(client, repo(), { number: pull.number, expectedHeadSha: pull.headSha, method: 'merge' }),
    );
    expect(moved.code).toBe('CONFLICT');
    expect(moved.message).toContain('moved since it was reviewed');
    expect(moved.message).toContain('Look at the PR again');
    expect(moved.detail).toBe('GitHub said: Head branch was modified. Review and try the merge again.');
    expect((await pullRequestState(client, repo(), pull.number)).state).toBe('open');
  });
});
