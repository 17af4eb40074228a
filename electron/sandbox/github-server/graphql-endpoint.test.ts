import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerState } from './server-state';
import { createGitHubServerFixture, type GitHubServerFixture } from './testing/github-server-fixture';
import { attachGraphqlValidation } from './testing/graphql-query-validator';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

// The PRs of the history below, by how they reached main (or did not).
const prs = { merged: 0, squashed: 0, rebased: 0, open: 0, closed: 0 };
const commits = {
  mergedBranch: [] as string[],
  mergeCommit: '',
  squashedBranch: [] as string[],
  squashCommit: '',
  rebasedOriginals: [] as string[],
  rebasedCopies: [] as string[],
  direct: '',
  openBranch: '',
  closedBranch: '',
};

let fixture: GitHubServerFixture;
/** A GraphQL client whose every query must also be valid on GitHub. */
let client: Octokit;

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

async function openPull(branch: string, title: string, messages: string[]): Promise<number> {
  messages.forEach((message, index) =>
    fixture.commitOn(branch, `${branch}-${index}.txt`, `${message}\n`, message, 'main'),
  );
  const { data } = await fixture.octokit.rest.pulls.create({ ...repo(), title, head: branch, base: 'main' });
  return data.number;
}

async function mergePull(number: number, method: 'merge' | 'squash' | 'rebase'): Promise<string> {
  const { data } = await fixture.octokit.rest.pulls.merge({ ...repo(), pull_number: number, merge_method: method });
  return data.sha;
}

const commitsOf = (range: string) => fixture.bareGit(['rev-list', '--reverse', range]).split('\n').filter(Boolean);

beforeAll(async () => {
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
  client = new Octokit({ baseUrl: fixture.server.apiUrl, auth: fixture.server.token });
  attachGraphqlValidation(client);

  prs.merged = await openPull('feat-merge', 'feat: merged with a merge commit', ['feat: m1', 'feat: m2']);
  commits.mergedBranch = commitsOf('main..feat-merge');
  commits.mergeCommit = await mergePull(prs.merged, 'merge');

  prs.squashed = await openPull('feat-squash', 'feat: squashed', ['feat: s1', 'feat: s2']);
  commits.squashedBranch = commitsOf('main..feat-squash');
  commits.squashCommit = await mergePull(prs.squashed, 'squash');

  prs.rebased = await openPull('feat-rebase', 'feat: rebased', ['feat: r1', 'feat: r2']);
  commits.rebasedOriginals = commitsOf('main..feat-rebase');
  fixture.commitOn('main', 'moves.txt', 'main moves\n', 'chore: main moves before the rebase');
  const before = fixture.bareGit(['rev-parse', 'main']);
  await mergePull(prs.rebased, 'rebase');
  commits.rebasedCopies = commitsOf(`${before}..main`);

  commits.direct = fixture.commitOn('main', 'direct.txt', 'direct\n', 'fix: pushed straight to main');

  prs.open = await openPull('feat-open', 'feat: still open', ['feat: o1']);
  commits.openBranch = fixture.bareGit(['rev-parse', 'feat-open']);

  prs.closed = await openPull('feat-closed', 'feat: closed unmerged', ['feat: c1']);
  commits.closedBranch = fixture.bareGit(['rev-parse', 'feat-closed']);
  await fixture.octokit.rest.pulls.update({ ...repo(), pull_number: prs.closed, state: 'closed' });
});
afterAll(async () => {
  await fixture.dispose();
});

const COMMIT_QUERY = `query Commit($owner: String!, $name: String!, $oid: GitObjectID!, $first: Int, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      __typename
      ... on Commit {
        oid
        messageHeadline
        associatedPullRequests(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          nodes {
            number title url mergedAt state baseRefName headRefName
            author { login }
            mergeCommit { oid }
            labels(first: 10) { totalCount nodes { name } }
          }
        }
      }
    }
  }
}`;

