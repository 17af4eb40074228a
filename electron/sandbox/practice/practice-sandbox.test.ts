import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectConfigSchema } from '../../../shared/domain/config/project-config';
import { readDeclaredVersion } from '../../../shared/domain/versions/version-file';
import { AppError } from '../../../shared/ipc/errors';
import { parseProjectConfig } from '../../services/config/config-loader';
import { trainReportForRepository } from '../../services/train/train-service';
import { attachOpenApiValidation, failureOf } from '../github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../github-server/testing/openapi-response-validator';
import {
  createPracticeSandbox,
  PRACTICE_OWNER,
  PRACTICE_REPO,
  readPracticeSandbox,
  servePracticeSandbox,
  type PracticeProgress,
  type PracticeSandboxInfo,
  type ServedPracticeSandbox,
} from './practice-sandbox';

const validator = new OpenApiResponseValidator();
let root: string;
let dir: string;
let info: PracticeSandboxInfo;
const progress: PracticeProgress[] = [];
const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

/** git in the practice project's bare repository; trimmed stdout. */
function git(args: string[]): string {
  return execFileSync('git', ['--git-dir', info.bareRepositoryPath, ...args], { env, encoding: 'utf8' }).trim();
}

function isAncestor(ancestor: string, descendant: string): boolean {
  try {
    git(['merge-base', '--is-ancestor', ancestor, descendant]);
    return true;
  } catch {
    return false;
  }
}

