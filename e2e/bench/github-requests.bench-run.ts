// `npm run bench` (through vitest.bench.config.ts): how many GitHub requests Release Desk needs to find
// the PRs of 200, 1,000 and 5,000-commit ranges, beside the one-request-per-commit REST lookup
// (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`). It prints figures and never asserts (DESIGN.md:
// benchmarks are not tests). Run by vitest because the GitHub client is TypeScript that the build does
// not expose in out/; the server, the client and the history are all real.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../electron/sandbox/github-server/github-server';
import {
  loadServerState,
  saveServerState,
  type StoredPullRequest,
} from '../../electron/sandbox/github-server/server-state';
import { createGitHubClient } from '../../electron/services/github/github-client';
import { pullRequestsOfCommits } from '../../electron/services/github/pull-requests-of-commits';

const OWNER = 'bench';
const REPO = 'history';
const RANGES = [200, 1_000, 5_000];
/** Commits one unit of history adds to main: a merge-commit PR (3 + merge), a squash, a 2-commit rebase, a direct push. */
const UNIT = 8;

const print = (line = '') => process.stdout.write(`${line}\n`);
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

/** A PR written straight into the state file: its commits are real git ranges in the bare repository. */
interface PlannedPull {
  number: number;
  head: string;
  base: string; // mark of the base tip when merged
  headTip: string; // mark of the head tip
  mergeTip: string; // mark of the merge, squash or last rebased commit
  title: string;
}

/**
 * Writes `units` units of history onto main with one `git fast-import`: per unit, a PR merged with a
 * merge commit, a squash-merged PR (its two head commits stay off main), a rebase-merged PR (two
 * copies on main, two originals off it) and one direct commit. Returns the PRs by mark.
 */
function importHistory(bare: string, units: number): { pulls: PlannedPull[]; marksFile: string } {
  const lines: string[] = [];
  let mark = 0;
  let time = 1_735_689_600;
  let mainTip = '';
  const pulls: PlannedPull[] = [];
  const commit = (ref: string, message: string, parents: string[]): string => {
    mark += 1;
    time += 60;
    const person = `Dev Eloper <dev@example.test> ${time} +0000`;
    const [first, ...merged] = parents;
    lines.push(
      `commit ${ref}`,
      `mark :${mark}`,
      `author ${person}`,
      `committer ${person}`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(first ? [`from ${first}`] : []),
      ...merged.map((parent) => `merge ${parent}`),
      'M 100644 inline counter.txt',
      `data ${String(mark).length}`,
      String(mark),
    );
    return `:${mark}`;
  };
  const branch = (base: string, count: number, prefix: string): string => {
    let tip = base;
    for (let index = 1; index <= count; index += 1) tip = commit('refs/heads/scratch', `${prefix} ${index}`, [tip]);
    return tip;
  };
  mainTip = commit('refs/heads/main', 'chore: initial commit', []);
  for (let unit = 0; unit < units; unit += 1) {
    const number = pulls.length + 1;
    // Merge commit: base..merge holds the merge and the three branch commits.
    const mergedHead = branch(mainTip, 3, `feat: merged #${number}`);
    const merge = commit('refs/heads/main', `Merge pull request #${number} from ${OWNER}/pr-${number}`, [
      mainTip,
      mergedHead,
    ]);
    pulls.push({
      number,
      head: `pr-${number}`,
      base: mainTip,
      headTip: mergedHead,
      mergeTip: merge,
      title: `feat: merged ${number}`,
    });
    mainTip = merge;
    // Squash: one commit on main; the two head commits are associated with the PR too.
    const squashedHead = branch(mainTip, 2, `feat: squashed #${number + 1}`);
    const squash = commit('refs/heads/main', `feat: squashed ${number + 1} (#${number + 1})`, [mainTip]);
    pulls.push({
      number: number + 1,
      head: `pr-${number + 1}`,
      base: mainTip,
      headTip: squashedHead,
      mergeTip: squash,
      title: `feat: squashed ${number + 1}`,
    });
    mainTip = squash;
    // Rebase: two copies on main, two originals off it.
    const rebasedHead = branch(mainTip, 2, `feat: rebased #${number + 2}`);
    const firstCopy = commit('refs/heads/main', `feat: rebased #${number + 2} 1`, [mainTip]);
    const copy = commit('refs/heads/main', `feat: rebased #${number + 2} 2`, [firstCopy]);
    pulls.push({
      number: number + 2,
      head: `pr-${number + 2}`,
      base: mainTip,
      headTip: rebasedHead,
      mergeTip: copy,
      title: `feat: rebased ${number + 2}`,
    });
    mainTip = commit('refs/heads/main', `fix: direct push after #${number + 2}`, [copy]);
  }
  const marksFile = join(bare, 'bench-marks');
  execFileSync('git', ['--git-dir', bare, 'fast-import', '--quiet', `--export-marks=${marksFile}`], {
    input: `${lines.join('\n')}\n`,
    env,
    maxBuffer: 1024 * 1024 * 1024,
  });
  // The head branches are gone after merging, as GitHub's "delete branch" leaves them.
  execFileSync('git', ['--git-dir', bare, 'update-ref', '-d', 'refs/heads/scratch'], { env });
  return { pulls, marksFile };
}

