import { useCallback, useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import { callReleaseDesk, releaseDeskApi } from '../lib/release-desk';
import {
  settlePracticeRun,
  startPracticeRun,
  withPracticeProgress,
  type PracticeAction,
  type PracticeRunState,
} from './practice-run-model';

/** A practice action for a screen or dialog, with its progress. */
export interface PracticeRunModel {
  state: PracticeRunState;
  /** Runs `practice.open` or `practice.reset`; resolves the project, or null when it failed (see `state`). */
  run: (action: PracticeAction) => Promise<Project | null>;
  /** Hides a shown failure. */
  dismiss: () => void;
}

/**
 * Runs `practice.open` / `practice.reset` and follows the `projects.addProgress` events main emits while
 * it builds the sandbox and clones it, exactly as adding a project does.
 */
export function usePracticeRun(): PracticeRunModel {
  const [state, setState] = useState<PracticeRunState>({ status: 'idle' });

  const run = useCallback(async (action: PracticeAction) => {
    const operationId = crypto.randomUUID();
    const started = startPracticeRun(action, operationId);
    setState(started);
    // Subscribe before invoking: the first events can arrive before the call resolves.
    const unsubscribe =
      releaseDeskApi()?.on('projects.addProgress', (progress) =>
        setState((current) => withPracticeProgress(current, progress)),
      ) ?? (() => {});
    try {
      const result = await callReleaseDesk((api) =>
        action === 'open' ? api.practice.open({ operationId }) : api.practice.reset({ operationId }),
      );
      setState((current) => settlePracticeRun(current.status === 'running' ? current : started, result));
      return result.ok ? result.value : null;
    } finally {
      unsubscribe();
    }
  }, []);

  const dismiss = useCallback(
    () => setState((current) => (current.status === 'failed' ? { status: 'idle' } : current)),
    [],
  );

  return { state, run, dismiss };
}
