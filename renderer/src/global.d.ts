import type { ReleaseDeskApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /**
     * The typed contract API: exposed by the preload's `contextBridge` in Electron, and by the e2e
     * bridge script in a plain browser. It is the renderer's only way to reach the main process.
     */
    readonly releaseDesk: ReleaseDeskApi | undefined;
  }
}

export {};
