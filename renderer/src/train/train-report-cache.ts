import type { TrainReport } from '../../../shared/ipc/contract';

/** The last status shown for a project, kept for this window's lifetime. */
export interface CachedTrainReport {
  report: TrainReport;
  fetchedAt: string | null;
}

/** Identifies what a status was computed for: the project as added, and the config file in force. */
export interface TrainCacheKey {
  projectId: string;
  addedAt: string;
  configFile: string | null;
}

/**
 * Leaving the Train screen (for Projects, say) unmounts it. Coming back shows the last status at once
 * instead of a skeleton, then refreshes it if it is old. A project removed and added again has a new
 * `addedAt`, and another config file gives another status, so both are part of the key.
 */
const cache = new Map<string, CachedTrainReport>();

function keyOf({ projectId, addedAt, configFile }: TrainCacheKey): string {
  return JSON.stringify([projectId, addedAt, configFile]);
}

/** The cached status for `key`, if there is one. */
export function readCachedReport(key: TrainCacheKey): CachedTrainReport | null {
  return cache.get(keyOf(key)) ?? null;
}

/** Remembers the status shown for `key`. */
export function writeCachedReport(key: TrainCacheKey, entry: CachedTrainReport): void {
  cache.set(keyOf(key), entry);
}

/** How long a fetch counts as recent: coming back within it does not fetch again. */
export const RECENT_FETCH_MS = 2 * 60_000;

/** True when `fetchedAt` is within {@link RECENT_FETCH_MS} of `now`. */
export function isRecentFetch(fetchedAt: string | null, now: Date): boolean {
  return fetchedAt !== null && now.getTime() - new Date(fetchedAt).getTime() < RECENT_FETCH_MS;
}
