import type { NotesWorkspaceView } from '../../../shared/domain/notes/notes-view';
import type { NotesOptions } from './notes-options';

/** What the Notes screen showed for a project: the notes and the fields they were made with. */
export interface CachedNotes {
  workspace: NotesWorkspaceView;
  options: NotesOptions;
}

/** Identifies what notes were made for: the project as added, and the config file in force. */
export interface NotesCacheKey {
  projectId: string;
  addedAt: string;
  configFile: string | null;
}

/**
 * Leaving the Notes screen unmounts it. Coming back shows the same notes and fields at once instead of
 * generating again (a large range takes seconds), and main still holds the same generation, so edits
 * keep working. Another config file can give other notes, so it is part of the key, as on the Train.
 */
const cache = new Map<string, CachedNotes>();

function keyOf({ projectId, addedAt, configFile }: NotesCacheKey): string {
  return JSON.stringify([projectId, addedAt, configFile]);
}

/** The cached notes for `key`, if there are any. */
export function readCachedNotes(key: NotesCacheKey): CachedNotes | null {
  return cache.get(keyOf(key)) ?? null;
}

/** Remembers the notes shown for `key`. */
export function writeCachedNotes(key: NotesCacheKey, entry: CachedNotes): void {
  cache.set(keyOf(key), entry);
}
