import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient, type GitHubClient } from './github-client';
import {
  findOrCreateDraftRelease,
  findReleaseByTag,
  generateReleaseNotes,
  publishRelease,
  updateRelease,
} from './releases';

let fixture: GitHubServerFixture;
let client: GitHubClient;

beforeAll(async () => {
  const validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  client = createGitHubClient({
    writeSpacingMs: 0,
    apiUrl: fixture.server.apiUrl,
    token: fixture.server.token,
    retries: 0,
  });
  attachOpenApiValidation(client, validator);
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });
const releaseTags = async () =>
  (await fixture.octokit.paginate(fixture.octokit.rest.repos.listReleases, { ...repo(), per_page: 100 })).map(
    (release) => release.tag_name,
  );

describe('draft releases', () => {
  it('creates a draft once, finds it by tag though GitHub hides drafts there, and re-runs create nothing', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    const request = { tag: '2026.1.0', targetSha: main, name: '2026.1.0', body: '## Features' };
    const first = await findOrCreateDraftRelease(client, repo(), request);
    expect(first).toMatchObject({
      created: true,
      release: { tag: '2026.1.0', draft: true, targetCommitish: main, publishedAt: null, body: '## Features' },
    });
    const again = await findOrCreateDraftRelease(client, repo(), { ...request, body: 'edited elsewhere' });
    expect(again).toEqual({ release: first.release, created: false });
    expect(await findReleaseByTag(client, repo(), '2026.1.0')).toEqual(first.release);
    expect(await findReleaseByTag(client, repo(), 'no-such-tag')).toBeNull();
    expect(await releaseTags()).toEqual(['2026.1.0']);
  });

  it('makes exactly one release when the answer to the create is lost and the step is retried', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    fixture.server.injectFault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/releases',
      fault: { kind: 'drop-after-write' },
    });
    const request = { tag: '2026.2.0', targetSha: main, name: '2026.2.0', body: 'notes' };
    const lost = await findOrCreateDraftRelease(client, repo(), request).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(AppError);
    expect((lost as AppError).code).toBe('NETWORK');
    const retried = await findOrCreateDraftRelease(client, repo(), request);
    expect(retried).toMatchObject({ created: false, release: { tag: '2026.2.0', draft: true } });
    expect((await releaseTags()).filter((tag) => tag === '2026.2.0')).toHaveLength(1);
  });

  it('updates a draft and publishes it once: the tag appears at the target, a second publish is a no-op', async () => {
    const draft = await findReleaseByTag(client, repo(), '2026.1.0');
    const updated = await updateRelease(client, repo(), draft?.id ?? 0, { body: '## Features\n- maps' });
    expect(updated).toMatchObject({ body: '## Features\n- maps', draft: true, name: '2026.1.0' });
    fixture.commitOn('main', 'later.txt', 'l\n', 'feat: after the draft was made');

    const published = await publishRelease(client, repo(), updated.id);
    expect(published).toMatchObject({ draft: false, tag: '2026.1.0' });
    expect(published.publishedAt).not.toBeNull();
    expect(fixture.bareGit(['rev-parse', 'refs/tags/2026.1.0'])).toBe(draft?.targetCommitish);
    expect(await publishRelease(client, repo(), updated.id)).toEqual(published);
    expect((await releaseTags()).sort()).toEqual(['2026.1.0', '2026.2.0']);
  });

  it('says NOT_FOUND for a release that does not exist', async () => {
    const error = await publishRelease(client, repo(), 1).catch((failure: unknown) => failure);
    expect((error as AppError).code).toBe('NOT_FOUND');
  });
});

describe('generated notes', () => {
  it("lists the PRs merged since the previous release in GitHub's format", async () => {
    fixture.commitOn('feat/offline', 'offline.txt', 'o\n', 'feat: offline maps', 'main');
    const { data: pull } = await fixture.octokit.rest.pulls.create({
      ...repo(),
      title: 'feat: offline maps',
      head: 'feat/offline',
      base: 'main',
    });
    await fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number });
    const notes = await generateReleaseNotes(client, repo(), { tag: '2026.3.0', target: 'main' });
    const html = `${fixture.server.apiUrl}/_html/${fixture.owner}/${fixture.repo}`;
    expect(notes).toEqual({
      name: '2026.3.0',
      body: `## What's Changed\n* feat: offline maps by @sandbox-user in ${html}/pull/${pull.number}\n\n**Full Changelog**: ${html}/compare/2026.1.0...2026.3.0`,
    });
    const explicit = await generateReleaseNotes(client, repo(), {
      tag: '2026.3.0',
      target: 'main',
      previousTag: '2026.1.0',
    });
    expect(explicit).toEqual(notes);
  });
});
