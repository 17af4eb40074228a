import { useCallback, useEffect, useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk } from '../lib/release-desk';

/** What the project list is doing right now. */
export type ProjectsState =
  { status: 'loading' } | { status: 'failed'; error: IpcError } | { status: 'ready'; projects: Project[] };

/** The project list and a way to reload it. */
export interface ProjectsModel {
  state: ProjectsState;
  /**
   * Fetches the list again. A list already on screen stays there while the new one loads, so adding or
   * removing a project never flashes the skeleton; only a failed first load goes back to `loading`.
   */
  reload: () => Promise<void>;
}

/** Loads the project list through `projects.list` and keeps it in state. */
export function useProjects(): ProjectsModel {
  const [state, setState] = useState<ProjectsState>({ status: 'loading' });

  const reload = useCallback(async () => {
    setState((previous) => (previous.status === 'failed' ? { status: 'loading' } : previous));
    const result = await callReleaseDesk((api) => api.projects.list({}));
    setState(result.ok ? { status: 'ready', projects: result.value } : { status: 'failed', error: result.error });
  }, []);

  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.projects.list({})).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', projects: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, []);

  return { state, reload };
}