interface PullNode {
  number: number;
  title: string;
  url: string;
  mergedAt: string | null;
  state: string;
  baseRefName: string;
  headRefName: string;
  author: { login: string } | null;
  mergeCommit: { oid: string } | null;
  labels: { totalCount: number; nodes: { name: string }[] };
}
interface CommitAnswer {
  repository: {
    object: {
      __typename: string;
      oid?: string;
      messageHeadline?: string;
      associatedPullRequests?: {
        totalCount: number;
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
        nodes: PullNode[];
      };
    } | null;
  };
}

function commitAnswer(oid: string, first = 10, after: string | null = null): Promise<CommitAnswer> {
  return client.graphql<CommitAnswer>(COMMIT_QUERY, { owner: fixture.owner, name: fixture.repo, oid, first, after });
}

/** The PR numbers of each commit, asked in one request with one alias per commit, as clients batch. */
async function pullNumbersOf(...oids: string[]): Promise<number[][]> {
  const declarations = oids.map((_, index) => `$oid${index}: GitObjectID!`).join(', ');
  const aliases = oids
    .map(
      (_, index) =>
        `c${index}: object(oid: $oid${index}) { ... on Commit { associatedPullRequests(first: 10) { nodes { number } } } }`,
    )
    .join('\n');
  const variables = Object.fromEntries(oids.map((oid, index) => [`oid${index}`, oid]));
  const answer = await client.graphql<{
    repository: Record<string, { associatedPullRequests: { nodes: { number: number }[] } } | null>;
  }>(
    `query($owner: String!, $name: String!, ${declarations}) { repository(owner: $owner, name: $name) { ${aliases} } }`,
    {
      owner: fixture.owner,
      name: fixture.repo,
      ...variables,
    },
  );
  return oids.map((_, index) =>
    (answer.repository[`c${index}`]?.associatedPullRequests.nodes ?? []).map((node) => node.number),
  );
}

/** POSTs a raw body to /graphql, to see GitHub-shaped errors that Octokit would throw. */
async function post(body: unknown, token: string | null = fixture.server.token) {
  const response = await fetch(`${fixture.server.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('Commit.associatedPullRequests', () => {
  it('maps a merge commit and its branch commits to the PR merged with a merge commit', async () => {
    const shas = [commits.mergeCommit, ...commits.mergedBranch];
    expect(shas).toHaveLength(3);
    expect(await pullNumbersOf(...shas)).toEqual(shas.map(() => [prs.merged]));
  });

  it('maps the squash commit, and the original head commits, to the squash-merged PR', async () => {
    const shas = [commits.squashCommit, ...commits.squashedBranch];
    expect(shas).toHaveLength(3);
    expect(await pullNumbersOf(...shas)).toEqual(shas.map(() => [prs.squashed]));
  });

  it('maps each rebased copy, and each original, to the rebase-merged PR', async () => {
    expect(commits.rebasedCopies).toHaveLength(2);
    const shas = [...commits.rebasedCopies, ...commits.rebasedOriginals];
    expect(shas).toHaveLength(4);
    expect(await pullNumbersOf(...shas)).toEqual(shas.map(() => [prs.rebased]));
  });

  it('maps a direct commit and a closed, unmerged PR to nothing; an open PR by its live branch', async () => {
    expect(await pullNumbersOf(commits.direct, commits.closedBranch, commits.openBranch)).toEqual([[], [], [prs.open]]);
    // A commit pushed to the open PR's branch later belongs to it too.
    const pushedLater = fixture.commitOn('feat-open', 'later.txt', 'later\n', 'feat: o2');
    expect(await pullNumbersOf(pushedLater)).toEqual([[prs.open]]);
  });

  it("answers the PR's fields as GitHub does", async () => {
    const answer = await commitAnswer(commits.squashCommit);
    const { data: rest } = await fixture.octokit.rest.pulls.get({ ...repo(), pull_number: prs.squashed });
    expect(answer.repository.object).toMatchObject({
      __typename: 'Commit',
      oid: commits.squashCommit,
      messageHeadline: `feat: squashed (#${prs.squashed})`,
    });
    expect(answer.repository.object?.associatedPullRequests?.nodes).toEqual([
      {
        number: prs.squashed,
        title: 'feat: squashed',
        url: rest.html_url,
        mergedAt: rest.merged_at,
        state: 'MERGED',
        baseRefName: 'main',
        headRefName: 'feat-squash',
        author: { login: rest.user.login },
        mergeCommit: { oid: commits.squashCommit },
        labels: { totalCount: 0, nodes: [] },
      },
    ]);
    const open = await commitAnswer(commits.openBranch);
    expect(open.repository.object?.associatedPullRequests?.nodes[0]).toMatchObject({
      state: 'OPEN',
      mergedAt: null,
      mergeCommit: null,
    });
  });

  it('pages with first and after, and counts every PR in totalCount', async () => {
    // One commit on a shared branch that two open PRs contain.
    const shared = fixture.commitOn('shared-base', 'shared.txt', 'shared\n', 'feat: shared work', 'main');
    fixture.commitOn('shared-one', 'one.txt', 'one\n', 'feat: one', 'shared-base');
    fixture.commitOn('shared-two', 'two.txt', 'two\n', 'feat: two', 'shared-base');
    const one = (await fixture.octokit.rest.pulls.create({ ...repo(), title: 'one', head: 'shared-one', base: 'main' }))
      .data.number;
    const two = (await fixture.octokit.rest.pulls.create({ ...repo(), title: 'two', head: 'shared-two', base: 'main' }))
      .data.number;

    const page1 = (await commitAnswer(shared, 1)).repository.object?.associatedPullRequests;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(page1?.nodes.map((node) => node.number)).toEqual([one]);
    const page2 = (await commitAnswer(shared, 1, page1?.pageInfo.endCursor ?? null)).repository.object
      ?.associatedPullRequests;
    expect(page2).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(page2?.nodes.map((node) => node.number)).toEqual([two]);
  });
});

