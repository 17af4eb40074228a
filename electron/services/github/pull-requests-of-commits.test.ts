import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import {
  attachGraphqlValidation,
  githubQueryProblems,
  type SentGraphqlQuery,
} from '../../sandbox/github-server/testing/graphql-query-validator';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient, type GitHubClient } from './github-client';
import { pullRequestsOfCommitsQuery } from './graphql-queries';
import { pullRequestsOfCommits, type PullRequestRef } from './pull-requests-of-commits';

// A real history on the GitHub-compatible server: PRs merged with each of GitHub's three methods, a
// commit pushed straight to main, and one PR of 240 commits, so 250 commits are one `rev-list` away.
// The product client asks; every query it sends is checked against GitHub's published schema.

let fixture: GitHubServerFixture;
let client: GitHubClient;
let sent: SentGraphqlQuery[];
const prs = { merged: 0, squashed: 0, rebased: 0, bulk: 0 };
const commits = {
  mergedBranch: [] as string[],
  mergeCommit: '',
  squashCommit: '',
  rebasedCopies: [] as string[],
  direct: '',
};

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });
const revList = (range: string) => fixture.bareGit(['rev-list', range]).split('\n').filter(Boolean);

async function mergedPull(branch: string, messages: string[], method: 'merge' | 'squash' | 'rebase') {
  messages.forEach((message, index) =>
    fixture.commitOn(branch, `${branch}-${index}.txt`, `${message}\n`, message, 'main'),
  );
  const title = `feat: ${branch}`;
  const { data: pull } = await fixture.octokit.rest.pulls.create({ ...repo(), title, head: branch, base: 'main' });
  const { data } = await fixture.octokit.rest.pulls.merge({
    ...repo(),
    pull_number: pull.number,
    merge_method: method,
  });
  return { number: pull.number, mergeSha: data.sha };
}

/**
 * Writes `count` commits onto a new `branch` off main with one `git fast-import`, as one push would.
 * Asynchronous on purpose: blocking the event loop for seconds lets the server's keep-alive timeout and
 * the client's next request on that socket collide (ECONNRESET).
 */
async function importCommits(branch: string, count: number): Promise<void> {
  const from = fixture.bareGit(['rev-parse', 'main']);
  const stream = Array.from({ length: count }, (_, index) => {
    const message = `feat: bulk change ${index}`;
    const content = `${index}\n`;
    const person = `Dev Eloper <dev@example.test> ${1_767_300_000 + index * 60} +0000`;
    return [
      `commit refs/heads/${branch}`,
      `author ${person}`,
      `committer ${person}`,
      `data ${message.length}`,
      message,
      ...(index === 0 ? [`from ${from}`] : []),
      `M 100644 inline bulk/${index}.txt`,
      `data ${content.length}`,
      content,
    ].join('\n');
  }).join('\n');
  const importing = promisify(execFile)(
    'git',
    ['--git-dir', fixture.server.bareRepositoryPath(fixture.owner, fixture.repo), 'fast-import', '--quiet'],
    { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } },
  );
  importing.child.stdin?.end(`${stream}\n`);
  await importing;
}

beforeAll(async () => {
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
  client = createGitHubClient({
    writeSpacingMs: 0,
    apiUrl: fixture.server.apiUrl,
    token: fixture.server.token,
    retries: 0,
  });
  sent = attachGraphqlValidation(client);

  commits.mergedBranch = ['feat: m1', 'feat: m2'].map((message, index) =>
    fixture.commitOn('feat-merge', `m${index}.txt`, `${message}\n`, message, 'main'),
  );
  const merged = await mergedPull('feat-merge', [], 'merge');
  prs.merged = merged.number;
  commits.mergeCommit = merged.mergeSha;

  const squashed = await mergedPull('feat-squash', ['feat: s1', 'feat: s2'], 'squash');
  prs.squashed = squashed.number;
  commits.squashCommit = squashed.mergeSha;

  fixture.commitOn('main', 'moves.txt', 'moves\n', 'chore: main moves');
  const beforeRebase = fixture.bareGit(['rev-parse', 'main']);
  prs.rebased = (await mergedPull('feat-rebase', ['feat: r1', 'feat: r2'], 'rebase')).number;
  commits.rebasedCopies = revList(`${beforeRebase}..main`);

  commits.direct = fixture.commitOn('main', 'direct.txt', 'direct\n', 'fix: straight to main');

  await importCommits('feat-bulk', 240);
  prs.bulk = (await mergedPull('feat-bulk', [], 'merge')).number;
});
afterAll(async () => {
  await fixture.dispose();
});

