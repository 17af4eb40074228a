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

async function statusOf(promise: Promise<unknown>): Promise<number> {
  return (await failureOf(promise)).status;
}

describe('binding and token', () => {
  it('listens on 127.0.0.1 only, at a port the OS chose', () => {
    expect(fixture.server.address.address).toBe('127.0.0.1');
    expect(fixture.server.address.port).toBeGreaterThan(0);
    expect(fixture.server.apiUrl).toBe(`http://127.0.0.1:${fixture.server.address.port}`);
  });

  it('hands out a random GitHub-style token per start', () => {
    expect(fixture.server.token).toMatch(/^ghs_[A-Za-z0-9_-]{36}$/);
  });

  it('answers 401 with GitHub error JSON without a token or with a wrong one', async () => {
    const response = await fetch(`${fixture.server.apiUrl}/user`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Requires authentication', status: '401' });

    const wrong = validatedOctokit(fixture.server, validator, 'ghs_wrong');
    const failure = await failureOf(wrong.rest.users.getAuthenticated());
    expect(failure.status).toBe(401);
    expect(failure.data).toMatchObject({
      message: 'Bad credentials',
      documentation_url: expect.any(String),
    });
  });

  it('accepts the token as a Bearer token too', async () => {
    const response = await fetch(`${fixture.server.apiUrl}/user`, {
      headers: { authorization: `Bearer ${fixture.server.token}` },
    });
    expect(response.status).toBe(200);
  });
});

describe('user and repository', () => {
  it('GET /user returns the signed-in user', async () => {
    const { data } = await fixture.octokit.rest.users.getAuthenticated();
    expect(data.login).toBe('sandbox-user');
  });

  it('GET /repos/{owner}/{repo} returns the repository with permissions and its default branch', async () => {
    const { data } = await fixture.octokit.rest.repos.get({ owner: fixture.owner, repo: fixture.repo });
    expect(data.full_name).toBe(`${fixture.owner}/${fixture.repo}`);
    expect(data.default_branch).toBe('main');
    expect(data.permissions).toEqual({ admin: true, maintain: true, push: true, triage: true, pull: true });
  });

  it('answers 404 for an unknown repository', async () => {
    expect(await statusOf(fixture.octokit.rest.repos.get({ owner: fixture.owner, repo: 'nope' }))).toBe(404);
  });
});

describe('git refs', () => {
  it('reads a branch ref, including through a URL-encoded slash', async () => {
    const sha = fixture.git(['rev-parse', 'main']);
    const { data } = await fixture.octokit.rest.git.getRef({
      owner: fixture.owner,
      repo: fixture.repo,
      ref: 'heads/main',
    });
    expect(data).toMatchObject({ ref: 'refs/heads/main', object: { sha, type: 'commit' } });
  });

  it('creates a ref at a sha as a real ref, and 422s when it exists', async () => {
    const sha = fixture.git(['rev-parse', 'main']);
    const params = { owner: fixture.owner, repo: fixture.repo, ref: 'refs/heads/release/2026.1', sha };
    const { data, status } = await fixture.octokit.rest.git.createRef(params);
    expect(status).toBe(201);
    expect(data.ref).toBe('refs/heads/release/2026.1');
    const bare = fixture.server.bareRepositoryPath(fixture.owner, fixture.repo);
    expect(fixture.git(['--git-dir', bare, 'rev-parse', 'refs/heads/release/2026.1'])).toBe(sha);

    const again = await failureOf(fixture.octokit.rest.git.createRef(params));
    expect(again).toMatchObject({ status: 422, data: { message: 'Reference already exists' } });
  });

  it('404s for a missing ref and 422s for an unknown object', async () => {
    const repo = { owner: fixture.owner, repo: fixture.repo };
    expect(await statusOf(fixture.octokit.rest.git.getRef({ ...repo, ref: 'heads/missing' }))).toBe(404);
    const sha = 'f'.repeat(40);
    expect(await statusOf(fixture.octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/x', sha }))).toBe(422);
  });
});
