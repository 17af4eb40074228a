import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { checkRuns, combinedStatus } from './commit-checks';
import { createGitHubClient, type GitHubClient } from './github-client';

let validator: OpenApiResponseValidator;
let fixture: GitHubServerFixture;
let client: GitHubClient;
let sha: string;

function clientFor(token: string): GitHubClient {
  const built = createGitHubClient({ writeSpacingMs: 0, apiUrl: fixture.server.apiUrl, token, retries: 0 });
  attachOpenApiValidation(built, validator);
  return built;
}

beforeAll(async () => {
  validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  client = clientFor(fixture.server.token);
  sha = fixture.commitOn('feat/checked', 'c.txt', 'c\n', 'feat: checked', 'main');
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('check runs', () => {
  it('lists the latest run of each name, by sha or by branch', async () => {
    expect(await checkRuns(client, repo(), sha)).toEqual([]);
    await fixture.octokit.rest.checks.create({ ...repo(), name: 'ci', head_sha: sha, conclusion: 'failure' });
    await fixture.octokit.rest.checks.create({
      ...repo(),
      name: 'ci',
      head_sha: sha,
      conclusion: 'success',
      details_url: 'https://ci.example.test/1',
    });
    await fixture.octokit.rest.checks.create({ ...repo(), name: 'e2e', head_sha: sha, status: 'in_progress' });
    const byName = (runs: Awaited<ReturnType<typeof checkRuns>>) =>
      [...runs].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(await checkRuns(client, repo(), sha))).toEqual([
      { name: 'ci', status: 'completed', conclusion: 'success', detailsUrl: 'https://ci.example.test/1' },
      { name: 'e2e', status: 'in_progress', conclusion: null, detailsUrl: null },
    ]);
    expect(byName(await checkRuns(client, repo(), 'feat/checked')).map((run) => run.name)).toEqual(['ci', 'e2e']);
  });

  it('names the Checks permission when the token lacks it', async () => {
    const restricted = clientFor(fixture.server.issueToken({ contents: 'read' }));
    const error = await checkRuns(restricted, repo(), sha).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('Checks read') });
  });
});

describe('combined status', () => {
  it('is pending with no statuses, failure while one context fails, success once all pass', async () => {
    expect(await combinedStatus(client, repo(), sha)).toEqual({ state: 'pending', statuses: [] });
    await fixture.octokit.rest.repos.createCommitStatus({ ...repo(), sha, state: 'error', context: 'deploy' });
    await fixture.octokit.rest.repos.createCommitStatus({ ...repo(), sha, state: 'success', context: 'ci' });
    expect((await combinedStatus(client, repo(), 'feat/checked')).state).toBe('failure');
    await fixture.octokit.rest.repos.createCommitStatus({
      ...repo(),
      sha,
      state: 'success',
      context: 'deploy',
      description: 'Deployed',
      target_url: 'https://deploy.example.test/9',
    });
    const status = await combinedStatus(client, repo(), sha);
    expect(status.state).toBe('success');
    expect(status.statuses.find((entry) => entry.context === 'deploy')).toEqual({
      context: 'deploy',
      state: 'success',
      description: 'Deployed',
      targetUrl: 'https://deploy.example.test/9',
    });
  });

  it('rejects a ref GitHub cannot find', async () => {
    const error = await combinedStatus(client, repo(), 'no-such-branch').catch((failure: unknown) => failure);
    expect(error).toMatchObject({
      code: 'INVALID_ARGUMENTS',
      detail: 'GitHub said: No commit found for SHA: no-such-branch',
    });
  });
});
