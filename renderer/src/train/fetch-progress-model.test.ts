import { describe, expect, it } from 'vitest';
import { describeFetchProgress } from './fetch-progress-model';

describe('describeFetchProgress', () => {
  it('is indeterminate until git reports', () => {
    expect(describeFetchProgress(null)).toEqual({ label: 'Fetching from origin…', detail: null, percent: null });
  });

  it('puts the phases on one bar that never runs backwards', () => {
    const progress = (phase: string, percent: number) => ({ projectId: 'p', phase, percent });
    expect(describeFetchProgress(progress('receiving', 50))).toEqual({
      label: 'Fetching from origin… 45%',
      detail: 'receiving objects',
      percent: 45,
    });
    expect(describeFetchProgress(progress('resolving', 0)).percent).toBe(90);
    expect(describeFetchProgress(progress('writing', 130))).toMatchObject({ detail: 'writing', percent: 100 });
  });
});
