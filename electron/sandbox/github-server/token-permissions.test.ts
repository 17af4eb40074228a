import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGitHubServerFixture,
  failureOf,
  validatedOctokit,
  type GitHubServerFixture,
} from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';
import { acceptedPermissionsHeader, mayRequest } from './token-permissions';

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

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the permission table', () => {
  it('names what each route needs in GitHub header format', () => {
    const cases: [string, string, string][] = [
      ['GET', '/repos/o/r/pulls', 'pull_requests=read'],
      ['POST', '/repos/o/r/pulls', 'pull_requests=write'],
      ['PATCH', '/repos/o/r/pulls/3', 'pull_requests=write'],
      ['POST', '/repos/o/r/pulls/3/reviews', 'pull_requests=write'],
      ['PUT', '/repos/o/r/pulls/3/merge', 'contents=write'],
      ['GET', '/repos/o/r/git/ref/heads/main', 'contents=read'],
      ['POST', '/repos/o/r/git/refs', 'contents=write'],
      ['PATCH', '/repos/o/r/git/refs/heads/feature/x', 'contents=write'],
      ['DELETE', '/repos/o/r/git/refs/heads/x', 'contents=write'],
      ['POST', '/repos/o/r/git/tags', 'contents=write'],
      ['POST', '/repos/o/r/releases/generate-notes', 'contents=write'],
      ['PATCH', '/repos/o/r/releases/12', 'contents=write'],
      ['GET', '/repos/o/r/releases/tags/v1', 'contents=read'],
      ['GET', '/repos/o/r/actions/runs', 'actions=read'],
      ['GET', '/repos/o/r/actions/workflows/deploy.yml/runs', 'actions=read'],
      ['GET', '/repos/o/r/commits/feature%2Fx/check-runs', 'checks=read'],
      ['POST', '/repos/o/r/check-runs', 'checks=write'],
      ['GET', '/repos/o/r/commits/main/status', 'statuses=read'],
      ['POST', '/repos/o/r/statuses/abc', 'statuses=write'],
      ['GET', '/repos/o/r/branches/main/protection', 'administration=read'],
      ['PUT', '/repos/o/r/branches/main/protection', 'administration=write'],
      ['GET', '/repos/o/r/rules/branches/main', 'metadata=read'],
      ['POST', '/repos/o/r/rulesets', 'administration=write'],
      ['POST', '/graphql', 'metadata=read'],
      ['GET', '/repos/o/r/something-new', 'metadata=read'],
      ['GET', '/user', ''],
    ];
    for (const [method, path, header] of cases)
      expect([method, path, acceptedPermissionsHeader(method, path)]).toEqual([method, path, header]);
  });

  it('lets write cover read, and implies metadata for any fine-grained token', () => {
    expect(mayRequest({ pull_requests: 'write' }, 'GET', '/repos/o/r/pulls')).toBe(true);
    expect(mayRequest({ pull_requests: 'read' }, 'POST', '/repos/o/r/pulls')).toBe(false);
    expect(mayRequest({ contents: 'read' }, 'GET', '/repos/o/r')).toBe(true);
    expect(mayRequest({}, 'GET', '/repos/o/r')).toBe(false);
    expect(mayRequest({}, 'GET', '/user')).toBe(true);
  });
});

describe('issued tokens', () => {
  it('403s a request the token may not make, with GitHub body and X-Accepted-GitHub-Permissions', async () => {
    const token = fixture.server.issueToken({ contents: 'write', pull_requests: 'read' });
    const octokit = validatedOctokit(fixture.server, validator, token);
    const { data: listed } = await octokit.rest.pulls.list(repo());
    expect(listed).toEqual([]);
    fixture.commitOn('feat/denied', 'd.txt', 'd\n', 'feat: denied', 'main');
    const response = await fetch(`${fixture.server.apiUrl}/repos/${fixture.owner}/${fixture.repo}/pulls`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 't', head: 'feat/denied', base: 'main' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-accepted-github-permissions')).toBe('pull_requests=write');
    expect(await response.json()).toMatchObject({
      message: 'Resource not accessible by personal access token',
      documentation_url: expect.any(String),
    });
    // Nothing was created.
    expect((await fixture.octokit.rest.pulls.list(repo())).data).toEqual([]);
  });

  it('shows repository permissions derived from the token', async () => {
    const readOnly = validatedOctokit(fixture.server, validator, fixture.server.issueToken({ contents: 'read' }));
    expect((await readOnly.rest.repos.get(repo())).data.permissions).toEqual({
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    });
    const admin = validatedOctokit(
      fixture.server,
      validator,
      fixture.server.issueToken({ contents: 'write', administration: 'write' }),
    );
    expect((await admin.rest.repos.get(repo())).data.permissions).toMatchObject({ admin: true, push: true });
    expect((await fixture.octokit.rest.repos.get(repo())).data.permissions).toMatchObject({ admin: true, push: true });
  });

  it('needs no permission for /user, and metadata for the repository', async () => {
    const bare = validatedOctokit(fixture.server, validator, fixture.server.issueToken({}));
    expect((await bare.rest.users.getAuthenticated()).status).toBe(200);
    const denied = await failureOf(bare.rest.repos.get(repo()));
    expect(denied).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by personal access token' },
    });
  });

  it('never writes a token to any file, and forgets issued tokens on restart', async () => {
    const issued = fixture.server.issueToken({ pull_requests: 'write', contents: 'write' });
    const octokit = validatedOctokit(fixture.server, validator, issued);
    await octokit.rest.pulls.create({ ...repo(), title: 'feat: by issued token', head: 'feat/denied', base: 'main' });
    await fixture.octokit.rest.repos.createCommitStatus({
      ...repo(),
      sha: fixture.bareGit(['rev-parse', 'main']),
      state: 'success',
    });
    for (const file of filesUnder(fixture.stateDir)) {
      const content = readFileSync(file);
      expect(content.includes(issued), file).toBe(false);
      expect(content.includes(fixture.server.token), file).toBe(false);
    }
    await fixture.restart();
    const afterRestart = validatedOctokit(fixture.server, validator, issued);
    expect((await failureOf(afterRestart.rest.users.getAuthenticated())).status).toBe(401);
  });
});
