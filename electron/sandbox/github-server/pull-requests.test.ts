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

/** Pushes `branch` off main with one commit per message, then opens a PR into main. */
async function openPull(branch: string, title: string, messages: string[]) {
  messages.forEach((message, index) =>
    fixture.commitOn(branch, `${branch.replace('/', '-')}-${index}.txt`, `${message}\n`, message, 'main'),
  );
  const repo = { owner: fixture.owner, repo: fixture.repo };
  const { data, status } = await fixture.octokit.rest.pulls.create({ ...repo, title, head: branch, base: 'main' });
  expect(status).toBe(201);
  return data;
}

function parents(sha: string): string[] {
  return fixture.bareGit(['rev-list', '--parents', '-n', '1', sha]).split(' ').slice(1);
}

describe('pull requests', () => {
  const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

  it('creates, gets and lists a PR, filtered by head, base and state', async () => {
    const created = await openPull('feat/list', 'feat: list things', ['feat: one', 'feat: two']);
    expect(created).toMatchObject({ number: 1, state: 'open', merged: false, mergeable: true, commits: 2 });
    expect(created.head).toMatchObject({ ref: 'feat/list', sha: fixture.bareGit(['rev-parse', 'feat/list']) });

    const { data: got } = await fixture.octokit.rest.pulls.get({ ...repo(), pull_number: created.number });
    expect(got.title).toBe('feat: list things');

    const byHead = await fixture.octokit.rest.pulls.list({
      ...repo(),
      head: `${fixture.owner}:feat/list`,
      base: 'main',
    });
    expect(byHead.data.map((pull) => pull.number)).toEqual([created.number]);
    const otherBase = await fixture.octokit.rest.pulls.list({
      ...repo(),
      head: `${fixture.owner}:feat/list`,
      base: 'dev',
    });
    expect(otherBase.data).toEqual([]);
    const closed = await fixture.octokit.rest.pulls.list({ ...repo(), state: 'closed' });
    expect(closed.data).toEqual([]);
    const all = await fixture.octokit.paginate(fixture.octokit.rest.pulls.list, {
      ...repo(),
      state: 'all',
      per_page: 1,
    });
    expect(all.map((pull) => pull.number)).toEqual([created.number]);
  });

  it('422s on a second open PR for the same head and base, and on one with no commits', async () => {
    const duplicate = await failureOf(
      fixture.octokit.rest.pulls.create({ ...repo(), title: 'again', head: 'feat/list', base: 'main' }),
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ message: `A pull request already exists for ${fixture.owner}:feat/list.` }],
    });
    fixture.commitOn('main', 'main-only.txt', 'x\n', 'chore: main moves');
    fixture.bareGit(['branch', 'empty-branch', 'main']);
    const empty = await failureOf(
      fixture.octokit.rest.pulls.create({ ...repo(), title: 'e', head: 'empty-branch', base: 'main' }),
    );
    expect(empty.status).toBe(422);
  });

  it('creates exactly one PR when two identical creates race', async () => {
    fixture.commitOn('feat/race', 'race.txt', 'r\n', 'feat: race', 'main');
    const create = () =>
      fixture.octokit.rest.pulls.create({ ...repo(), title: 'feat: race', head: 'feat/race', base: 'main' }).then(
        (response) => response.status,
        (error: { status?: number }) => error.status,
      );
    const statuses = await Promise.all([create(), create()]);
    expect(statuses.sort()).toEqual([201, 422]);
    const open = await fixture.octokit.rest.pulls.list({ ...repo(), head: `${fixture.owner}:feat/race` });
    expect(open.data).toHaveLength(1);
  });

  it('404s for an unknown PR', async () => {
    expect((await failureOf(fixture.octokit.rest.pulls.get({ ...repo(), pull_number: 999 }))).status).toBe(404);
  });
});

