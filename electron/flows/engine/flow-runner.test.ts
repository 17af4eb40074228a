import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowPlan, FlowRun, PlannedStep } from '../../../shared/domain/flows/flow-plan';
import { attachOpenApiValidation } from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { practiceWorkflowConfig } from '../../sandbox/practice/practice-files';
import {
  createPracticeSandbox,
  servePracticeSandbox,
  type PracticeSandboxInfo,
  type ServedPracticeSandbox,
} from '../../sandbox/practice/practice-sandbox';
import { createGitHubClient } from '../../services/github/github-client';
import type { EngineDeps } from './engine-deps';
import { createFlowLock, GITHUB_LOCK_REF } from './flow-lock';
import { abandonRun, runFlow, type FlowRunResult } from './flow-runner';
import { createJournal } from './journal';

// The practice project on the GitHub-compatible server: every step below really creates branches,
// PRs and merges there, and the counts are read back from the server itself.
let root: string;
let info: PracticeSandboxInfo;
let served: ServedPracticeSandbox;
let octokit: Octokit;
// One validator for the file: it compiles GitHub's schemas once.
const validator = new OpenApiResponseValidator();
let clock = 1_790_000_000;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'release-desk-flow-runner-'));
  info = await createPracticeSandbox(join(root, 'practice'));
  served = await servePracticeSandbox(info.dir);
  // The server's short timings: a deploy is queued 50 ms and runs 150 ms.
  served.server.configureWorkflows(
    info.owner,
    info.repo,
    practiceWorkflowConfig().map((workflow) => ({ ...workflow, queuedMs: 50, durationMs: 150 })),
  );
  const quiet = () => undefined;
  octokit = new Octokit({
    baseUrl: served.apiUrl,
    auth: served.token,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}, 120_000);

