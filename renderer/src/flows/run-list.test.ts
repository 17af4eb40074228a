import { describe, expect, it } from 'vitest';
import type { FlowRun } from '../../../shared/domain/flows/flow-plan';
import { flowErrorAdvice } from './flow-error-advice';
import { mergeRuns, unfinishedRun } from './run-list';

const run = (
  id: string,
  projectId: string,
  status: FlowRun['status'],
  startedAt: string,
  updatedAt = startedAt,
): FlowRun => ({
  id,
  plan: { flow: 'freeze', projectId, repository: 'o/r', choices: {}, steps: [] },
  status,
  by: 'alice',
  startedAt,
  updatedAt,
  steps: [],
});

describe('the runs on screen', () => {
  const older = run('20261126-090000-freeze-aa11', 'p1', 'completed', '2026-11-26T09:00:00.000Z');
  const listed = run('20261126-100000-freeze-bb22', 'p1', 'running', '2026-11-26T10:00:00.000Z');

  it('takes newer events over the listed runs and adds runs started since, newest first', () => {
    const progressed = { ...listed, status: 'failed' as const, updatedAt: '2026-11-26T10:05:00.000Z' };
    const stale = { ...older, status: 'running' as const, updatedAt: '2026-11-26T08:00:00.000Z' };
    const started = run('20261126-110000-freeze-cc33', 'p1', 'running', '2026-11-26T11:00:00.000Z');
    const elsewhere = run('20261126-120000-freeze-dd44', 'p2', 'running', '2026-11-26T12:00:00.000Z');

    const merged = mergeRuns([listed, older], [progressed, stale, started, elsewhere], 'p1');
    expect(merged).toEqual([started, progressed, older]);
    // Without a project, every project's runs are kept.
    expect(mergeRuns([listed, older], [elsewhere]).map((one) => one.id)).toEqual([elsewhere.id, listed.id, older.id]);
  });

  it('offers the newest running or failed run to resume, never a finished one', () => {
    const failed = run('20261126-080000-freeze-ee55', 'p1', 'failed', '2026-11-26T08:00:00.000Z');
    expect(unfinishedRun([older, failed])).toBe(failed);
    expect(unfinishedRun([listed, failed])).toBe(listed);
    expect(unfinishedRun([older, { ...failed, status: 'abandoned' }])).toBeNull();
  });
});

describe('advice for a flow’s failures', () => {
  it('ends with the button that tries again, and knows the journal’s plain-string codes', () => {
    expect(flowErrorAdvice('CONFLICT', 'Start').next).toMatch(/break the lock/);
    expect(flowErrorAdvice('NETWORK', 'Resume').next).toBe(
      'Check your connection, then press Resume. Steps that already finished are not repeated.',
    );
    expect(flowErrorAdvice('GITHUB_NOT_CONNECTED', 'Check').next).toBe(
      'Open Settings → GitHub and paste a token for this host, then press Check.',
    );
    expect(flowErrorAdvice('SOMETHING_NEW', 'Resume')).toEqual({
      title: 'The flow could not go on',
      next: 'Press Resume. If it keeps failing, the detail above says what git or GitHub answered.',
    });
  });
});
