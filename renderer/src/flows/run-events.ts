import { useSyncExternalStore } from 'react';
import type { FlowRun } from '../../../shared/domain/flows/flow-plan';
import { releaseDeskApi } from '../lib/release-desk';

/**
 * The runs `flows.progress` announced while this window was open, newest event per run. One
 * subscription for the window's life (started by the first screen that needs it, never dropped), so a
 * run whose wizard was closed keeps its state for the Train banner and the Activity screen, and a run
 * seen running here is known to be live rather than left over from a crash.
 */
const seen = new Map<string, FlowRun>();
const listeners = new Set<() => void>();
/** A new array after each event and the same one between events, as `useSyncExternalStore` needs. */
let snapshot: readonly FlowRun[] = [];
let subscribed = false;

function ensureSubscribed(): void {
  if (subscribed) return;
  const api = releaseDeskApi();
  if (!api) return;
  subscribed = true;
  api.on('flows.progress', (run) => {
    const known = seen.get(run.id);
    if (known && known.updatedAt > run.updatedAt) return;
    seen.set(run.id, run);
    snapshot = [...seen.values()];
    for (const listener of listeners) listener();
  });
}

function subscribe(listener: () => void): () => void {
  ensureSubscribed();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts following `flows.progress` (if nothing did yet); call before starting a run. */
export function followRunEvents(): void {
  ensureSubscribed();
}

/** The runs seen in progress events so far; re-renders the caller when another event arrives. */
export function useSeenRuns(): readonly FlowRun[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** True when this window saw `run` running and has not seen it end: it is live, not interrupted. */
export function isLiveRun(run: FlowRun): boolean {
  return seen.get(run.id)?.status === 'running' && run.status === 'running';
}