afterAll(async () => {
  await served?.server.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const repo = () => ({ owner: info.owner, repo: info.repo });

function bareGit(args: string[], input?: string): string {
  return execFileSync('git', ['--git-dir', info.bareRepositoryPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    ...(input === undefined ? {} : { input }),
  }).trim();
}

/**
 * One commit with one file on `branch` of the bare repository, as a push would leave it: a new
 * `notes/<label>.md`, or `path` with `content` (to make two branches disagree about one file).
 */
function pushCommit(branch: string, label: string, path = `notes/${label}.md`, content = `${label}\n`): string {
  const parent = bareGit(['rev-parse', `refs/heads/${branch}`]);
  clock += 60;
  const message = `feat: ${label}\n`;
  bareGit(
    ['fast-import', '--quiet'],
    [
      `commit refs/heads/${branch}`,
      `committer Dev Eloper <dev@example.test> ${clock} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      `from ${parent}`,
      `M 100644 inline ${path}`,
      `data ${Buffer.byteLength(content)}`,
      content,
      '',
    ].join('\n'),
  );
  return bareGit(['rev-parse', `refs/heads/${branch}`]);
}

/** A fresh engine: its own journal and lock folders, the product's client checked against GitHub's schema. */
function engine(name: string, overrides: Partial<EngineDeps> = {}): EngineDeps {
  const client = createGitHubClient({ apiUrl: served.apiUrl, token: served.token, retries: 0, writeSpacingMs: 0 });
  attachOpenApiValidation(client, validator);
  const base = join(root, 'engines', name);
  mkdirSync(base, { recursive: true });
  return {
    client,
    repo: repo(),
    cloneDir: join(base, 'clone'),
    hooksDir: join(base, 'hooks'),
    journal: createJournal(join(base, 'runs')),
    lock: createFlowLock({ client, repo: repo(), locksDir: join(root, 'locks'), projectId: 'practice' }),
    pollIntervalMs: 25,
    waitTimeoutMs: 15_000,
    ...overrides,
  };
}

const step = (id: string, title: string, planned: PlannedStep['step']): PlannedStep => ({
  id,
  title,
  step: planned,
  effects: [`${planned.kind} ${id}`],
  destructive: planned.kind === 'merge-pr',
});

/** The hand-written freeze: branch release/<name> at `sha`, PR into staging, wait, merge, watch the deploy. */
function freezePlan(name: string, sha: string): FlowPlan {
  const branch = `release/${name}`;
  return {
    flow: 'freeze',
    projectId: 'practice',
    repository: `${info.owner}/${info.repo}`,
    choices: { name },
    steps: [
      step('lock', 'Take the lock', { kind: 'acquire-lock' }),
      step('branch', `Create ${branch}`, { kind: 'create-branch', branch, sha }),
      step('pr', `Open the PR ${branch} → staging`, {
        kind: 'open-pr',
        head: branch,
        base: 'staging',
        title: `Freeze ${name}`,
        body: 'Freeze for the tests',
      }),
      step('wait', 'Wait for checks and reviews', { kind: 'wait-pr', pr: { fromStep: 'pr', output: 'number' } }),
      step('merge', 'Merge into staging', {
        kind: 'merge-pr',
        pr: { fromStep: 'pr', output: 'number' },
        headSha: { fromStep: 'wait', output: 'headSha' },
        method: 'merge',
      }),
      step('deploy', 'Watch the staging deploy', {
        kind: 'watch-workflow',
        workflow: 'Deploy to staging',
        branch: 'staging',
        sha: { fromStep: 'merge', output: 'sha' },
        event: 'push',
      }),
      step('unlock', 'Give the lock back', { kind: 'release-lock' }),
    ],
  };
}

function runOf(result: FlowRunResult): FlowRun {
  if (result.kind !== 'run') throw new Error('expected a run');
  return result.run;
}

/** What the server holds for release/<name>: its PRs, whether the branch exists, the merges it made into staging. */
async function onServer(name: string, stagingBefore: string) {
  const branch = `release/${name}`;
  const pulls = await octokit.pulls.list({ ...repo(), state: 'all', head: `${info.owner}:${branch}`, per_page: 100 });
  const merges = Number(bareGit(['rev-list', '--count', '--first-parent', `${stagingBefore}..refs/heads/staging`]));
  const branchExists = bareGit(['for-each-ref', `refs/heads/${branch}`]) !== '';
  return { pulls: pulls.data.length, merged: pulls.data.filter((pull) => pull.merged_at).length, merges, branchExists };
}

async function lockIsFree() {
  const ref = bareGit(['for-each-ref', GITHUB_LOCK_REF]);
  return ref === '' && !existsSync(join(root, 'locks', 'practice.lock'));
}

describe('runFlow on the practice project', () => {
  it('runs a freeze to completion: one branch, one PR, one merge, the deploy watched, the lock given back', async () => {
    const sha = pushCommit('development', 'straight-run');
    const stagingBefore = bareGit(['rev-parse', 'refs/heads/staging']);
    const deps = engine('straight');
    const seen: string[] = [];
    const run = runOf(
      await runFlow(freezePlan('straight', sha), deps, {
        by: 'amara',
        onStep: (record) => void seen.push(`${record.id}:${record.state}`),
      }),
    );
    expect(run.status).toBe('completed');
    expect(seen).toEqual(
      ['lock', 'branch', 'pr', 'wait', 'merge', 'deploy', 'unlock'].flatMap((id) => [`${id}:running`, `${id}:done`]),
    );
    const outputs = Object.fromEntries(run.steps.map((record) => [record.id, record.outputs]));
    expect(outputs.merge?.sha).toBe(bareGit(['rev-parse', 'refs/heads/staging']));
    expect(outputs.wait?.headSha).toBe(sha);
    expect(outputs.deploy?.conclusion).toBe('success');
    expect(outputs.pr?.url).toMatch(/\/pull\/\d+$/);
    expect(await onServer('straight', stagingBefore)).toEqual({ pulls: 1, merged: 1, merges: 1, branchExists: true });
    expect(await lockIsFree()).toBe(true);
    expect((await deps.journal.read(run.id)).status).toBe('completed');
  });

  it('is stopped after each step in turn, even after acting but before journaling, and resumes to one of each', async () => {
    const sha = pushCommit('development', 'crash');
    const stagingBefore = bareGit(['rev-parse', 'refs/heads/staging']);
    const deps = engine('crash');
    let input: FlowPlan | FlowRun = freezePlan('crash', sha);
    for (const crashAt of ['lock', 'branch', 'pr', 'wait', 'merge', 'deploy', 'unlock']) {
      let crashed: FlowRun | undefined;
      await expect(
        runFlow(input, deps, {
          onStep: (record, _planned, run) => {
            if (record.id === crashAt && record.state === 'done') {
              crashed = run;
              throw new Error('power cut');
            }
          },
        }),
      ).rejects.toThrow('power cut');
      if (!crashed) throw new Error(`no crash at ${crashAt}`);
      expect(crashed.status, crashAt).toBe('running');
      // The worst moment: the step acted on GitHub, but the process died before its `done` was written.
      input = await deps.journal.update({
        ...crashed,
        steps: crashed.steps.map((record) =>
          record.id === crashAt ? { ...record, state: 'running', outputs: {}, endedAt: null } : record,
        ),
      });
    }
    const resumed = runOf(await runFlow(input, deps));
    expect(resumed.status).toBe('completed');
    expect(resumed.steps.every((record) => record.state === 'done')).toBe(true);
    expect(await onServer('crash', stagingBefore)).toEqual({ pulls: 1, merged: 1, merges: 1, branchExists: true });
    expect(await lockIsFree()).toBe(true);
    expect((await deps.journal.list()).runs.map((run) => run.id)).toEqual([resumed.id]);
  });

  it('resumes a run whose PR was made but whose answer was lost, to one PR', async () => {
    const sha = pushCommit('development', 'dropped');
    const stagingBefore = bareGit(['rev-parse', 'refs/heads/staging']);
    const deps = engine('dropped');
    served.server.injectFault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/pulls',
      fault: { kind: 'drop-after-write' },
    });
    const failed = runOf(await runFlow(freezePlan('dropped', sha), deps));
    expect(failed.status).toBe('failed');
    expect(failed.steps.find((record) => record.id === 'pr')?.state).toBe('failed');
    expect((await onServer('dropped', stagingBefore)).pulls).toBe(1);
    const resumed = runOf(await runFlow(failed, deps));
    expect(resumed.status).toBe('completed');
    expect(await onServer('dropped', stagingBefore)).toEqual({ pulls: 1, merged: 1, merges: 1, branchExists: true });
  });

  it('resumes after a 502 that came after the write, to one PR, and says the failure was GitHub’s', async () => {
    const sha = pushCommit('development', 'bad-gateway');
    const stagingBefore = bareGit(['rev-parse', 'refs/heads/staging']);
    const deps = engine('bad-gateway');
    served.server.injectFault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/pulls',
      fault: { kind: 'status-after-write', status: 502 },
    });
    const failed = runOf(await runFlow(freezePlan('bad-gateway', sha), deps));
    const pr = failed.steps.find((record) => record.id === 'pr');
    expect(pr?.state).toBe('failed');
    expect(pr?.error?.code).toBe('NETWORK');
    expect(pr?.error?.message).toContain('GitHub answered 502');
    expect((await onServer('bad-gateway', stagingBefore)).pulls).toBe(1);
    const resumed = runOf(await runFlow(failed, deps));
    expect(resumed.status).toBe('completed');
    expect(await onServer('bad-gateway', stagingBefore)).toEqual({
      pulls: 1,
      merged: 1,
      merges: 1,
      branchExists: true,
    });
  });

  it('stops at the first step the token may not do, naming the permission, with nothing half-done', async () => {
    const sha = pushCommit('development', 'read-only');
    const stagingBefore = bareGit(['rev-parse', 'refs/heads/staging']);
    const readOnly = served.server.issueToken({ metadata: 'read', contents: 'write', pull_requests: 'read' });
    const client = createGitHubClient({ apiUrl: served.apiUrl, token: readOnly, retries: 0, writeSpacingMs: 0 });
    const deps = engine('read-only', { client });
    const failed = runOf(await runFlow(freezePlan('read-only', sha), deps));

    const pr = failed.steps.find((record) => record.id === 'pr');
    expect(failed.status).toBe('failed');
    expect(pr?.error?.code).toBe('PERMISSION_DENIED');
    expect(pr?.error?.message).toContain('Pull requests read and write');
    expect(await onServer('read-only', stagingBefore)).toMatchObject({ pulls: 0, merges: 0 });
    await abandonRun(failed.id, deps);
    expect(await lockIsFree()).toBe(true);
  });

  it('reports a conflict with the base as the reason the PR cannot merge, and merges nothing', async () => {
    // The clashing commit sits on a side branch, so development (which later tests freeze) stays clean.
    bareGit(['update-ref', 'refs/heads/clash-side', 'refs/heads/development']);
    const sha = pushCommit('clash-side', 'clash-side', 'CLASH.md', 'the side branch says yes\n');
    pushCommit('staging', 'clash-staging', 'CLASH.md', 'staging says no\n');
    const stagingBefore = bareGit(['rev-parse', 'refs/heads/staging']);
    const deps = engine('clash');
    const failed = runOf(await runFlow(freezePlan('clash', sha), deps));

    const wait = failed.steps.find((record) => record.id === 'wait');
    expect(wait?.state).toBe('failed');
    expect(wait?.error?.code).toBe('CONFLICT');
    expect(wait?.error?.message).toContain('conflicts with its base branch');
    expect(wait?.error?.message).toContain('then resume this run');
    expect(bareGit(['rev-parse', 'refs/heads/staging'])).toBe(stagingBefore);
    await abandonRun(failed.id, deps);
  });

  it('refuses to merge when the head moved after the wait, with a CONFLICT that says to look again', async () => {
    const sha = pushCommit('development', 'moved');
    const stagingBefore = bareGit(['rev-parse', 'refs/heads/staging']);
    const deps = engine('moved');
    const run = runOf(
      await runFlow(freezePlan('moved', sha), deps, {
        onStep: (record) => {
          if (record.id === 'wait' && record.state === 'done') pushCommit('release/moved', 'late-change');
        },
      }),
    );
    expect(run.status).toBe('failed');
    const merge = run.steps.find((record) => record.id === 'merge');
    expect(merge?.state).toBe('failed');
    expect(merge?.error?.code).toBe('CONFLICT');
    expect(merge?.error?.message).toMatch(/moved since it was reviewed.*Look at the PR again/s);
    expect(run.steps.find((record) => record.id === 'deploy')?.state).toBe('pending');
    expect(await onServer('moved', stagingBefore)).toMatchObject({ pulls: 1, merged: 0, merges: 0 });
    // The lock stays with the failed run until it is resumed or abandoned.
    expect(await lockIsFree()).toBe(false);
    const abandoned = await abandonRun(run.id, deps);
    expect(abandoned.status).toBe('abandoned');
    expect(await lockIsFree()).toBe(true);
    await expect(runFlow(abandoned, deps)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('ends the wait on a failed required check, listing it and what to do', async () => {
    const deps = engine('check');
    // A protected base of its own, so the other tests' staging stays unprotected.
    await octokit.git.createRef({ ...repo(), ref: 'refs/heads/qa', sha: bareGit(['rev-parse', 'refs/heads/staging']) });
    await octokit.repos.updateBranchProtection({
      ...repo(),
      branch: 'qa',
      required_status_checks: { strict: false, contexts: ['ci'] },
      enforce_admins: null,
      required_pull_request_reviews: null,
      restrictions: null,
    });
    const sha = pushCommit('development', 'check');
    await octokit.repos.createCommitStatus({ ...repo(), sha, state: 'failure', context: 'ci' });
    const plan = freezePlan('check', sha);
    plan.steps = plan.steps
      .filter((planned) => ['branch', 'pr', 'wait'].includes(planned.id))
      .map((planned) =>
        planned.step.kind === 'open-pr' ? { ...planned, step: { ...planned.step, base: 'qa' } } : planned,
      );
    const run = runOf(await runFlow(plan, deps));
    expect(run.status).toBe('failed');
    const wait = run.steps.find((record) => record.id === 'wait');
    expect(wait?.error?.code).toBe('CONFLICT');
    expect(wait?.error?.message).toMatch(/cannot be merged: Required check “ci” failed.*then resume this run/s);
  });

  it('refuses a second holder of the lock, here or on another machine, naming who holds it and since when', async () => {
    const deps = engine('locks', {});
    const since = new Date('2026-11-26T10:15:00Z');
    const first = createFlowLock({
      client: deps.client,
      repo: repo(),
      locksDir: join(root, 'locks'),
      projectId: 'practice',
      now: () => since,
    });
    await first.acquire({ runId: '20261126-101500-freeze-ab12', by: 'amara' });
    // The same run again is a resume.
    await expect(first.acquire({ runId: '20261126-101500-freeze-ab12', by: 'amara' })).resolves.toMatchObject({
      by: 'amara',
    });
    const here = first.acquire({ runId: '20261126-111500-promote-cd34', by: 'brian' });
    await expect(here).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(here).rejects.toThrow(/amara.*since 2026-11-26T10:15:00.000Z.*break the lock/s);

    const elsewhereDir = join(root, 'other-machine-locks');
    const elsewhere = createFlowLock({
      client: deps.client,
      repo: repo(),
      locksDir: elsewhereDir,
      projectId: 'practice',
    });
    const there = elsewhere.acquire({ runId: '20261126-111500-promote-cd34', by: 'brian' });
    await expect(there).rejects.toThrow(
      /on GitHub.*20261126-101500-freeze-ab12 by amara.*since 2026-11-26T10:15:00.000Z/s,
    );
    // The other machine's own half was given back, so only the real holder blocks anyone.
    expect(existsSync(join(elsewhereDir, 'practice.lock'))).toBe(false);
    expect((await elsewhere.state()).github?.by).toBe('amara');

    // A run that meets the lock fails at its first step and changes nothing else.
    const blocked = runOf(
      await runFlow(freezePlan('blocked', pushCommit('development', 'blocked')), engine('blocked')),
    );
    expect(blocked.steps[0]).toMatchObject({ state: 'failed', error: { code: 'CONFLICT' } });
    expect(bareGit(['for-each-ref', 'refs/heads/release/blocked'])).toBe('');

    expect(await elsewhere.breakLock()).toEqual({ local: false, github: true });
    expect(await first.breakLock()).toEqual({ local: true, github: false });
    expect(await lockIsFree()).toBe(true);
  });

  it('dry-runs without writing anything: no journal, no lock, no refs', async () => {
    const sha = pushCommit('development', 'dry');
    const deps = engine('dry');
    const refsBefore = bareGit(['for-each-ref', '--format=%(refname) %(objectname)']);
    const plan = freezePlan('dry', sha);
    const result = await runFlow(plan, deps, { dryRun: true });
    expect(result).toMatchObject({ kind: 'dry-run' });
    if (result.kind !== 'dry-run') return;
    expect(result.steps.map((planned) => planned.effects)).toEqual(plan.steps.map((planned) => planned.effects));
    expect(existsSync(deps.journal.dir) ? readdirSync(deps.journal.dir) : []).toEqual([]);
    expect(bareGit(['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(refsBefore);
    expect(await lockIsFree()).toBe(true);
  });
});
