import { describe, expect, it } from 'vitest';
import { describeAddProgress } from './add-progress-model';

const event = (
  stage: 'checking' | 'cloning' | 'saving' | 'done',
  extra: { percent?: number; detail?: string } = {},
) => ({
  operationId: 'op-1',
  stage,
  ...extra,
});

describe('describeAddProgress', () => {
  it('is indeterminate until the clone reports', () => {
    expect(describeAddProgress(null)).toMatchObject({ label: 'Checking…', percent: null });
    expect(describeAddProgress(event('checking'))).toMatchObject({ label: 'Checking…', percent: null });
  });

  it('shows what the practice sandbox reports while it is being built', () => {
    expect(describeAddProgress(event('checking', { detail: 'Merged #4 Freeze: development → staging' }))).toEqual({
      label: 'Checking…',
      detail: 'Merged #4 Freeze: development → staging',
      percent: null,
    });
    expect(
      describeAddProgress(event('checking', { detail: 'Merged #4 Freeze: development → staging', percent: 40 })),
    ).toEqual({
      label: 'Building the practice history… 40%',
      detail: 'Merged #4 Freeze: development → staging',
      percent: 40,
    });
  });

  it('maps git phases onto one bar that never runs backwards', () => {
    const received = describeAddProgress(event('cloning', { percent: 100, detail: 'receiving' }));
    const receiving = describeAddProgress(event('cloning', { percent: 50, detail: 'receiving' }));
    const resolving = describeAddProgress(event('cloning', { percent: 0, detail: 'resolving' }));
    expect(receiving).toEqual({ label: 'Cloning… 45%', detail: 'receiving objects', percent: 45 });
    expect(received.percent).toBe(90);
    expect(resolving.percent).toBe(90);
    expect(describeAddProgress(event('cloning', { percent: 100, detail: 'resolving' })).percent).toBe(100);
  });

  it('shows an unknown phase as git reported it, clamped to 0–100', () => {
    expect(describeAddProgress(event('cloning', { percent: 140, detail: 'writing' }))).toEqual({
      label: 'Cloning… 100%',
      detail: 'writing',
      percent: 100,
    });
  });

  it('fills the bar while saving', () => {
    expect(describeAddProgress(event('saving'))).toMatchObject({ label: 'Saving…', percent: 100 });
  });
});
