import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowPlan } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { createJournal } from './journal';

const plan: FlowPlan = {
  flow: 'freeze',
  projectId: 'practice',
  repository: 'hotosm-practice/tasking-manager',
  choices: { version: '2026.11.0' },
  steps: [
    {
      id: 'lock',
      title: 'Take the lock',
      step: { kind: 'acquire-lock' },
      effects: ['create lock'],
      destructive: false,
    },
    { id: 'unlock', title: 'Give the lock back', step: { kind: 'release-lock' }, effects: [], destructive: false },
  ],
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-desk-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the flow journal', () => {
  it('creates a run with a dated id, every step pending, and reads it back from its own file', async () => {
    const journal = createJournal(join(dir, 'runs'), { now: () => new Date('2026-11-26T10:15:00Z') });
    const run = await journal.create(plan, 'amara');
    expect(run.id).toMatch(/^20261126-101500-freeze-[0-9a-f]{4}$/);
    expect(run.steps.map((step) => [step.id, step.state])).toEqual([
      ['lock', 'pending'],
      ['unlock', 'pending'],
    ]);
    expect(readdirSync(join(dir, 'runs'))).toEqual([`${run.id}.json`]);
    expect(await journal.read(run.id)).toEqual(run);
  });

  it('replaces the file on update and leaves no temp file behind', async () => {
    let clock = Date.parse('2026-11-26T10:15:00Z');
    const journal = createJournal(dir, { now: () => new Date((clock += 1000)) });
    const run = await journal.create(plan, 'amara');
    const steps = run.steps.map((step, index) => (index === 0 ? { ...step, state: 'done' as const } : step));
    const updated = await journal.update({ ...run, steps });
    expect(updated.updatedAt > run.updatedAt).toBe(true);
    expect(readdirSync(dir)).toEqual([`${run.id}.json`]);
    expect(JSON.parse(readFileSync(join(dir, `${run.id}.json`), 'utf8')).steps[0].state).toBe('done');
  });

  it('lists runs newest first and reports unreadable files instead of throwing', async () => {
    let clock = Date.parse('2026-11-26T10:15:00Z');
    const journal = createJournal(dir, { now: () => new Date((clock += 60_000)) });
    const first = await journal.create(plan, 'amara');
    const second = await journal.create({ ...plan, flow: 'promote' }, 'amara');
    writeFileSync(join(dir, '20261126-000000-freeze-dead.json'), '{"id": "truncated');
    writeFileSync(join(dir, '.abc.tmp'), 'half a write');
    const listing = await journal.list();
    expect(listing.runs.map((run) => run.id)).toEqual([second.id, first.id]);
    expect(listing.unreadable).toHaveLength(1);
    expect(listing.unreadable[0]?.problem).toMatch(/not valid JSON/);
  });

  it('says NOT_FOUND for a missing run and refuses an id that is not one it made', async () => {
    const journal = createJournal(dir);
    await expect(journal.read('20261126-101500-freeze-ab12')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const traversal = journal.read('../../etc/passwd');
    await expect(traversal).rejects.toBeInstanceOf(AppError);
    await expect(traversal).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await createJournal(join(dir, 'missing')).list()).toEqual({ runs: [], unreadable: [] });
  });
});