/** Every file under `folder`, recursively. */
function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Octokit on the served project, validated against GitHub's OpenAPI description; `null` sends no token. */
function octokitFor(served: ServedPracticeSandbox, token: string | null = served.token): Octokit {
  const quiet = () => undefined;
  const octokit = new Octokit({
    baseUrl: served.apiUrl,
    ...(token === null ? {} : { auth: token }),
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  attachOpenApiValidation(octokit, validator);
  return octokit;
}

const repo = { owner: PRACTICE_OWNER, repo: PRACTICE_REPO };

// A build is ~250 git processes: about a second on an idle machine, but a busy CI runner can take far
// longer, so the hooks and tests that build get room beyond vitest's defaults (no timing is asserted).
const BUILD_TIMEOUT_MS = 180_000;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'release-desk-practice-'));
  dir = join(root, 'practice');
  info = await createPracticeSandbox(dir, { onProgress: (step) => progress.push(step) });
}, BUILD_TIMEOUT_MS);
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('createPracticeSandbox: the history', () => {
  it('records the project in sandbox.json and reports its progress to the end', () => {
    expect(info).toEqual({
      dir,
      owner: 'hotosm-practice',
      repo: 'tasking-manager',
      stateDir: join(dir, 'state'),
      bareRepositoryPath: join(dir, 'state', 'repos', 'hotosm-practice', 'tasking-manager.git'),
    });
    expect(readPracticeSandbox(dir)).toEqual(info);
    const manifest = JSON.parse(readFileSync(join(dir, 'sandbox.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(manifest).sort()).toEqual(['createdAt', 'owner', 'repo', 'version']);
    expect(manifest).toMatchObject({ version: 1, owner: 'hotosm-practice', repo: 'tasking-manager' });
    expect(readdirSync(dir).sort()).toEqual(['sandbox.json', 'state']);
    expect(progress.map((step) => step.done)).toEqual(progress.map((_, index) => index + 1));
    expect(progress.at(-1)).toMatchObject({ done: progress.length, total: progress.length, message: 'Ready' });
  });

  it('has the three lanes, development by default, and development ahead of staging by five merged PRs', () => {
    expect(git(['symbolic-ref', 'HEAD'])).toBe('refs/heads/development');
    expect(git(['for-each-ref', '--format=%(refname)', 'refs/heads']).split('\n')).toEqual(
      // Merged PR branches are deleted, as GitHub's button does; the open PR's branch stays.
      ['refs/heads/development', 'refs/heads/feat/qr-join', 'refs/heads/main', 'refs/heads/staging'],
    );
    const waiting = git(['log', '--format=%s', 'staging..development']).split('\n');
    const prSubjects = waiting.filter((subject) => /\(#\d+\)$|^Merge pull request #\d+ /.test(subject));
    expect(prSubjects).toEqual([
      'Show who locked a task in the task history (#22)',
      'Merge pull request #21 from hotosm-practice/renovate/react-monorepo',
      'Merge pull request #20 from hotosm-practice/tomas/translations',
      'fix(api): paginate the project list (#19)',
      'Merge pull request #18 from hotosm-practice/feat/dark-mode',
    ]);
    // A direct push sits between the PRs, as on a real team's branch.
    expect(waiting).toContain('docs: describe the release train');
    // Squashes have one parent, merges two.
    expect(git(['rev-list', '--count', '--merges', 'staging..development'])).toBe('3');
    const authors = new Set(git(['log', '--format=%an', 'staging..development']).split('\n'));
    for (const name of ['Priya Raman', 'Tomás Herrera', 'renovate[bot]', 'Amara Okafor'])
      expect(authors).toContain(name);
  });

  it('has a hotfix on staging that development lacks, and staging ahead of main', () => {
    const hotfix = git(['log', '--format=%H', '-1', '--grep=(#17)$', 'staging']);
    expect(git(['log', '-1', '--format=%s', hotfix])).toBe(
      'fix(submissions): ignore duplicate submissions from one device (#17)',
    );
    expect(isAncestor(hotfix, 'staging')).toBe(true);
    expect(isAncestor(hotfix, 'development')).toBe(false);
    expect(isAncestor('main', 'staging')).toBe(true);
    expect(Number(git(['rev-list', '--count', 'main..staging']))).toBeGreaterThan(0);
    expect(git(['log', '--format=%s', 'main..staging'])).toContain(
      'Merge pull request #16 from hotosm-practice/development',
    );
  });

  it('tags each release on main, with version files that agree with the newest tag', () => {
    expect(git(['tag', '--list', '--sort=version:refname']).split('\n')).toEqual([
      'v2026.9.0',
      'v2026.10.0',
      'v2026.10.1',
    ]);
    expect(git(['rev-parse', 'v2026.10.1^{commit}'])).toBe(git(['rev-parse', 'main']));
    for (const tag of ['v2026.9.0', 'v2026.10.0', 'v2026.10.1']) {
      expect(isAncestor(tag, 'main')).toBe(true);
      const version = tag.slice(1);
      expect(readDeclaredVersion(git(['show', `${tag}:frontend/package.json`]), '"version"')).toBe(version);
      expect(readDeclaredVersion(git(['show', `${tag}:backend/pyproject.toml`]), '^version')).toBe(version);
    }
  });

  it('has deploy workflows per lane and a .release-desk.yml the app reads as meant', () => {
    const config = parseProjectConfig(git(['show', 'development:.release-desk.yml']), '.release-desk.yml');
    expect(config).toEqual(
      projectConfigSchema.parse({
        versioning: { scheme: 'calver', tagPrefix: 'v' },
        versionFiles: ['frontend/package.json:"version"', 'backend/pyproject.toml:^version'],
        deployments: {
          development: { workflow: 'deploy-development.yml', environment: 'development' },
          staging: { workflow: 'deploy-staging.yml', environment: 'staging' },
          main: { workflow: 'deploy-production.yml', environment: 'production' },
        },
      }),
    );
    for (const branch of ['development', 'staging', 'main']) {
      const files = git(['ls-tree', '--name-only', `${branch}:.github/workflows`]).split('\n');
      expect(files).toEqual(['deploy-development.yml', 'deploy-production.yml', 'deploy-staging.yml', 'release.yml']);
    }
    expect(git(['show', 'main:.github/workflows/deploy-staging.yml'])).toMatch(
      /^name: Deploy to staging\n\non:\n {2}push:\n {4}branches: \[staging\]/,
    );
  });

  it('reads as the train the practice is about: PRs waiting, one hotfix to back-merge, a clean release', async () => {
    const { status } = await trainReportForRepository(info.bareRepositoryPath, { hooksDir: join(root, 'hooks') });
    expect(status.pairs.map(({ from, to, prs }) => ({ from, to, prs }))).toEqual([
      { from: 'development', to: 'staging', prs: [22, 21, 20, 19, 18] },
      { from: 'staging', to: 'main', prs: [17, 16, 15, 14, 13] },
    ]);
    expect(status.backMerge.map(({ lane, prs }) => ({ lane, prs }))).toEqual([
      { lane: 'staging', prs: [17] },
      { lane: 'main', prs: [] },
    ]);
    expect(status.lastRelease).toMatchObject({ tag: 'v2026.10.1', isAncestor: true, unreleasedCommits: 0 });
    expect(status.versionFiles).toEqual([
      { path: 'frontend/package.json', version: '2026.10.1', matchesTag: true },
      { path: 'backend/pyproject.toml', version: '2026.10.1', matchesTag: true },
    ]);
  });
});

describe('servePracticeSandbox', () => {
  it('serves the PRs, releases and workflows with a fresh token, and refuses requests without it', async () => {
    const served = await servePracticeSandbox(dir);
    const again = await servePracticeSandbox(dir, { token: 'ghs_given-token-for-the-test' });
    try {
      expect(served).toMatchObject({ repo: 'hotosm-practice/tasking-manager', remote: info.bareRepositoryPath });
      // The same place the server itself uses for the repository.
      expect(served.server.bareRepositoryPath(PRACTICE_OWNER, PRACTICE_REPO)).toBe(info.bareRepositoryPath);
      expect(served.token).toMatch(/^ghs_/);
      expect(again.token).toBe('ghs_given-token-for-the-test');
      expect(served.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const octokit = octokitFor(served);
      const { data: repository } = await octokit.rest.repos.get(repo);
      expect(repository).toMatchObject({ full_name: 'hotosm-practice/tasking-manager', default_branch: 'development' });

      const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'all', per_page: 100 });
      expect(pulls.map((pull) => pull.number).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 23 }, (_, index) => index + 1),
      );
      expect(pulls.filter((pull) => pull.merged_at === null).map((pull) => pull.number)).toEqual([23]);
      const hotfix = pulls.find((pull) => pull.number === 17);
      expect(hotfix).toMatchObject({ base: { ref: 'staging' }, head: { ref: 'hotfix/duplicate-submissions' } });
      expect(isAncestor(hotfix?.merge_commit_sha ?? '', 'development')).toBe(false);

      const { data: releases } = await octokit.rest.repos.listReleases(repo);
      expect(releases.map((release) => [release.tag_name, release.draft])).toEqual([
        ['v2026.10.1', false],
        ['v2026.10.0', false],
        ['v2026.9.0', false],
      ]);

      const { data: workflows } = await octokit.rest.actions.listRepoWorkflows(repo);
      expect(workflows.workflows.map((workflow) => [workflow.name, workflow.path])).toEqual([
        ['Deploy to development', '.github/workflows/deploy-development.yml'],
        ['Deploy to staging', '.github/workflows/deploy-staging.yml'],
        ['Deploy to production', '.github/workflows/deploy-production.yml'],
        ['Release', '.github/workflows/release.yml'],
      ]);

      expect((await failureOf(octokitFor(served, null).rest.users.getAuthenticated())).status).toBe(401);
      expect((await failureOf(octokitFor(served, again.token).rest.users.getAuthenticated())).status).toBe(401);
    } finally {
      await served.server.close();
      await again.server.close();
    }
  });

  it('leaves no token in any file of the folder after serving and writing through the server', async () => {
    const served = await servePracticeSandbox(dir);
    try {
      const octokit = octokitFor(served);
      // A write, so the server saves its state while serving.
      await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v2026.11.0-draft', draft: true });
    } finally {
      await served.server.close();
    }
    const files = allFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(served.token), file).toBe(false);
      // No token of any serve or of the build (git objects are compressed: they cannot hold one in clear).
      if (!file.includes(`${join('.git', 'objects')}`)) expect(bytes.includes('ghs_'), file).toBe(false);
    }
  });

  it('refuses a folder that is not a practice project, and a port in use', async () => {
    const empty = join(root, 'not-a-sandbox');
    mkdirSync(empty);
    await expect(servePracticeSandbox(empty)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const blocker = createServer();
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const refused = await servePracticeSandbox(dir, { port }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`Port ${port}`) });
    } finally {
      blocker.close();
    }
  });
});