describe('Repository.object', () => {
  it('resolves an oid or an expression to its object, and an unknown oid to null', async () => {
    const query = `query($owner: String!, $name: String!, $oid: GitObjectID!, $expression: String!, $file: String!) {
      repository(owner: $owner, name: $name) {
        byOid: object(oid: $oid) { __typename oid ... on Commit { messageHeadline } }
        byBranch: object(expression: $expression) { __typename oid }
        file: object(expression: $file) { __typename oid }
        missing: object(oid: "${'0'.repeat(40)}") { oid }
      }
    }`;
    const answer = await client.graphql<{ repository: Record<string, unknown> }>(query, {
      owner: fixture.owner,
      name: fixture.repo,
      oid: commits.direct,
      expression: 'main',
      file: 'main:README.md',
    });
    expect(answer.repository).toEqual({
      byOid: { __typename: 'Commit', oid: commits.direct, messageHeadline: 'fix: pushed straight to main' },
      byBranch: { __typename: 'Commit', oid: fixture.bareGit(['rev-parse', 'main']) },
      file: { __typename: 'Blob', oid: fixture.bareGit(['rev-parse', 'main:README.md']) },
      missing: null,
    });
  });
});

describe('GitHub-shaped answers', () => {
  it('reports a missing repository as NOT_FOUND with its path, beside data', async () => {
    const { status, body } = await post({
      query: '{ repository(owner: "nobody", name: "nothing") { object(expression: "main") { oid } } }',
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 1, column: 3 }],
          message: "Could not resolve to a Repository with the name 'nobody/nothing'.",
        },
      ],
    });
  });

  it('refuses connections without first, or with more than 100, as GitHub does', async () => {
    const ask = (args: string) =>
      post({
        query: `{ repository(owner: "${fixture.owner}", name: "${fixture.repo}") { object(expression: "main") { ... on Commit { associatedPullRequests${args} { totalCount } } } } }`,
      });
    const missing = await ask('');
    expect((missing.body.errors as { type: string; path: unknown }[])[0]).toMatchObject({
      type: 'MISSING_PAGINATION_BOUNDARIES',
      path: ['repository', 'object', 'associatedPullRequests'],
    });
    const excessive = await ask('(first: 101)');
    expect((excessive.body.errors as { type: string; message: string }[])[0]).toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      message:
        'Requesting 101 records on the `associatedPullRequests` connection exceeds the `first` limit of 100 records.',
    });
    const badCursor = await ask('(first: 1, after: "bm90IGEgY3Vyc29y")');
    expect((badCursor.body.errors as { type: string }[])[0]?.type).toBe('INVALID_CURSOR_ARGUMENTS');
  });

  it('answers 200 with errors and no data for a query that does not parse or names an unknown field', async () => {
    const unknownField = await post({ query: '{ repository(owner: "a", name: "b") { stargazerCount } }' });
    expect(unknownField.status).toBe(200);
    expect(unknownField.body.data).toBeUndefined();
    expect(unknownField.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('stargazerCount'),
        locations: [{ line: 1, column: 39 }],
      }),
    ]);
    const unparsable = await post({ query: '{ repository(' });
    expect(unparsable).toMatchObject({ status: 200, body: { errors: [{ locations: [{ line: 1, column: 14 }] }] } });
    expect(await post({})).toMatchObject({
      status: 200,
      body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
    });
    const invalidOid = await post({
      query: `{ repository(owner: "${fixture.owner}", name: "${fixture.repo}") { object(oid: "abc") { oid } } }`,
    });
    expect((invalidOid.body.errors as { path: unknown }[])[0]?.path).toEqual(['repository', 'object']);
  });

  it('asks for a token, as every GitHub endpoint does', async () => {
    expect((await post({ query: '{ rateLimit { cost } }' }, null)).status).toBe(401);
  });
});

