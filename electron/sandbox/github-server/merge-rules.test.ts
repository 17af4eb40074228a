import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGitHubServerFixture,
  failureOf,
  validatedOctokit,
  type GitHubServerFixture,
} from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

let validator: OpenApiResponseValidator;
let fixture: GitHubServerFixture;

beforeAll(async () => {
  validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

/** A client acting as another user with write access, who may review the signed-in user's PRs. */
function reviewer() {
  const token = fixture.server.issueToken({ contents: 'write', pull_requests: 'write' }, { login: 'rev-iewer' });
  return validatedOctokit(fixture.server, validator, token);
}

async function openPull(branch: string, base = 'main') {
  fixture.commitOn(branch, `${branch.replace(/\//g, '-')}.txt`, `${branch}\n`, `feat: ${branch}`, base);
  const { data } = await fixture.octokit.rest.pulls.create({ ...repo(), title: `feat: ${branch}`, head: branch, base });
  return data;
}

async function mergeableState(number: number): Promise<string> {
  return (await fixture.octokit.rest.pulls.get({ ...repo(), pull_number: number })).data.mergeable_state;
}

describe('reviews', () => {
  it('refuses to let the author approve, and records a reviewer approval against the head sha', async () => {
    const pull = await openPull('feat/review');
    const own = await failureOf(
      fixture.octokit.rest.pulls.createReview({ ...repo(), pull_number: pull.number, event: 'APPROVE' }),
    );
    expect(own).toMatchObject({ status: 422, data: { errors: ['Can not approve your own pull request'] } });

    const { data: review } = await reviewer().rest.pulls.createReview({
      ...repo(),
      pull_number: pull.number,
      event: 'APPROVE',
      body: 'Looks right',
    });
    expect(review).toMatchObject({ state: 'APPROVED', commit_id: pull.head.sha, user: { login: 'rev-iewer' } });
    const blank = await failureOf(
      reviewer().rest.pulls.createReview({ ...repo(), pull_number: pull.number, event: 'REQUEST_CHANGES' }),
    );
    expect(blank.status).toBe(422);
    const { data: listed } = await fixture.octokit.rest.pulls.listReviews({ ...repo(), pull_number: pull.number });
    expect(listed.map((entry) => entry.state)).toEqual(['APPROVED']);
  });
});

describe('check runs and commit statuses', () => {
  it('creates a check run, completes it, and lists the latest per name for a sha or a branch', async () => {
    const pull = await openPull('feat/checks');
    const sha = pull.head.sha;
    const { data: run, status } = await fixture.octokit.rest.checks.create({ ...repo(), name: 'ci', head_sha: sha });
    expect(status).toBe(201);
    expect(run).toMatchObject({ status: 'queued', conclusion: null, pull_requests: [{ number: pull.number }] });
    const { data: done } = await fixture.octokit.rest.checks.update({
      ...repo(),
      check_run_id: run.id,
      conclusion: 'failure',
      output: { title: 'Tests', summary: '1 failed' },
    });
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure', output: { summary: '1 failed' } });
    await fixture.octokit.rest.checks.create({ ...repo(), name: 'ci', head_sha: sha, conclusion: 'success' });
    await fixture.octokit.rest.checks.create({ ...repo(), name: 'lint', head_sha: sha, status: 'in_progress' });

    const { data: latest } = await fixture.octokit.rest.checks.listForRef({ ...repo(), ref: 'feat/checks' });
    expect(latest.check_runs.map((entry) => [entry.name, entry.conclusion]).sort()).toEqual([
      ['ci', 'success'],
      ['lint', null],
    ]);
    const { data: all } = await fixture.octokit.rest.checks.listForRef({ ...repo(), ref: sha, filter: 'all' });
    expect(all.total_count).toBe(3);
    const { data: named } = await fixture.octokit.rest.checks.listForRef({ ...repo(), ref: sha, check_name: 'lint' });
    expect(named.check_runs.map((entry) => entry.status)).toEqual(['in_progress']);
    const unknown = await failureOf(fixture.octokit.rest.checks.listForRef({ ...repo(), ref: 'no-such-branch' }));
    expect(unknown.status).toBe(422);
  });

  it('combines the latest status per context: failure, then pending, then success', async () => {
    const sha = fixture.commitOn('feat/statuses', 's.txt', 's\n', 'feat: statuses', 'main');
    const { data: empty } = await fixture.octokit.rest.repos.getCombinedStatusForRef({ ...repo(), ref: sha });
    expect(empty).toMatchObject({ state: 'pending', total_count: 0, sha });

    const { data: created, status } = await fixture.octokit.rest.repos.createCommitStatus({
      ...repo(),
      sha,
      state: 'failure',
      context: 'deploy',
    });
    expect(status).toBe(201);
    expect(created).toMatchObject({ state: 'failure', context: 'deploy' });
    await fixture.octokit.rest.repos.createCommitStatus({ ...repo(), sha, state: 'pending', context: 'ci' });
    const combined = async () =>
      (await fixture.octokit.rest.repos.getCombinedStatusForRef({ ...repo(), ref: 'feat/statuses' })).data;
    expect((await combined()).state).toBe('failure');
    await fixture.octokit.rest.repos.createCommitStatus({ ...repo(), sha, state: 'success', context: 'deploy' });
    expect((await combined()).state).toBe('pending');
    await fixture.octokit.rest.repos.createCommitStatus({ ...repo(), sha, state: 'success', context: 'ci' });
    const final = await combined();
    expect(final.state).toBe('success');
    expect(final.statuses.map((entry) => `${entry.context}:${entry.state}`).sort()).toEqual([
      'ci:success',
      'deploy:success',
    ]);
    const missing = await failureOf(
      fixture.octokit.rest.repos.createCommitStatus({ ...repo(), sha: 'f'.repeat(40), state: 'success' }),
    );
    expect(missing.status).toBe(422);
  });
});

describe('merging under branch rules', () => {
  it('blocks on a required check and a required approval (protection), then merges once both are met', async () => {
    await fixture.octokit.rest.repos.updateBranchProtection({
      ...repo(),
      branch: 'main',
      required_status_checks: { strict: false, contexts: ['ci'] },
      enforce_admins: true,
      required_pull_request_reviews: { required_approving_review_count: 1 },
      restrictions: null,
    });
    const pull = await openPull('feat/guarded');
    expect(await mergeableState(pull.number)).toBe('blocked');
    const noCheck = await failureOf(fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number }));
    expect(noCheck).toMatchObject({ status: 405, data: { message: 'Required status check "ci" is expected.' } });

    const { data: run } = await fixture.octokit.rest.checks.create({
      ...repo(),
      name: 'ci',
      head_sha: pull.head.sha,
      status: 'in_progress',
    });
    const running = await failureOf(fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number }));
    expect(running.data).toMatchObject({ message: 'Required status check "ci" is in progress.' });
    await fixture.octokit.rest.checks.update({ ...repo(), check_run_id: run.id, conclusion: 'success' });
    const noReview = await failureOf(fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number }));
    expect(noReview).toMatchObject({
      status: 405,
      data: { message: 'At least 1 approving review is required by reviewers with write access.' },
    });
    expect(await mergeableState(pull.number)).toBe('blocked');

    await reviewer().rest.pulls.createReview({ ...repo(), pull_number: pull.number, event: 'APPROVE' });
    expect(await mergeableState(pull.number)).toBe('clean');
    const { data: merged } = await fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number });
    expect(merged.merged).toBe(true);
  });

  it('blocks on a ruleset status check until a commit status succeeds, and says "behind" under strict rules', async () => {
    await fixture.octokit.rest.repos.createRepoRuleset({
      ...repo(),
      name: 'staging rules',
      enforcement: 'active',
      conditions: { ref_name: { include: ['refs/heads/staging'], exclude: [] } },
      rules: [
        {
          type: 'required_status_checks',
          parameters: { required_status_checks: [{ context: 'build' }], strict_required_status_checks_policy: true },
        },
      ],
    });
    fixture.commitOn('staging', 'staging.txt', 'st\n', 'chore: staging', 'main');
    const pull = await openPull('fix/hot', 'staging');
    expect(await mergeableState(pull.number)).toBe('blocked');
    await fixture.octokit.rest.repos.createCommitStatus({
      ...repo(),
      sha: pull.head.sha,
      state: 'success',
      context: 'build',
    });
    expect(await mergeableState(pull.number)).toBe('clean');

    fixture.commitOn('staging', 'staging-2.txt', 'st2\n', 'chore: staging moves');
    expect(await mergeableState(pull.number)).toBe('behind');
    const behind = await failureOf(fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number }));
    expect(behind).toMatchObject({
      status: 405,
      data: { message: 'Head branch is not up to date with the base branch.' },
    });
  });

  it('still reports "dirty" for a conflict, whatever the rules say', async () => {
    fixture.commitOn('feat/clash', 'README.md', 'branch\n', 'docs: branch readme', 'main');
    fixture.commitOn('main', 'README.md', 'main\n', 'docs: main readme');
    const { data: pull } = await fixture.octokit.rest.pulls.create({
      ...repo(),
      title: 'clash',
      head: 'feat/clash',
      base: 'main',
    });
    expect(pull).toMatchObject({ mergeable: false, mergeable_state: 'dirty' });
  });
});

