import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refNameMatches } from './ruleset-matching';
import { createGitHubServerFixture, failureOf, type GitHubServerFixture } from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

let fixture: GitHubServerFixture;

beforeAll(async () => {
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
  fixture.commitOn('staging', 'staging.txt', 's\n', 'chore: staging', 'main');
  fixture.commitOn('release/2026.1', 'r.txt', 'r\n', 'chore: release branch', 'main');
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('classic branch protection', () => {
  it('404s "Branch not protected" until protection is set, and "Branch not found" for no branch', async () => {
    const none = await failureOf(fixture.octokit.rest.repos.getBranchProtection({ ...repo(), branch: 'staging' }));
    expect(none).toMatchObject({ status: 404, data: { message: 'Branch not protected' } });
    const missing = await failureOf(fixture.octokit.rest.repos.getBranchProtection({ ...repo(), branch: 'nope' }));
    expect(missing).toMatchObject({ status: 404, data: { message: 'Branch not found' } });
  });

  it('stores checks and reviews from PUT and reads them back, surviving a restart', async () => {
    const { data: put } = await fixture.octokit.rest.repos.updateBranchProtection({
      ...repo(),
      branch: 'staging',
      required_status_checks: { strict: true, contexts: ['ci'], checks: [{ context: 'lint', app_id: 15368 }] },
      enforce_admins: true,
      required_pull_request_reviews: { required_approving_review_count: 2 },
      restrictions: null,
    });
    expect(put.required_status_checks).toMatchObject({ strict: true, contexts: ['ci', 'lint'] });
    expect(put.required_pull_request_reviews?.required_approving_review_count).toBe(2);
    expect(put.enforce_admins?.enabled).toBe(true);

    await fixture.restart();
    const { data: got } = await fixture.octokit.rest.repos.getBranchProtection({ ...repo(), branch: 'staging' });
    expect(got.required_status_checks?.checks).toEqual([
      { context: 'ci', app_id: null },
      { context: 'lint', app_id: 15368 },
    ]);
    expect(got.required_pull_request_reviews?.required_approving_review_count).toBe(2);
    expect(got).not.toHaveProperty('restrictions');
  });

  it('422s a body without the four required keys', async () => {
    const response = await fetch(
      `${fixture.server.apiUrl}/repos/${fixture.owner}/${fixture.repo}/branches/main/protection`,
      {
        method: 'PUT',
        headers: { authorization: `token ${fixture.server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ required_status_checks: null }),
      },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ message: 'Validation Failed', errors: [{ code: 'missing_field' }] });
  });

  it('DELETE removes it (204), and a second DELETE 404s', async () => {
    const removed = await fixture.octokit.rest.repos.deleteBranchProtection({ ...repo(), branch: 'staging' });
    expect(removed.status).toBe(204);
    const again = await failureOf(fixture.octokit.rest.repos.deleteBranchProtection({ ...repo(), branch: 'staging' }));
    expect(again.status).toBe(404);
    const after = await failureOf(fixture.octokit.rest.repos.getBranchProtection({ ...repo(), branch: 'staging' }));
    expect(after.data).toMatchObject({ message: 'Branch not protected' });
  });
});

describe('rulesets', () => {
  it('matches ref_name patterns: exact refs, ~DEFAULT_BRANCH, ~ALL and globs', () => {
    expect(refNameMatches('refs/heads/main', 'refs/heads/main', 'main')).toBe(true);
    expect(refNameMatches('refs/heads/main', 'refs/heads/main2', 'main')).toBe(false);
    expect(refNameMatches('~DEFAULT_BRANCH', 'refs/heads/development', 'development')).toBe(true);
    expect(refNameMatches('~DEFAULT_BRANCH', 'refs/heads/main', 'development')).toBe(false);
    expect(refNameMatches('~ALL', 'refs/heads/anything/at/all', 'main')).toBe(true);
    expect(refNameMatches('refs/heads/release/*', 'refs/heads/release/2026.1', 'main')).toBe(true);
    expect(refNameMatches('refs/heads/release/*', 'refs/heads/release/a/b', 'main')).toBe(false);
    expect(refNameMatches('refs/heads/release/**', 'refs/heads/release/a/b', 'main')).toBe(true);
    expect(refNameMatches('refs/heads/v?.x', 'refs/heads/v1.x', 'main')).toBe(true);
  });

  it('creates a ruleset, lists it, and reports its rules for the branches it matches', async () => {
    const { data: created, status } = await fixture.octokit.rest.repos.createRepoRuleset({
      ...repo(),
      name: 'protect main',
      target: 'branch',
      enforcement: 'active',
      conditions: { ref_name: { include: ['refs/heads/main', 'refs/heads/release/*'], exclude: [] } },
      rules: [
        { type: 'deletion' },
        { type: 'non_fast_forward' },
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
    expect(status).toBe(201);
    expect(created).toMatchObject({
      name: 'protect main',
      enforcement: 'active',
      source: `${fixture.owner}/${fixture.repo}`,
    });

    const { data: listed } = await fixture.octokit.rest.repos.getRepoRulesets(repo());
    expect(listed.map((ruleset) => ruleset.id)).toEqual([created.id]);
    const { data: one } = await fixture.octokit.rest.repos.getRepoRuleset({ ...repo(), ruleset_id: created.id });
    expect(one.conditions).toEqual({ ref_name: { include: ['refs/heads/main', 'refs/heads/release/*'], exclude: [] } });

    const { data: mainRules } = await fixture.octokit.rest.repos.getBranchRules({ ...repo(), branch: 'main' });
    expect(mainRules.map((rule) => rule.type)).toEqual([
      'deletion',
      'non_fast_forward',
      'pull_request',
      'required_status_checks',
    ]);
    expect(mainRules[2]).toMatchObject({
      ruleset_id: created.id,
      ruleset_source_type: 'Repository',
      parameters: { required_approving_review_count: 1 },
    });
    expect(mainRules[3]).toMatchObject({ parameters: { required_status_checks: [{ context: 'ci' }] } });
    const { data: releaseRules } = await fixture.octokit.rest.repos.getBranchRules({
      ...repo(),
      branch: 'release/2026.1',
    });
    expect(releaseRules).toHaveLength(4);
    const { data: stagingRules } = await fixture.octokit.rest.repos.getBranchRules({ ...repo(), branch: 'staging' });
    expect(stagingRules).toEqual([]);
  });

  it('ignores a disabled ruleset and honours exclude and ~DEFAULT_BRANCH', async () => {
    await fixture.octokit.rest.repos.createRepoRuleset({
      ...repo(),
      name: 'off',
      enforcement: 'disabled',
      conditions: { ref_name: { include: ['~ALL'], exclude: [] } },
      rules: [{ type: 'deletion' }],
    });
    const { data: everywhere } = await fixture.octokit.rest.repos.createRepoRuleset({
      ...repo(),
      name: 'default and all but staging',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH', '~ALL'], exclude: ['refs/heads/staging'] } },
      rules: [{ type: 'required_linear_history' }],
    });
    const { data: staging } = await fixture.octokit.rest.repos.getBranchRules({ ...repo(), branch: 'staging' });
    expect(staging).toEqual([]);
    const { data: main } = await fixture.octokit.rest.repos.getBranchRules({ ...repo(), branch: 'main' });
    expect(main.filter((rule) => rule.ruleset_id === everywhere.id).map((rule) => rule.type)).toEqual([
      'required_linear_history',
    ]);
  });

  it('422s a duplicate name and an unknown rule type', async () => {
    const duplicate = await failureOf(
      fixture.octokit.rest.repos.createRepoRuleset({ ...repo(), name: 'off', enforcement: 'active' }),
    );
    expect(duplicate.status).toBe(422);
    const unknown = await failureOf(
      fixture.octokit.request('POST /repos/{owner}/{repo}/rulesets', {
        ...repo(),
        name: 'weird',
        enforcement: 'active',
        rules: [{ type: 'teleport' }],
      } as never),
    );
    expect(unknown).toMatchObject({
      status: 422,
      data: { message: expect.stringContaining("Invalid rule 'teleport'") },
    });
  });
});
