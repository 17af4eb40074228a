import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Opens a PR from a new branch with one commit and merges it into main; returns its number. */
async function mergePull(branch: string, title: string, method: 'merge' | 'squash' | 'rebase'): Promise<number> {
  fixture.commitOn(branch, `${branch.replace('/', '-')}.txt`, `${title}\n`, title, 'main');
  const { data } = await fixture.octokit.rest.pulls.create({ ...repo(), title, head: branch, base: 'main' });
  await fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: data.number, merge_method: method });
  return data.number;
}

describe('generate release notes', () => {
  const html = () => `${fixture.server.apiUrl}/_html/${fixture.owner}/${fixture.repo}`;

  it('lists every merged PR for a first release, with a link to its commits', async () => {
    const first = await mergePull('feat/a', 'feat: add a', 'merge');
    await fixture.octokit.rest.repos.createRelease({ ...repo(), tag_name: 'v1.0.0', target_commitish: 'main' });
    const { data } = await fixture.octokit.rest.repos.generateReleaseNotes({ ...repo(), tag_name: 'v1.0.0' });
    expect(data).toEqual({
      name: 'v1.0.0',
      body: [
        "## What's Changed",
        `* feat: add a by @sandbox-user in ${html()}/pull/${first}`,
        '',
        `**Full Changelog**: ${html()}/commits/v1.0.0`,
      ].join('\n'),
    });
  });

  it('starts from the latest published release in the target, skipping drafts', async () => {
    const fix = await mergePull('fix/b', 'fix: b', 'squash');
    await fixture.octokit.rest.repos.createRelease({
      ...repo(),
      tag_name: 'v1.0.1-draft',
      target_commitish: 'main',
      draft: true,
    });
    const feat = await mergePull('feat/c', 'feat: c', 'rebase');
    const { data } = await fixture.octokit.rest.repos.generateReleaseNotes({
      ...repo(),
      tag_name: 'v1.1.0',
      target_commitish: 'main',
    });
    expect(data.body).toBe(
      [
        "## What's Changed",
        `* fix: b by @sandbox-user in ${html()}/pull/${fix}`,
        `* feat: c by @sandbox-user in ${html()}/pull/${feat}`,
        '',
        `**Full Changelog**: ${html()}/compare/v1.0.0...v1.1.0`,
      ].join('\n'),
    );
  });

  it('takes an explicit previous tag, and leaves out the list when nothing was merged', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    fixture.bareGit(['update-ref', 'refs/tags/v1.1.0', main]);
    const { data } = await fixture.octokit.rest.repos.generateReleaseNotes({
      ...repo(),
      tag_name: 'v1.1.0',
      previous_tag_name: 'v1.1.0',
    });
    expect(data.body).toBe(`**Full Changelog**: ${html()}/compare/v1.1.0...v1.1.0`);
  });

  it('422s on an unknown target or previous tag', async () => {
    const target = await failureOf(
      fixture.octokit.rest.repos.generateReleaseNotes({ ...repo(), tag_name: 'v9', target_commitish: 'nope' }),
    );
    expect(target.status).toBe(422);
    const previous = await failureOf(
      fixture.octokit.rest.repos.generateReleaseNotes({ ...repo(), tag_name: 'v9', previous_tag_name: 'v0.0.0' }),
    );
    expect(previous.status).toBe(422);
  });
});

describe('delete a release', () => {
  it('answers 204, forgets the release and keeps its tag; a second delete is 404', async () => {
    const { data: release } = await fixture.octokit.rest.repos.getReleaseByTag({ ...repo(), tag: 'v1.0.0' });
    const { status } = await fixture.octokit.rest.repos.deleteRelease({ ...repo(), release_id: release.id });
    expect(status).toBe(204);
    const { data: listed } = await fixture.octokit.rest.repos.listReleases(repo());
    expect(listed.map((other) => other.tag_name)).not.toContain('v1.0.0');
    expect(fixture.bareGit(['tag', '--list', 'v1.0.0'])).toBe('v1.0.0');
    const again = await failureOf(fixture.octokit.rest.repos.deleteRelease({ ...repo(), release_id: release.id }));
    expect(again.status).toBe(404);
  });
});