describe('pullRequestsOfCommits', () => {
  it('maps merge, squash and rebase commits to their PRs, and a direct commit to none, in one request', async () => {
    const asked = [...commits.mergedBranch, commits.mergeCommit, commits.squashCommit, ...commits.rebasedCopies];
    const result = await pullRequestsOfCommits(client, repo(), [...asked, commits.direct]);

    expect(result.requests).toBe(1);
    const numbers = (sha: string) => (result.byCommit.get(sha) ?? []).map((pull) => pull.number);
    expect([...commits.mergedBranch, commits.mergeCommit].map(numbers)).toEqual([
      [prs.merged],
      [prs.merged],
      [prs.merged],
    ]);
    expect(numbers(commits.squashCommit)).toEqual([prs.squashed]);
    expect(commits.rebasedCopies).toHaveLength(2);
    expect(commits.rebasedCopies.map(numbers)).toEqual([[prs.rebased], [prs.rebased]]);
    expect(result.byCommit.get(commits.direct)).toEqual([]);

    const { data: rest } = await fixture.octokit.rest.pulls.get({ ...repo(), pull_number: prs.squashed });
    expect(result.byCommit.get(commits.squashCommit)).toEqual([
      {
        number: prs.squashed,
        title: 'feat: feat-squash',
        url: rest.html_url,
        mergedAt: rest.merged_at,
        baseRefName: 'main',
        headRefName: 'feat-squash',
        author: rest.user.login,
        mergeCommitSha: commits.squashCommit,
        labels: [],
      } satisfies PullRequestRef,
    ]);
  });

  it('covers 250 commits in 3 requests (at most ⌈N/100⌉ + 2), reporting progress after each', async () => {
    const bulkCommits = revList('main^1..main');
    expect(bulkCommits).toHaveLength(241);
    const shas = [...bulkCommits, ...revList('main^1').slice(0, 9)];
    expect(shas).toHaveLength(250);
    const progress: [number, number][] = [];
    const before = sent.length;
    const result = await pullRequestsOfCommits(client, repo(), shas, {
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result.requests).toBe(3);
    expect(result.requests).toBeLessThanOrEqual(Math.ceil(250 / 100) + 2);
    expect(sent.length - before).toBe(result.requests);
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
    for (const sha of bulkCommits) expect(result.byCommit.get(sha)?.map((pull) => pull.number)).toEqual([prs.bulk]);
    expect(result.byCommit.get(commits.direct)).toEqual([]);
    // No sha ever appears in a query's text: they all travel as variables.
    for (const query of sent.slice(before)) expect(shas.some((sha) => query.query.includes(sha))).toBe(false);
  });

  it('fetches the rest of a long PR list in one follow-up request', async () => {
    // Six open PRs stacked on one shared commit: all six contain it, one more than a first page holds.
    const shared = fixture.commitOn('stack-base', 'stack.txt', 'stack\n', 'feat: shared base', 'main');
    const stacked: number[] = [];
    for (let index = 1; index <= 6; index += 1) {
      fixture.commitOn(`stack-${index}`, `stack-${index}.txt`, `${index}\n`, `feat: stack ${index}`, 'stack-base');
      const { data } = await fixture.octokit.rest.pulls.create({
        ...repo(),
        title: `feat: stack ${index}`,
        head: `stack-${index}`,
        base: 'main',
      });
      stacked.push(data.number);
    }
    const result = await pullRequestsOfCommits(client, repo(), [shared, commits.direct]);

    expect(result.requests).toBe(2);
    expect(result.byCommit.get(shared)?.map((pull) => pull.number)).toEqual(stacked);
    expect(result.byCommit.get(shared)?.[0]).toMatchObject({ mergedAt: null, mergeCommitSha: null });
    expect(result.byCommit.get(commits.direct)).toEqual([]);
  });

  it("sends queries GitHub's schema accepts, for any batch size", () => {
    for (const count of [1, 2, 57, 100]) {
      const variables: Record<string, unknown> = { owner: 'o', name: 'n', first: 5 };
      for (let index = 0; index < count; index += 1) {
        variables[`oid${index}`] = 'a'.repeat(40);
        variables[`after${index}`] = index % 2 ? null : 'Y3Vyc29yOnYyOjQ=';
      }
      expect(githubQueryProblems(pullRequestsOfCommitsQuery(count), variables)).toEqual([]);
    }
    expect(() => pullRequestsOfCommitsQuery(101)).toThrow(RangeError);
  });

  it('deduplicates shas, lower-cases them, and sends nothing for an empty list', async () => {
    const before = sent.length;
    expect(await pullRequestsOfCommits(client, repo(), [])).toEqual({ byCommit: new Map(), requests: 0 });
    const result = await pullRequestsOfCommits(client, repo(), [
      commits.squashCommit.toUpperCase(),
      commits.squashCommit,
    ]);
    expect([...result.byCommit.keys()]).toEqual([commits.squashCommit]);
    expect(
      sent.slice(before).map((query) => Object.keys(query.variables).filter((key) => key.startsWith('oid'))),
    ).toEqual([['oid0']]);
  });

  it('refuses anything but a full sha before sending a request', async () => {
    const before = sent.length;
    for (const bad of [commits.direct.slice(0, 12), `${commits.direct.slice(0, 39)}"`, 'main', '") { id } #']) {
      const failure = await pullRequestsOfCommits(client, repo(), [commits.direct, bad]).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ code: 'INVALID_ARGUMENTS' });
    }
    expect(sent.length).toBe(before);
  });

  it('words a missing repository and a rate limit as every GitHub operation does', async () => {
    const missing = await pullRequestsOfCommits(client, { owner: fixture.owner, repo: 'no-such-repo' }, [
      commits.direct,
    ]).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({
      code: 'NOT_FOUND',
      detail: `GitHub said: Could not resolve to a Repository with the name '${fixture.owner}/no-such-repo'.`,
    });

    fixture.server.injectFault({
      method: 'POST',
      path: '/graphql',
      fault: { kind: 'rate-limit', limit: 'primary', resetInSeconds: 3600 },
    });
    const limited = await pullRequestsOfCommits(client, repo(), [commits.direct]).catch((error: unknown) => error);
    expect(limited).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
