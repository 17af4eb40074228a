import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowPlan, FlowRun } from '../../../shared/domain/flows/flow-plan';
import { createGitHubClient } from '../../services/github/github-client';
import { approveStep } from '../planners/planned-steps';
import type { EngineDeps } from './engine-deps';
import { createFlowLock } from './flow-lock';
import { approveStepOf, runFlow } from './flow-runner';
import { createJournal, type FlowJournal } from './journal';

// A plan of approve steps only: the runner stops at each until a person approves it. Nothing here talks
// to GitHub (the client points at a closed port and is never called); the journal is real files.
let dir: string;
let journal: FlowJournal;
let deps: EngineDeps;

const plan: FlowPlan = {
  flow: 'release',
  projectId: 'hotosm-practice/tasking-manager',
  repository: 'hotosm-practice/tasking-manager',
  choices: { version: '2026.11.0' },
  steps: [
    approveStep('review', {
      title: 'Review the draft release v2026.11.0, then publish it',
      subject: 'the draft release v2026.11.0',
      action: 'Publish v2026.11.0',
      link: 'https://github.test/releases/1',
    }),
    approveStep('second-look', { title: 'Look again', subject: 'the release', action: 'Go on' }),
  ],
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-desk-approval-'));
  journal = createJournal(join(dir, 'runs'));
  const client = createGitHubClient({ apiUrl: 'http://127.0.0.1:9', token: 'unused', retries: 0 });
  const repo = { owner: 'hotosm-practice', repo: 'tasking-manager' };
  deps = {
    client,
    repo,
    cloneDir: dir,
    hooksDir: dir,
    journal,
    lock: createFlowLock({ client, repo, locksDir: join(dir, 'locks'), projectId: 'p' }),
  };
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function started(): Promise<FlowRun> {
  const result = await runFlow(plan, deps, { by: 'mira@laptop' });
  if (result.kind !== 'run') throw new Error('expected a run');
  return result.run;
}

describe('approve steps', () => {
  it('stop the run, waiting, at the first unapproved step, and the journal says so', async () => {
    const run = await started();
    expect(run.status).toBe('waiting');
    expect(run.steps.map((record) => record.state)).toEqual(['pending', 'pending']);
    expect((await journal.read(run.id)).status).toBe('waiting');
    // Resuming without an approval waits again and approves nothing.
    const again = await runFlow(run, deps);
    expect(again.kind === 'run' && again.run.status).toBe('waiting');
    expect((await journal.read(run.id)).approvals).toBeUndefined();
  });

  it('go on once approved, recording who approved, and stop at the next approval', async () => {
    const run = await started();
    const approved = await approveStepOf(run.id, 'review', 'sam@desk', {
      journal,
      now: () => new Date('2026-11-26T10:00:00Z'),
    });
    expect(approved.approvals).toEqual({ review: { by: 'sam@desk', at: '2026-11-26T10:00:00.000Z' } });
    const result = await runFlow(approved, deps);
    if (result.kind !== 'run') throw new Error('expected a run');
    expect(result.run.status).toBe('waiting');
    expect(result.run.steps[0]).toMatchObject({
      state: 'done',
      outputs: { by: 'sam@desk', at: '2026-11-26T10:00:00.000Z' },
    });
    expect(result.run.steps[1]?.state).toBe('pending');
  });

  it('refuse an approval of a step the run is not waiting at, or of a step that is no approval', async () => {
    const run = await started();
    await expect(approveStepOf(run.id, 'second-look', 'sam', { journal })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is not waiting for “Look again”'),
    });
    await expect(approveStepOf(run.id, 'nope', 'sam', { journal })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
    expect((await journal.read(run.id)).approvals).toBeUndefined();
  });

  it('are approved up front by approveAll (the command line’s --publish) and the run completes', async () => {
    const result = await runFlow(plan, deps, { by: 'ci@runner', approveAll: true });
    if (result.kind !== 'run') throw new Error('expected a run');
    expect(result.run.status).toBe('completed');
    expect(Object.keys(result.run.approvals ?? {})).toEqual(['review', 'second-look']);
    expect(result.run.approvals?.['review']?.by).toBe('ci@runner');
  });
});