/** Starts a server whose `bench/history` holds `units` units of history and their merged PRs. */
async function serverWithHistory(stateDir: string, units: number): Promise<GitHubServer> {
  const first = await startGitHubServer({ stateDir });
  await first.createRepository(OWNER, REPO);
  const bare = first.bareRepositoryPath(OWNER, REPO);
  await first.close();

  const { pulls, marksFile } = importHistory(bare, units);
  const shaOf = new Map(
    readFileSync(marksFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string]),
  );
  const sha = (mark: string) => shaOf.get(mark) ?? '';
  const state = loadServerState(stateDir, 'sandbox-user');
  const repo = Object.values(state.repos)[0];
  if (!repo) throw new Error('The bench repository is missing from the state file');
  const mergedAt = '2026-01-05T12:00:00Z';
  repo.pulls = pulls.map((pull): StoredPullRequest => ({
    id: state.nextId + pull.number,
    number: pull.number,
    title: pull.title,
    body: null,
    head: pull.head,
    base: 'main',
    state: 'closed',
    merged: true,
    mergedAt,
    mergeCommitSha: sha(pull.mergeTip),
    closedAt: mergedAt,
    lastHeadSha: sha(pull.headTip),
    lastBaseSha: sha(pull.base),
    userLogin: state.user.login,
    createdAt: mergedAt,
    updatedAt: mergedAt,
  }));
  state.nextId += pulls.length + 1;
  repo.nextNumber = pulls.length + 1;
  saveServerState(stateDir, state);
  return startGitHubServer({ stateDir, token: first.token });
}

test('GitHub requests for the PRs of a commit range', async () => {
  const root = mkdtempSync(join(tmpdir(), 'release-desk-bench-gh-'));
  const largest = Math.max(...RANGES);
  const built = Date.now();
  const server = await serverWithHistory(join(root, 'state'), Math.ceil(largest / UNIT));
  const bare = server.bareRepositoryPath(OWNER, REPO);
  const mainCommits = execFileSync('git', ['--git-dir', bare, 'rev-list', `--max-count=${largest}`, 'main'], {
    env,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 64,
  })
    .split('\n')
    .filter(Boolean);
  const buildSeconds = (Date.now() - built) / 1000;

  const client = createGitHubClient({ apiUrl: server.apiUrl, token: server.token, retries: 0 });
  // Counted on the wire: every request the client sends, and GitHub's GraphQL points from the headers.
  let sent = 0;
  let pointsUsed = 0;
  client.hook.after('request', (response) => {
    sent += 1;
    if (response.headers['x-ratelimit-resource'] === 'graphql')
      pointsUsed = Number(response.headers['x-ratelimit-used']);
  });

  print(
    `GitHub requests for the PRs of a commit range (history of ${mainCommits.length.toLocaleString('en')} commits on main, built in ${buildSeconds.toFixed(1)} s)`,
  );
  print('  commits   REST per commit   GraphQL requests   GraphQL points   commits with a PR   wall time');
  for (const size of RANGES) {
    const shas = mainCommits.slice(0, size);
    const sentBefore = sent;
    const pointsBefore = pointsUsed;
    const started = Date.now();
    const result = await pullRequestsOfCommits(client, { owner: OWNER, repo: REPO }, shas);
    const seconds = (Date.now() - started) / 1000;
    const withPull = [...result.byCommit.values()].filter((pulls) => pulls.length > 0).length;
    print(
      `  ${size.toLocaleString('en').padStart(7)}   ${shas.length.toLocaleString('en').padStart(15)}   ${String(sent - sentBefore).padStart(16)}   ${String(pointsUsed - pointsBefore).padStart(14)}   ${withPull.toLocaleString('en').padStart(17)}   ${seconds.toFixed(1).padStart(7)} s`,
    );
    if (result.requests !== sent - sentBefore) print(`  (the function counted ${result.requests} requests)`);
  }
  print(
    '  REST: one GET /repos/{owner}/{repo}/commits/{sha}/pulls per commit, 1 point of the 5,000/hour REST budget each.',
  );
  print('  GraphQL: 100 commits per request; points are charged from the separate 5,000/hour GraphQL budget.');
  print('  Wall time is mostly the client spacing GraphQL requests 1 s apart (plugin-throttling, as GitHub asks).');
  await server.close();
  rmSync(root, { recursive: true, force: true });
});