describe('updating a pull request', () => {
  it('changes title and body, closes and reopens, and refuses to reopen a merged PR', async () => {
    const pull = await openPull('feat/edit');
    const { data: edited } = await fixture.octokit.rest.pulls.update({
      ...repo(),
      pull_number: pull.number,
      title: 'feat: edited',
      body: '## Notes\n- one',
    });
    expect(edited).toMatchObject({ title: 'feat: edited', body: '## Notes\n- one', state: 'open' });
    const { data: closed } = await fixture.octokit.rest.pulls.update({
      ...repo(),
      pull_number: pull.number,
      state: 'closed',
    });
    expect(closed).toMatchObject({ state: 'closed', merged: false, mergeable_state: 'unknown' });
    expect(closed.closed_at).not.toBeNull();
    const { data: reopened } = await fixture.octokit.rest.pulls.update({
      ...repo(),
      pull_number: pull.number,
      state: 'open',
    });
    expect(reopened).toMatchObject({ state: 'open', closed_at: null });

    const { data: merged } = await fixture.octokit.rest.pulls.list({
      ...repo(),
      state: 'closed',
      head: `${fixture.owner}:feat/guarded`,
    });
    const reopenMerged = await failureOf(
      fixture.octokit.rest.pulls.update({ ...repo(), pull_number: merged[0]?.number ?? 0, state: 'open' }),
    );
    expect(reopenMerged.status).toBe(422);
  });
});