describe('createPracticeSandbox: folders', () => {
  it('refuses a non-empty folder that is not a practice project, and leaves it as it was', async () => {
    const foreign = join(root, 'my-work');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine\n');
    writeFileSync(join(foreign, 'sandbox.json'), '{"name":"someone else\'s"}\n');
    const refused = await createPracticeSandbox(foreign).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('is not empty') });
    expect(readdirSync(foreign).sort()).toEqual(['notes.txt', 'sandbox.json']);
    expect(readPracticeSandbox(foreign)).toBeNull();
  });

  it(
    'refuses an existing practice project unless asked to reset it, and a reset rebuilds it from scratch',
    async () => {
      await expect(createPracticeSandbox(dir)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('already holds a practice project'),
      });
      // Changes made while practising: a new branch and the draft release of the test above.
      git(['branch', 'practice/my-change', 'development']);
      const before = JSON.parse(readFileSync(join(dir, 'sandbox.json'), 'utf8')) as { createdAt: string };

      const rebuilt = await createPracticeSandbox(dir, { reset: true });
      expect(rebuilt).toEqual(info);
      expect(git(['branch', '--list', 'practice/*'])).toBe('');
      const served = await servePracticeSandbox(dir);
      try {
        const { data: releases } = await octokitFor(served).rest.repos.listReleases(repo);
        expect(releases.map((release) => release.tag_name)).toEqual(['v2026.10.1', 'v2026.10.0', 'v2026.9.0']);
      } finally {
        await served.server.close();
      }
      const after = JSON.parse(readFileSync(join(dir, 'sandbox.json'), 'utf8')) as { createdAt: string };
      expect(Date.parse(after.createdAt)).toBeGreaterThanOrEqual(Date.parse(before.createdAt));
    },
    BUILD_TIMEOUT_MS,
  );
});