describe('merging', () => {
  const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

  it('merge: writes a real merge commit with the base and the head as parents', async () => {
    const pull = await openPull('feat/merge', 'feat: merge me', ['feat: m1']);
    const baseBefore = fixture.bareGit(['rev-parse', 'main']);
    const { data } = await fixture.octokit.rest.pulls.merge({
      ...repo(),
      pull_number: pull.number,
      merge_method: 'merge',
      sha: pull.head.sha,
    });
    expect(data).toMatchObject({ merged: true, message: 'Pull Request successfully merged' });
    expect(fixture.bareGit(['rev-parse', 'main'])).toBe(data.sha);
    expect(parents(data.sha)).toEqual([baseBefore, pull.head.sha]);
    expect(fixture.bareGit(['log', '-1', '--format=%s', data.sha])).toBe(
      `Merge pull request #${pull.number} from ${fixture.owner}/feat/merge`,
    );

    const { data: after } = await fixture.octokit.rest.pulls.get({ ...repo(), pull_number: pull.number });
    expect(after).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: data.sha });
    const closed = await fixture.octokit.rest.pulls.list({
      ...repo(),
      state: 'closed',
      head: `${fixture.owner}:feat/merge`,
    });
    expect(closed.data.map((entry) => entry.number)).toEqual([pull.number]);
    // A merged PR cannot be merged again.
    expect((await failureOf(fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number }))).status).toBe(
      405,
    );
  });

  it('squash: one commit on the base, titled "title (#N)", with the head tree', async () => {
    const pull = await openPull('feat/squash', 'feat: squash me', ['feat: s1', 'feat: s2']);
    const baseBefore = fixture.bareGit(['rev-parse', 'main']);
    const { data } = await fixture.octokit.rest.pulls.merge({
      ...repo(),
      pull_number: pull.number,
      merge_method: 'squash',
    });
    expect(parents(data.sha)).toEqual([baseBefore]);
    expect(fixture.bareGit(['log', '-1', '--format=%s', data.sha])).toBe(`feat: squash me (#${pull.number})`);
    expect(fixture.bareGit(['log', '-1', '--format=%b', data.sha])).toContain('* feat: s1');
    expect(fixture.bareGit(['ls-tree', '--name-only', data.sha]).split('\n')).toEqual(
      expect.arrayContaining(['feat-squash-0.txt', 'feat-squash-1.txt']),
    );
  });

  it('rebase: replays each commit on the base with its author and message', async () => {
    const pull = await openPull('feat/rebase', 'feat: rebase me', ['feat: r1', 'feat: r2']);
    fixture.commitOn('main', 'main-moves.txt', 'y\n', 'chore: main moves again');
    const baseBefore = fixture.bareGit(['rev-parse', 'main']);
    const { data } = await fixture.octokit.rest.pulls.merge({
      ...repo(),
      pull_number: pull.number,
      merge_method: 'rebase',
    });
    const replayed = fixture.bareGit(['log', '--format=%s|%an|%cn', `${baseBefore}..${data.sha}`]).split('\n');
    expect(replayed).toEqual(['feat: r2|Dev Eloper|GitHub', 'feat: r1|Dev Eloper|GitHub']);
    expect(fixture.bareGit(['rev-list', '--merges', `${baseBefore}..${data.sha}`])).toBe('');
    expect(fixture.bareGit(['rev-parse', 'main'])).toBe(data.sha);
    expect(data.sha).not.toBe(pull.head.sha);
  });

  it('409s when the head moved since the given sha, then merges with the new one', async () => {
    const pull = await openPull('feat/moved', 'feat: moving', ['feat: first']);
    const newHead = fixture.commitOn('feat/moved', 'moved.txt', 'z\n', 'feat: second');
    const stale = await failureOf(
      fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number, sha: pull.head.sha }),
    );
    expect(stale).toMatchObject({
      status: 409,
      data: { message: 'Head branch was modified. Review and try the merge again.' },
    });
    const { data } = await fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number, sha: newHead });
    expect(parents(data.sha)[1]).toBe(newHead);
  });

  it('405s when the PR conflicts with its base, and reports it as not mergeable', async () => {
    fixture.commitOn('feat/conflict', 'README.md', 'branch version\n', 'docs: branch readme', 'main');
    fixture.commitOn('main', 'README.md', 'main version\n', 'docs: main readme');
    const { data: pull } = await fixture.octokit.rest.pulls.create({
      ...repo(),
      title: 'docs: conflict',
      head: 'feat/conflict',
      base: 'main',
    });
    expect(pull.mergeable).toBe(false);
    const mainBefore = fixture.bareGit(['rev-parse', 'main']);
    const refused = await failureOf(fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: pull.number }));
    expect(refused).toMatchObject({ status: 405, data: { message: 'Pull Request is not mergeable' } });
    expect(fixture.bareGit(['rev-parse', 'main'])).toBe(mainBefore);
  });
});
