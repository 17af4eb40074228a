import { describe, expect, it } from 'vitest';
import { fillOutputs, type StepRecord } from './flow-plan';

const record = (id: string, outputs: Record<string, string>): StepRecord => ({
  id,
  state: 'done',
  startedAt: null,
  endedAt: null,
  outputs,
  error: null,
});

describe('fillOutputs', () => {
  it('fills in what earlier steps produced and leaves the rest as placeholders', () => {
    const steps = [record('pr', { number: '24' }), record('merge', {})];
    expect(fillOutputs('Merge PR #<pr.number> at <merge.sha>', steps)).toBe('Merge PR #24 at <merge.sha>');
    expect(fillOutputs('Merge PR #<pr.number>', [])).toBe('Merge PR #<pr.number>');
  });
});
