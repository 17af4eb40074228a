import { describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/project';
import {
  practiceProgressLabel,
  settlePracticeRun,
  startPracticeRun,
  withPracticeProgress,
  type PracticeRunState,
} from './practice-run-model';

const project = { id: 'practice.localhost/hotosm-practice/tasking-manager' } as Project;

describe('practice run state', () => {
  it('follows only the progress of its own operation', () => {
    const running = startPracticeRun('open', 'op-1');
    expect(running).toEqual({ status: 'running', action: 'open', operationId: 'op-1', progress: null });
    const cloning = { operationId: 'op-1', stage: 'cloning' as const, percent: 40, detail: 'receiving' };
    expect(withPracticeProgress(running, cloning)).toMatchObject({ progress: cloning });
    expect(withPracticeProgress(running, { ...cloning, operationId: 'op-2' })).toBe(running);
  });

  it('ignores progress that arrives once the run has ended', () => {
    const idle: PracticeRunState = { status: 'idle' };
    expect(withPracticeProgress(idle, { operationId: 'op-1', stage: 'saving' })).toBe(idle);
  });

  it('settles to idle on success and keeps the action with a failure', () => {
    const running = startPracticeRun('reset', 'op-1');
    expect(settlePracticeRun(running, { ok: true, value: project })).toEqual({ status: 'idle' });
    const error = { code: 'CONFLICT' as const, message: 'A reset is already running.' };
    expect(settlePracticeRun(running, { ok: false, error })).toEqual({ status: 'failed', action: 'reset', error });
  });

  it('names the progress bar after the action', () => {
    expect(practiceProgressLabel('open')).toBe('Setting up the practice project');
    expect(practiceProgressLabel('reset')).toBe('Resetting the practice project');
  });
});
