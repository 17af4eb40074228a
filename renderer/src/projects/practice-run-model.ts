import type { AddProjectProgress, Project } from '../../../shared/domain/project';
import type { Envelope } from '../../../shared/ipc/api';
import type { IpcError } from '../../../shared/ipc/errors';

/** What is done to the practice project: set it up (or find it), or rebuild it from scratch. */
export type PracticeAction = 'open' | 'reset';

/** Where one practice action stands. */
export type PracticeRunState =
  | { status: 'idle' }
  | {
      status: 'running';
      action: PracticeAction;
      /** Ours, so this call's `projects.addProgress` events are told apart from any other add. */
      operationId: string;
      progress: AddProjectProgress | null;
    }
  | { status: 'failed'; action: PracticeAction; error: IpcError };

/** The state as a practice action starts: no progress reported yet. */
export function startPracticeRun(action: PracticeAction, operationId: string): PracticeRunState {
  return { status: 'running', action, operationId, progress: null };
}

/** Applies one progress event; events of other operations, or arriving after the end, are ignored. */
export function withPracticeProgress(state: PracticeRunState, progress: AddProjectProgress): PracticeRunState {
  if (state.status !== 'running' || progress.operationId !== state.operationId) return state;
  return { ...state, progress };
}

/** The state once `practice.open` / `practice.reset` answered: idle again, or the failure to show. */
export function settlePracticeRun(state: PracticeRunState, result: Envelope<Project>): PracticeRunState {
  if (result.ok) return { status: 'idle' };
  const action = state.status === 'idle' ? 'open' : state.action;
  return { status: 'failed', action, error: result.error };
}

/** The progress bar's accessible name for an action. */
export function practiceProgressLabel(action: PracticeAction): string {
  return action === 'open' ? 'Setting up the practice project' : 'Resetting the practice project';
}
