import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRun, FlowStep } from '../../../shared/domain/flows/flow-plan';
import { createGitHubClient } from '../../services/github/github-client';
import { createGitSandbox, type GitSandbox } from '../../services/testing/git-sandbox';
import type { EngineDeps, StepContext } from './engine-deps';
import { createFlowLock } from './flow-lock';
import { createJournal } from './journal';
import { executeStep } from './step-executors';

// The clone steps work in the managed clone with git alone, so a bare repository as origin is
// GitHub enough here: what they push is read back from it.
let sandbox: GitSandbox;
let restoreEnv: () => void;
let origin: string;
let work: string;
let deps: EngineDeps;

const packageJson = (version: string) => `{\n  "name": "app",\n  "version": "${version}"\n}\n`;
const pyproject = (version: string) => `[project]\nname = "app"\nversion = "${version}"\n`;

beforeAll(() => {
  sandbox = createGitSandbox();
  restoreEnv = sandbox.activate();
  origin = sandbox.createRemote('hotosm', 'app');
  work = sandbox.cloneWorkingCopy('hotosm', 'app');
  const commit = (files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
    sandbox.git(['add', '--', ...Object.keys(files)], work);
    sandbox.git(['commit', '-q', '-m', message], work);
    return sandbox.git(['rev-parse', 'HEAD'], work);
  };
  commit(
    { 'package.json': packageJson('1.0.0'), 'pyproject.toml': pyproject('1.0.0'), 'app.txt': 'one\n' },
    'feat: app',
  );
  sandbox.git(['push', '-q', 'origin', 'main', 'main:staging', 'main:development'], work);
  sandbox.git(['checkout', '-q', '-b', 'development', 'origin/development'], work);
  commit({ 'fix.txt': 'fixed\n' }, 'fix: the bug');
  commit({ 'app.txt': 'two\n' }, 'feat: change app');
  sandbox.git(['push', '-q', 'origin', 'development'], work);
  sandbox.git([
    'clone',
    '-q',
    '--no-checkout',
    '--',
    'https://github.com/hotosm/app.git',
    join(sandbox.root, 'managed'),
  ]);
  // A staging that disagrees with development about app.txt, so picking "change app" conflicts.
  sandbox.git(['checkout', '-q', '-b', 'staging', 'origin/staging'], work);
  commit({ 'app.txt': 'hotfixed\n' }, 'fix: staging only');
  sandbox.git(['push', '-q', 'origin', 'staging'], work);

  const client = createGitHubClient({ apiUrl: 'http://127.0.0.1:9', token: 'unused', retries: 0, writeSpacingMs: 0 });
  deps = {
    client,
    repo: { owner: 'hotosm', repo: 'app' },
    cloneDir: join(sandbox.root, 'managed'),
    hooksDir: join(sandbox.root, 'hooks'),
    journal: createJournal(join(sandbox.root, 'runs')),
    lock: createFlowLock({
      client,
      repo: { owner: 'hotosm', repo: 'app' },
      locksDir: join(sandbox.root, 'locks'),
      projectId: 'app',
    }),
    committer: { name: 'Release Desk', email: 'release-desk@example.test' },
  };
}, 60_000);

afterAll(() => {
  restoreEnv?.();
  sandbox?.dispose();
});

const originGit = (args: string[]) => sandbox.git(['--git-dir', origin, ...args]);

function contextFor(step: FlowStep): StepContext {
  const run: FlowRun = {
    id: '20261126-101500-hotfix-ab12',
    plan: { flow: 'hotfix', projectId: 'app', repository: 'hotosm/app', choices: {}, steps: [] },
    status: 'running',
    by: 'amara',
    startedAt: '2026-11-26T10:15:00.000Z',
    updatedAt: '2026-11-26T10:15:00.000Z',
    steps: [],
  };
  return { deps, run, planned: { id: step.kind, title: step.kind, step, effects: [], destructive: true } };
}

