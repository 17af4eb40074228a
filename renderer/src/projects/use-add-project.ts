import { useCallback, useState } from 'react';
import type { AddProjectProgress, Project } from '../../../shared/domain/project';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk, releaseDeskApi } from '../lib/release-desk';

/** Where one attempt to add a project stands. */
export type AddProjectState =
  | { status: 'editing' }
  | { status: 'running'; progress: AddProjectProgress | null }
  | { status: 'failed'; error: IpcError };

/** The add-project action for the dialog. */
export interface AddProjectModel {
  state: AddProjectState;
  /** Adds `source`; resolves with the project, or null when it failed (the error is in `state`). */
  add: (source: string) => Promise<Project | null>;
  /** Shows an error that did not come from `projects.add` itself (e.g. an empty field). */
  fail: (error: IpcError) => void;
  /** Clears a shown error once the user edits the field again. */
  clearError: () => void;
}

/**
 * Runs `projects.add` and follows its `projects.addProgress` events. The operation id is ours, so the
 * events of this call are told apart from any other add in flight (another window, a reload).
 */
export function useAddProject(): AddProjectModel {
  const [state, setState] = useState<AddProjectState>({ status: 'editing' });

  const add = useCallback(async (source: string) => {
    const operationId = crypto.randomUUID();
    setState({ status: 'running', progress: null });
    // Subscribe before invoking: the first events can arrive before the call resolves.
    const unsubscribe =
      releaseDeskApi()?.on('projects.addProgress', (progress) => {
        if (progress.operationId !== operationId) return;
        setState((current) => (current.status === 'running' ? { status: 'running', progress } : current));
      }) ?? (() => {});
    try {
      const result = await callReleaseDesk((api) => api.projects.add({ source, operationId }));
      if (result.ok) {
        setState({ status: 'editing' });
        return result.value;
      }
      setState({ status: 'failed', error: result.error });
      return null;
    } finally {
      unsubscribe();
    }
  }, []);

  const fail = useCallback((error: IpcError) => setState({ status: 'failed', error }), []);
  const clearError = useCallback(
    () => setState((current) => (current.status === 'failed' ? { status: 'editing' } : current)),
    [],
  );

  return { state, add, fail, clearError };
}
