import { describe, expect, it } from 'vitest';
import type { TrainReport } from '../../../shared/ipc/contract';
import { settle, startActivity, withFetchProgress, withProblem, type TrainView } from './train-view-state';

const report = (fetchError: string | null = null) => ({ fetchError }) as unknown as TrainReport;
const now = new Date('2026-03-10T12:00:00Z');
const options = {
  fetched: true,
  onError: 'keep' as const,
  problemTitle: 'Could not refresh the train.',
  now,
  fallbackFetchedAt: '2026-03-10T11:59:00.000Z',
};
const ready: TrainView = {
  status: 'ready',
  report: report(),
  fetchedAt: '2026-03-10T11:00:00.000Z',
  activity: { kind: 'idle' },
  problem: null,
};
const failure = { ok: false as const, error: { code: 'INTERNAL' as const, message: 'Boom.' } };

describe('the Train view state', () => {
  it('keeps the status on screen while a call runs, and takes progress only while fetching', () => {
    const fetching = startActivity(ready, { kind: 'fetching', progress: null });
    expect(fetching).toMatchObject({ status: 'ready', report: ready.report, activity: { kind: 'fetching' } });
    const progress = { projectId: 'p', phase: 'receiving', percent: 10 };
    expect(withFetchProgress(fetching, progress).activity).toEqual({ kind: 'fetching', progress });
    expect(withFetchProgress(ready, progress)).toBe(ready);
  });

  it('records the fetch time only when the fetch succeeded', () => {
    expect(settle(ready, { ok: true, value: report() }, options)).toMatchObject({ fetchedAt: now.toISOString() });
    expect(settle(ready, { ok: true, value: report('Offline.') }, options)).toMatchObject({
      fetchedAt: ready.fetchedAt,
    });
    const first = settle(
      { status: 'loading', activity: { kind: 'reading' } },
      { ok: true, value: report() },
      {
        ...options,
        fetched: false,
      },
    );
    expect(first).toMatchObject({ status: 'ready', fetchedAt: options.fallbackFetchedAt });
  });

  it('keeps the status under a failed refresh, but replaces it when asked (a new config)', () => {
    expect(settle(ready, failure, options)).toMatchObject({
      status: 'ready',
      problem: { title: 'Could not refresh the train.', error: failure.error },
    });
    expect(settle(ready, failure, { ...options, onError: 'replace' })).toEqual({
      status: 'failed',
      error: failure.error,
      activity: { kind: 'idle' },
    });
    expect(
      withProblem({ status: 'loading', activity: { kind: 'reading' } }, { title: 'x', error: failure.error }),
    ).toEqual({ status: 'failed', error: failure.error, activity: { kind: 'idle' } });
  });
});
