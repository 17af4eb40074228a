import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRun, FlowStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient } from '../../services/github/github-client';
import { conflictError } from './conflict-files';
import type { EngineDeps, StepContext } from './engine-deps';
import { createFlowLock } from './flow-lock';
import { createJournal } from './journal';
import { executeStep } from './step-executors';

// A back-merge PR (main → development) on the GitHub-compatible server whose branches really conflict
// in two files; the wait step works out which in the managed clone, a real clone of the server's repo.
let fixture: GitHubServerFixture;
let deps: EngineDeps;
let backMerge: number;
let cloneDir: string;

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

beforeAll(async () => {
  const validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  // development and main each add the same two files with other contents (and one file of their own).
  fixture.commitOn(
    'development',
    'backend/__init__.py',
    '__version__ = "2026.11.0-dev"\n',
    'feat: dev version',
    'main',
  );
  fixture.commitOn('development', 'frontend/package.json', '{ "version": "2026.11.0-dev" }\n', 'feat: dev package');
  fixture.commitOn('development', 'frontend/dev-only.ts', 'export {};\n', 'feat: dev only');
  fixture.commitOn('main', 'backend/__init__.py', '__version__ = "2026.10.1"\n', 'fix: hotfix version');
  fixture.commitOn('main', 'frontend/package.json', '{ "version": "2026.10.1" }\n', 'fix: hotfix package');
  fixture.commitOn('main', 'backend/hotfix.py', 'fixed = True\n', 'fix: the hotfix');
  const { data } = await fixture.octokit.rest.pulls.create({
    ...repo(),
    head: 'main',
    base: 'development',
    title: 'Back-merge main into development',
  });
  backMerge = data.number;

  cloneDir = join(fixture.root, 'managed');
  fixture.git(['clone', '--quiet', '--no-checkout', '--', fixture.server.bareRepositoryPath(...names()), cloneDir]);
  const client = createGitHubClient({
    apiUrl: fixture.server.apiUrl,
    token: fixture.server.token,
    retries: 0,
    writeSpacingMs: 0,
  });
  attachOpenApiValidation(client, validator);
  deps = {
    client,
    repo: repo(),
    cloneDir,
    hooksDir: join(fixture.root, 'hooks'),
    journal: createJournal(join(fixture.root, 'runs')),
    lock: createFlowLock({ client, repo: repo(), locksDir: join(fixture.root, 'locks'), projectId: 'app' }),
    pollIntervalMs: 10,
    waitTimeoutMs: 5_000,
  };
}, 60_000);

afterAll(async () => {
  await fixture?.dispose();
});

function names(): [string, string] {
  return [fixture.owner, fixture.repo];
}

function contextFor(step: FlowStep, engine: EngineDeps = deps): StepContext {
  const run: FlowRun = {
    id: '20261126-101500-backmerge-ab12',
    plan: { flow: 'backmerge', projectId: 'app', repository: 'o/r', choices: {}, steps: [] },
    status: 'running',
    by: 'amara',
    startedAt: '2026-11-26T10:15:00.000Z',
    updatedAt: '2026-11-26T10:15:00.000Z',
    steps: [],
  };
  return {
    deps: engine,
    run,
    planned: { id: 'wait', title: 'Wait for the PR', step, effects: [], destructive: false },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

const allRefs = () => fixture.bareGit(['for-each-ref', '--format=%(refname) %(objectname)']);
const cloneGit = (args: string[]) => fixture.git(args, cloneDir);

describe('a PR that conflicts with its base', () => {
  it('fails the wait with CONFLICT naming both files and how to resolve them, and pushes nothing', async () => {
    const refsBefore = allRefs();
    const cloneHead = cloneGit(['rev-parse', 'HEAD']);
    const cloneStatus = cloneGit(['status', '--porcelain']);
    const error = await failureOf(executeStep(contextFor({ kind: 'wait-pr', pr: String(backMerge) })));

    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(
      `PR #${backMerge} (main → development) conflicts in 2 files: backend/__init__.py, frontend/package.json.`,
    );
    expect(error.message).toContain(
      'git fetch origin && git switch -c resolve/main-into-development origin/development && git merge origin/main',
    );
    expect(error.message).toMatch(/merge it into development by PR.*then resume this run\.$/s);
    expect(error.message).not.toContain('dev-only.ts');
    expect(error.message).not.toContain('hotfix.py');
    expect(error.detail).toBe('Conflicting files:\nbackend/__init__.py\nfrontend/package.json');

    // Nothing moved on the server, and the managed clone's branch, index and work tree are as they were.
    expect(allRefs()).toBe(refsBefore);
    expect(cloneGit(['rev-parse', 'HEAD'])).toBe(cloneHead);
    expect(cloneGit(['status', '--porcelain'])).toBe(cloneStatus);
    // The fetch did run: the clone now knows development.
    expect(cloneGit(['rev-parse', 'refs/remotes/origin/development'])).toBe(
      fixture.bareGit(['rev-parse', 'development']),
    );
  });

  it('falls back to the general message when git cannot work the files out (no managed clone)', async () => {
    const missing = join(fixture.root, 'no-clone-here');
    const error = await failureOf(
      executeStep(contextFor({ kind: 'wait-pr', pr: String(backMerge) }, { ...deps, cloneDir: missing })),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`PR #${backMerge} cannot be merged: It conflicts with its base branch`);
    expect(error.message).toContain('then resume this run');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('conflictError', () => {
  it('names ten files, counts the rest, and keeps every one in the detail', () => {
    const files = Array.from({ length: 12 }, (_, index) => `src/file-${index + 1}.ts`);
    const error = conflictError({ number: 7, baseRef: 'staging', headRef: 'release/2026.11.0' }, files, [
      'Required check “ci” failed',
    ]);
    expect(error.message).toContain(
      `PR #7 (release/2026.11.0 → staging) conflicts in 12 files: ${files.slice(0, 10).join(', ')} and 2 more.`,
    );
    expect(error.message).toContain('It is also blocked: Required check “ci” failed.');
    expect(error.message).toContain('git switch -c resolve/release-2026.11.0-into-staging origin/staging');
    expect(error.message).toContain("or push the fix onto release/2026.11.0's side");
    expect(error.detail?.split('\n').slice(1)).toEqual(files);
  });
});
