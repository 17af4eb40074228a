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
import { planHotfix } from '../planners/plan-hotfix';
import { literalFacts } from '../planners/testing/literal-facts';
import type { EngineDeps, StepContext } from './engine-deps';
import { createFlowLock } from './flow-lock';
import { runFlow } from './flow-runner';
import { createJournal } from './journal';
import { executeStep } from './step-executors';

// The step asks the GitHub-compatible server's comparison; "the user's push" is a commit written
// into the server's bare repository while the step sleeps between two looks.
let fixture: GitHubServerFixture;
let validator: OpenApiResponseValidator;
let staging: string;

beforeAll(async () => {
  validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  staging = fixture.bareGit(['rev-parse', 'main']);
  fixture.bareGit(['update-ref', 'refs/heads/staging', staging]);
}, 60_000);

afterAll(async () => {
  await fixture?.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

/**
 * Engine deps whose clock moves only when a step sleeps: `onSleep` runs at each pause (to push),
 * and the deadline comes after `waitTimeoutMs` of sleeping, however fast the machine.
 */
function engine(name: string, onSleep: (count: number) => void = () => undefined) {
  const client = createGitHubClient({
    apiUrl: fixture.server.apiUrl,
    token: fixture.server.token,
    retries: 0,
    writeSpacingMs: 0,
  });
  attachOpenApiValidation(client, validator);
  let clock = Date.parse('2026-11-26T10:15:00Z');
  const sleeps: number[] = [];
  const deps: EngineDeps = {
    client,
    repo: repo(),
    cloneDir: join(fixture.root, name, 'clone'),
    hooksDir: join(fixture.root, name, 'hooks'),
    journal: createJournal(join(fixture.root, name, 'runs')),
    lock: createFlowLock({ client, repo: repo(), locksDir: join(fixture.root, name, 'locks'), projectId: name }),
    now: () => new Date(clock),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
      onSleep(sleeps.length);
    },
    pollIntervalMs: 10_000,
    waitTimeoutMs: 20_000,
  };
  return { deps, sleeps };
}

function contextFor(deps: EngineDeps, step: FlowStep, signal?: AbortSignal): StepContext {
  const run: FlowRun = {
    id: '20261126-101500-hotfix-ab12',
    plan: { flow: 'hotfix', projectId: 'app', repository: 'o/r', choices: {}, steps: [] },
    status: 'running',
    by: 'amara',
    startedAt: '2026-11-26T10:15:00.000Z',
    updatedAt: '2026-11-26T10:15:00.000Z',
    steps: [],
  };
  const planned = { id: 'wait-fix', title: 'Wait for your fix', step, effects: [], destructive: false };
  return { deps, run, planned, ...(signal ? { signal } : {}) };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

const branchAt = (branch: string, sha: string) => fixture.bareGit(['update-ref', `refs/heads/${branch}`, sha]);

describe('wait-commits', () => {
  it('waits until the branch has a commit its base lacks, then outputs it', async () => {
    branchAt('hotfix/pushed', staging);
    let pushed = '';
    const { deps, sleeps } = engine('pushed', (count) => {
      if (count === 1) pushed = fixture.commitOn('hotfix/pushed', 'app/fix.py', 'fixed = True\n', 'fix: the crash');
    });
    const outputs = await executeStep(
      contextFor(deps, { kind: 'wait-commits', branch: 'hotfix/pushed', base: 'staging' }),
    );
    expect(outputs).toEqual({ headSha: pushed, ahead: '1' });
    // The first look found nothing; the second, after the push, found it.
    expect(sleeps).toEqual([10_000]);
  });

  it('is done at once when the fix is already there (a resumed run)', async () => {
    const fix = fixture.commitOn('hotfix/ready', 'ready.txt', 'ready\n', 'fix: ready', 'staging');
    const { deps, sleeps } = engine('ready');
    expect(
      await executeStep(contextFor(deps, { kind: 'wait-commits', branch: 'hotfix/ready', base: 'staging' })),
    ).toEqual({
      headSha: fix,
      ahead: '1',
    });
    expect(sleeps).toEqual([]);
  });

  it('gives up at the deadline with CANCELLED, naming the push to make', async () => {
    branchAt('hotfix/idle', staging);
    const { deps, sleeps } = engine('idle');
    const error = await failureOf(
      executeStep(contextFor(deps, { kind: 'wait-commits', branch: 'hotfix/idle', base: 'staging' })),
    );
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toContain(
      'Push your fix to hotfix/idle (git push origin hotfix/idle), then resume this run.',
    );
    // Looks at 0, 10 and 20 s of the clock: the last one is at the deadline.
    expect(sleeps).toEqual([10_000, 10_000]);
  });

  it('stops with CANCELLED when the run is stopped while it waits', async () => {
    branchAt('hotfix/stopped', staging);
    const controller = new AbortController();
    const { deps } = engine('stopped');
    // The user presses Stop while the step sleeps: the sleep rejects, as a real timer does on abort.
    const failing: EngineDeps = {
      ...deps,
      sleep: async (_ms, signal) => {
        controller.abort();
        if (signal?.aborted) throw new Error('aborted');
      },
    };
    const error = await failureOf(
      executeStep(
        contextFor(failing, { kind: 'wait-commits', branch: 'hotfix/stopped', base: 'staging' }, controller.signal),
      ),
    );
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toContain('Stopped during “Wait for your fix”');
  });

  it('refuses a branch name git would not take, before asking GitHub', async () => {
    const { deps } = engine('bad-name');
    const error = await failureOf(
      executeStep(contextFor(deps, { kind: 'wait-commits', branch: '-x', base: 'staging' })),
    );
    expect(error.code).toBe('INVALID_ARGUMENTS');
  });
});

describe('a hotfix without cherry-picks', () => {
  it('opens its PR only after the user’s push, and merges it', async () => {
    const facts = {
      ...literalFacts({ repository: repo(), heads: { staging } }),
      deployWorkflows: {},
    };
    const plan = planHotfix(facts, { name: 'by-hand', from: 'staging' });
    let fix = '';
    const { deps } = engine('by-hand', (count) => {
      if (count === 1) fix = fixture.commitOn('hotfix/by-hand', 'app/by-hand.py', 'ok = True\n', 'fix: by hand');
    });
    const result = await runFlow(plan, deps, { by: 'amara' });
    if (result.kind !== 'run') throw new Error('expected a run');
    expect(result.run.status).toBe('completed');
    const outputs = Object.fromEntries(result.run.steps.map((record) => [record.id, record.outputs]));
    expect(outputs['wait-fix']).toEqual({ headSha: fix, ahead: '1' });
    expect(outputs.wait?.headSha).toBe(fix);
    const pulls = await fixture.octokit.rest.pulls.list({
      ...repo(),
      state: 'all',
      head: `${fixture.owner}:hotfix/by-hand`,
    });
    expect(pulls.data.map((pull) => [pull.base.ref, Boolean(pull.merged_at)])).toEqual([['staging', true]]);
    expect(fixture.bareGit(['merge-base', '--is-ancestor', fix, 'refs/heads/staging'])).toBe('');
  });
});