describe('rateLimit', () => {
  it("charges GitHub's points per query: connections fetched divided by 100, at least 1", async () => {
    const small = await post({ query: '{ rateLimit { cost limit remaining resetAt } }' });
    const reading = (
      small.body.data as { rateLimit: { cost: number; limit: number; remaining: number; resetAt: string } }
    ).rateLimit;
    expect(reading).toMatchObject({ cost: 1, limit: 5000 });
    expect(reading.resetAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(small.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(small.headers.get('x-ratelimit-remaining')).toBe(String(reading.remaining));

    // 100 commits × associatedPullRequests(first: 5) × labels: 100 + 500 connections = 6 points.
    const aliases = Array.from(
      { length: 100 },
      (_, index) =>
        `c${index}: object(oid: $oid) { ... on Commit { associatedPullRequests(first: 5) { nodes { labels(first: 20) { nodes { name } } } } } }`,
    ).join('\n');
    const big = await post({
      query: `query($oid: GitObjectID!) { rateLimit { cost remaining } repository(owner: "${fixture.owner}", name: "${fixture.repo}") { ${aliases} } }`,
      variables: { oid: commits.direct },
    });
    expect((big.body.data as { rateLimit: { cost: number; remaining: number } }).rateLimit).toEqual({
      cost: 6,
      remaining: reading.remaining - 6,
    });
  });
});

describe('an unexpected failure', () => {
  it("answers GitHub's generic message, never git's own words", async () => {
    // A merged PR whose stored base names an object the repository does not have: git fails to list it.
    const statePath = join(fixture.stateDir, 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as ServerState;
    const stored = Object.values(state.repos)[0];
    const merged = stored?.pulls.find((pull) => pull.number === prs.merged);
    if (!stored || !merged) throw new Error('the merged PR is missing from the state file');
    stored.pulls.push({ ...merged, number: 999, id: 99_999, lastBaseSha: 'f'.repeat(40) });
    writeFileSync(statePath, JSON.stringify(state));
    await fixture.restart();
    client = new Octokit({ baseUrl: fixture.server.apiUrl, auth: fixture.server.token });

    const { status, body } = await post({
      query: `query($oid: GitObjectID!) { repository(owner: "${fixture.owner}", name: "${fixture.repo}") { object(oid: $oid) { ... on Commit { associatedPullRequests(first: 1) { totalCount } } } } }`,
      variables: { oid: commits.direct },
    });
    expect(status).toBe(200);
    const errors = body.errors as { message: string; path: unknown }[];
    expect(errors[0]?.message).toMatch(
      /^Something went wrong while executing your query\. Please include `[0-9A-F-]{36}`/,
    );
    expect(errors[0]?.path).toEqual(['repository', 'object', 'associatedPullRequests']);
    expect(JSON.stringify(body)).not.toContain('fatal');
  });
});
