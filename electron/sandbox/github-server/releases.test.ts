import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer } from './github-server';
import { createGitHubServerFixture, failureOf, type GitHubServerFixture } from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

let fixture: GitHubServerFixture;

beforeAll(async () => {
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('releases', () => {
  it('keeps a draft out of "release by tag" and creates no tag for it', async () => {
    const { data: draft, status } = await fixture.octokit.rest.repos.createRelease({
      ...repo(),
      tag_name: '2026.1.0',
      name: '2026.1.0',
      body: '## Features',
      draft: true,
    });
    expect(status).toBe(201);
    expect(draft).toMatchObject({ draft: true, published_at: null, tarball_url: null, target_commitish: 'main' });
    expect(fixture.bareGit(['tag', '--list'])).toBe('');
    const byTag = await failureOf(fixture.octokit.rest.repos.getReleaseByTag({ ...repo(), tag: '2026.1.0' }));
    expect(byTag.status).toBe(404);
    const { data: listed } = await fixture.octokit.rest.repos.listReleases(repo());
    expect(listed.map((release) => release.id)).toEqual([draft.id]);
  });

  it('publishing a draft creates the tag at its target, and then "release by tag" finds it', async () => {
    const {
      data: [draft],
    } = await fixture.octokit.rest.repos.listReleases(repo());
    const main = fixture.bareGit(['rev-parse', 'main']);
    const { data: published } = await fixture.octokit.rest.repos.updateRelease({
      ...repo(),
      release_id: draft?.id ?? 0,
      draft: false,
      body: '## Features\n- one',
    });
    expect(published).toMatchObject({ draft: false, body: '## Features\n- one', name: '2026.1.0' });
    expect(published.published_at).not.toBeNull();
    expect(fixture.bareGit(['rev-parse', 'refs/tags/2026.1.0'])).toBe(main);
    const { data: byTag } = await fixture.octokit.rest.repos.getReleaseByTag({ ...repo(), tag: '2026.1.0' });
    expect(byTag.id).toBe(published.id);
  });

  it('creates a published release at a target branch, with the tag there', async () => {
    const staging = fixture.commitOn('staging', 'staging.txt', 's\n', 'fix: on staging', 'main');
    const { data } = await fixture.octokit.rest.repos.createRelease({
      ...repo(),
      tag_name: 'v2026.1.1',
      target_commitish: 'staging',
      prerelease: true,
    });
    expect(data).toMatchObject({ draft: false, prerelease: true, name: null, target_commitish: 'staging' });
    expect(fixture.bareGit(['rev-parse', 'refs/tags/v2026.1.1'])).toBe(staging);
    const { data: listed } = await fixture.octokit.rest.repos.listReleases(repo());
    expect(listed.map((release) => release.tag_name)).toEqual(['v2026.1.1', '2026.1.0']);
  });

  it('422s on a second release for a tag, and on an unknown target', async () => {
    const again = await failureOf(fixture.octokit.rest.repos.createRelease({ ...repo(), tag_name: '2026.1.0' }));
    expect(again).toMatchObject({ status: 422, data: { errors: [{ code: 'already_exists', field: 'tag_name' }] } });
    const badTarget = await failureOf(
      fixture.octokit.rest.repos.createRelease({ ...repo(), tag_name: 'v9', target_commitish: 'no-such-branch' }),
    );
    expect(badTarget.status).toBe(422);
    expect(fixture.bareGit(['tag', '--list', 'v9'])).toBe('');
  });
});

describe('paging and lookup by id', () => {
  it('pages the list with Link headers that Octokit follows', async () => {
    const first = await fixture.octokit.rest.repos.listReleases({ ...repo(), per_page: 1 });
    expect(first.data).toHaveLength(1);
    expect(first.headers.link).toContain('rel="next"');
    const all = await fixture.octokit.paginate(fixture.octokit.rest.repos.listReleases, { ...repo(), per_page: 1 });
    expect(all.map((release) => release.tag_name)).toEqual(['v2026.1.1', '2026.1.0']);
  });

  it('gets a release by id, drafts included, and 404s for an unknown id', async () => {
    const { data: draft } = await fixture.octokit.rest.repos.createRelease({
      ...repo(),
      tag_name: 'next',
      draft: true,
    });
    const { data } = await fixture.octokit.rest.repos.getRelease({ ...repo(), release_id: draft.id });
    expect(data).toMatchObject({ id: draft.id, draft: true });
    expect((await failureOf(fixture.octokit.rest.repos.getRelease({ ...repo(), release_id: 1 }))).status).toBe(404);
    await fixture.octokit.rest.repos.updateRelease({ ...repo(), release_id: draft.id, tag_name: 'next-renamed' });
    const { data: renamed } = await fixture.octokit.rest.repos.getRelease({ ...repo(), release_id: draft.id });
    expect(renamed.tag_name).toBe('next-renamed');
    expect(fixture.bareGit(['tag', '--list', 'next*'])).toBe('');
  });
});

describe('restart', () => {
  it('keeps PRs, releases, numbering and refs across a restart on the same state directory', async () => {
    fixture.commitOn('feat/persist', 'persist.txt', 'p\n', 'feat: persist', 'main');
    const { data: before } = await fixture.octokit.rest.pulls.create({
      ...repo(),
      title: 'feat: persist',
      head: 'feat/persist',
      base: 'main',
    });
    const oldUrl = fixture.server.apiUrl;
    await fixture.restart();
    expect(fixture.server.apiUrl).not.toBe(oldUrl);

    const { data: pull } = await fixture.octokit.rest.pulls.get({ ...repo(), pull_number: before.number });
    expect(pull).toMatchObject({ title: 'feat: persist', state: 'open', head: { sha: before.head.sha } });
    const { data: releases } = await fixture.octokit.rest.repos.listReleases(repo());
    expect(releases.map((release) => release.tag_name)).toEqual(['next-renamed', 'v2026.1.1', '2026.1.0']);

    fixture.commitOn('feat/next', 'next.txt', 'n\n', 'feat: next', 'main');
    const { data: next } = await fixture.octokit.rest.pulls.create({
      ...repo(),
      title: 'n',
      head: 'feat/next',
      base: 'main',
    });
    expect(next.number).toBe(before.number + 1);
    expect(next.id).not.toBe(before.id);
  });

  it('refuses a state file it does not understand rather than starting empty', async () => {
    const stateDir = join(fixture.root, 'foreign-state');
    mkdirSync(stateDir);
    writeFileSync(join(stateDir, 'state.json'), '{"version": 99}');
    await expect(startGitHubServer({ stateDir })).rejects.toThrow(/not a Release Desk sandbox state file/);
  });
});
