import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { aheadBehind } from './compare';
import { createGitHubClient, type GitHubClient } from './github-client';

let validator: OpenApiResponseValidator;
let fixture: GitHubServerFixture;
let client: GitHubClient;
let start: string;

function clientFor(token: string): GitHubClient {
  const built = createGitHubClient({ apiUrl: fixture.server.apiUrl, token, retries: 0, writeSpacingMs: 0 });
  attachOpenApiValidation(built, validator);
  return built;
}

/** `count` commits on a new `branch` from `from`, written by one `git fast-import` (one process, not `count`). */
function commitsOn(branch: string, from: string, count: number): string {
  const stream: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const person = `Dev Eloper <dev@example.test> ${1_790_000_000 + index * 60} +0000`;
    const message = `feat: step ${index}\n`;
    const content = `${index}\n`;
    stream.push(
      `commit refs/heads/${branch}`,
      `author ${person}`,
      `committer ${person}`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(index === 1 ? [`from ${from}`] : []),
      'M 100644 inline long.txt',
      `data ${Buffer.byteLength(content)}`,
      content,
    );
  }
  execFileSync('git', ['--git-dir', fixture.server.bareRepositoryPath(fixture.owner, fixture.repo), 'fast-import'], {
    input: `${stream.join('\n')}\n`,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  return fixture.bareGit(['rev-parse', `refs/heads/${branch}`]);
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  client = clientFor(fixture.server.token);
  start = fixture.bareGit(['rev-parse', 'main']);
  fixture.bareGit(['update-ref', 'refs/heads/staging', start]);
  fixture.bareGit(['update-ref', 'refs/heads/hotfix/same', start]);
});
afterAll(async () => {
  await fixture?.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('aheadBehind', () => {
  it('counts nothing for a branch at its base, and names the commit it points at', async () => {
    expect(await aheadBehind(client, repo(), 'staging', 'hotfix/same')).toEqual({
      ahead: 0,
      behind: 0,
      headSha: start,
    });
  });

  it('counts the commits a branch (with a slash in its name) has that its base lacks', async () => {
    const fix = fixture.commitOn('hotfix/login', 'app/login.py', 'fixed = True\n', 'fix: login', 'staging');
    expect(await aheadBehind(client, repo(), 'staging', 'hotfix/login')).toEqual({ ahead: 1, behind: 0, headSha: fix });
  });

  it('counts both sides of branches that diverged, and a branch that is only behind', async () => {
    const side = fixture.commitOn('hotfix/side', 'side.txt', 'side\n', 'fix: side', 'staging');
    fixture.commitOn('staging', 'staging.txt', 'moved on\n', 'feat: staging moved');
    expect(await aheadBehind(client, repo(), 'staging', 'hotfix/side')).toEqual({ ahead: 1, behind: 1, headSha: side });
    expect(await aheadBehind(client, repo(), 'staging', 'hotfix/same')).toEqual({
      ahead: 0,
      behind: 1,
      headSha: start,
    });
  });

  it('reads the head from the last page when the branch has more commits than one page holds', async () => {
    const tip = commitsOn('hotfix/long', start, 120);
    expect(await aheadBehind(client, repo(), 'main', 'hotfix/long')).toEqual({ ahead: 120, behind: 0, headSha: tip });
  });

  it('says NOT_FOUND for a branch GitHub does not have', async () => {
    const error = await caught(aheadBehind(client, repo(), 'staging', 'hotfix/nowhere'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('compare hotfix/nowhere with staging');
  });

  it('refuses a name that is not a branch name before asking GitHub', async () => {
    const error = await caught(aheadBehind(client, repo(), 'staging', '-x..y'));
    expect(error.code).toBe('INVALID_ARGUMENTS');
  });

  it('says which permission a token without Contents read lacks', async () => {
    const token = fixture.server.issueToken({ metadata: 'read', pull_requests: 'write' });
    const error = await caught(aheadBehind(clientFor(token), repo(), 'staging', 'hotfix/login'));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toContain('Contents read');
  });
});

describe('the server’s comparison', () => {
  it('lists the head’s own commits oldest first, the merge base and the files they change', async () => {
    const first = fixture.commitOn('feature/two', 'docs/a.md', 'a\n', 'docs: a', 'main');
    const second = fixture.commitOn('feature/two', 'README.md', '# field-app\nmore\n', 'docs: readme');
    fixture.commitOn('main', 'main-only.txt', 'main\n', 'feat: main only');
    const { data } = await fixture.octokit.rest.repos.compareCommitsWithBasehead({
      ...repo(),
      basehead: 'main...feature/two',
    });
    expect(data).toMatchObject({ status: 'diverged', ahead_by: 2, behind_by: 1, total_commits: 2 });
    expect(data.merge_base_commit.sha).toBe(start);
    expect(data.base_commit.sha).toBe(fixture.bareGit(['rev-parse', 'main']));
    expect(data.commits.map((commit) => [commit.sha, commit.commit.message])).toEqual([
      [first, 'docs: a'],
      [second, 'docs: readme'],
    ]);
    expect(data.commits[1]?.parents.map((parent) => parent.sha)).toEqual([first]);
    expect(data.files?.map((file) => [file.filename, file.status, file.additions, file.deletions])).toEqual([
      ['README.md', 'modified', 1, 0],
      ['docs/a.md', 'added', 1, 0],
    ]);
    expect(data.html_url).toMatch(/\/compare\/main\.\.\.feature\/two$/);
  });

  it('answers 404 for a side it cannot find or a basehead without "..."', async () => {
    for (const basehead of ['main...nowhere', 'main', `other-owner:main...main`]) {
      await expect(
        fixture.octokit.rest.repos.compareCommitsWithBasehead({ ...repo(), basehead }),
        basehead,
      ).rejects.toMatchObject({ status: 404 });
    }
  });
});
