import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubServerFixture, failureOf, type GitHubServerFixture } from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

let fixture: GitHubServerFixture;

beforeAll(async () => {
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
});
afterEach(() => {
  fixture.server.clearFaults();
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('fault injection', () => {
  it('answers an injected status for as many requests as asked, then serves normally', async () => {
    fixture.server.injectFault({
      method: 'GET',
      path: '/repos/{owner}/{repo}',
      fault: { kind: 'status', status: 502, message: 'Server Error' },
      times: 2,
    });
    expect((await failureOf(fixture.octokit.rest.repos.get(repo()))).status).toBe(502);
    expect((await failureOf(fixture.octokit.rest.repos.get(repo()))).status).toBe(502);
    expect((await fixture.octokit.rest.repos.get(repo())).status).toBe(200);
  });

  it("sends GitHub's primary rate-limit answer and headers", async () => {
    fixture.server.injectFault({ path: '/user', fault: { kind: 'rate-limit', limit: 'primary', resetInSeconds: 120 } });
    const limited = await fixture.octokit.rest.users.getAuthenticated().catch((error: unknown) => error);
    const response = (limited as { response?: { status: number; headers: Record<string, string> } }).response;
    expect(response?.status).toBe(403);
    expect(response?.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(response?.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000 + 60);
  });

  it('sends a secondary rate limit with retry-after', async () => {
    fixture.server.injectFault({
      path: '/user',
      fault: { kind: 'rate-limit', limit: 'secondary', resetInSeconds: 30 },
    });
    const limited = await fixture.octokit.rest.users.getAuthenticated().catch((error: unknown) => error);
    const response = (limited as { response?: { status: number; headers: Record<string, string> } }).response;
    expect(response?.headers['retry-after']).toBe('30');
  });

  it('delays a request by the injected latency', async () => {
    fixture.server.injectFault({ path: '/user', fault: { kind: 'latency', ms: 300 } });
    const started = Date.now();
    await fixture.octokit.rest.users.getAuthenticated();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drops the connection after the write: the client fails, but the PR exists', async () => {
    fixture.commitOn('feat/lost', 'lost.txt', 'l\n', 'feat: lost response', 'main');
    fixture.server.injectFault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/pulls',
      fault: { kind: 'drop-after-write' },
    });
    const lost = await fixture.octokit.rest.pulls
      .create({ ...repo(), title: 'feat: lost', head: 'feat/lost', base: 'main' })
      .then(
        () => 'answered',
        () => 'failed',
      );
    expect(lost).toBe('failed');
    // "Look, then create": the retry finds the PR instead of opening a second one.
    const { data } = await fixture.octokit.rest.pulls.list({
      ...repo(),
      head: `${fixture.owner}:feat/lost`,
      base: 'main',
    });
    expect(data.map((pull) => pull.title)).toEqual(['feat: lost']);
  });
});