describe('cherry-pick', () => {
  it('picks onto origin/<branch> with -x and sends it, and a re-run picks nothing twice', async () => {
    const fix = originGit(['rev-parse', 'development~1']);
    const before = originGit(['rev-parse', 'staging']);
    const step: FlowStep = { kind: 'cherry-pick', branch: 'staging', shas: [fix] };
    const first = await executeStep(contextFor(step));
    expect(first).toMatchObject({ branch: 'staging', picked: '1' });
    expect(originGit(['rev-parse', 'staging'])).toBe(first.sha);
    expect(originGit(['rev-parse', `${first.sha}~1`])).toBe(before);
    expect(originGit(['log', '-1', '--format=%B', 'staging'])).toContain(`(cherry picked from commit ${fix})`);
    expect(originGit(['log', '-1', '--format=%cn', 'staging'])).toBe('Release Desk');

    const again = await executeStep(contextFor(step));
    expect(again).toEqual({ branch: 'staging', sha: first.sha, picked: '0' });
    expect(originGit(['rev-parse', 'staging'])).toBe(first.sha);
  });

  it('aborts on a conflict, names the files, and sends nothing', async () => {
    const change = originGit(['rev-parse', 'development']);
    const before = originGit(['rev-parse', 'staging']);
    const failure = executeStep(contextFor({ kind: 'cherry-pick', branch: 'staging', shas: [change] }));
    await expect(failure).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(failure).rejects.toThrow(/conflicts in app\.txt/);
    expect(originGit(['rev-parse', 'staging'])).toBe(before);
    expect(sandbox.git(['status', '--porcelain'], deps.cloneDir)).toBe('');
  });
});

describe('bump-version', () => {
  const files = ['package.json:"version"', 'pyproject.toml:^version'];

  it('commits the version straight onto the branch as a fast-forward, once', async () => {
    const before = originGit(['rev-parse', 'main']);
    const step: FlowStep = { kind: 'bump-version', version: '1.1.0', files, branch: 'main', via: 'direct' };
    const first = await executeStep(contextFor(step));
    expect(first).toMatchObject({ branch: 'main', created: 'true' });
    expect(originGit(['rev-parse', 'main'])).toBe(first.sha);
    expect(originGit(['rev-parse', 'main~1'])).toBe(before);
    expect(originGit(['log', '-1', '--format=%s', 'main'])).toBe('bump: version 1.0.0 → 1.1.0');
    expect(originGit(['show', 'main:package.json'])).toBe(packageJson('1.1.0').trim());
    expect(originGit(['show', 'main:pyproject.toml'])).toBe(pyproject('1.1.0').trim());

    expect(await executeStep(contextFor(step))).toEqual({ sha: first.sha, branch: 'main', created: 'false' });
    expect(originGit(['rev-parse', 'main'])).toBe(first.sha);
  });

  it('sends a bump/<version> branch for a PR and leaves the base alone', async () => {
    const base = originGit(['rev-parse', 'staging']);
    const step: FlowStep = { kind: 'bump-version', version: '1.2.0', files, branch: 'staging', via: 'pr' };
    const result = await executeStep(contextFor(step));
    expect(result).toMatchObject({ branch: 'bump/1.2.0', created: 'true' });
    expect(originGit(['rev-parse', 'bump/1.2.0'])).toBe(result.sha);
    expect(originGit(['rev-parse', 'bump/1.2.0~1'])).toBe(base);
    expect(originGit(['rev-parse', 'staging'])).toBe(base);
    expect(await executeStep(contextFor(step))).toMatchObject({ sha: result.sha, created: 'false' });
  });

  it('refuses a file outside the repository', async () => {
    const step: FlowStep = { kind: 'bump-version', version: '1.3.0', files: ['../x:v'], branch: 'main', via: 'direct' };
    await expect(executeStep(contextFor(step))).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });
});
