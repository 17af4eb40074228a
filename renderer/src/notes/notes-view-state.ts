import type { DraftView } from '../../../shared/domain/notes/draft';
import type { NotesWorkspaceView } from '../../../shared/domain/notes/notes-view';
import type { Envelope } from '../../../shared/ipc/api';
import type { IpcError } from '../../../shared/ipc/errors';
import { reuseUnchangedRows } from './draft-entries';
import { fieldOfError, type GenerateRequest } from './notes-options';

/** What the Notes screen is doing in the background, whatever it is showing. */
export type NotesActivity =
  | { kind: 'idle' }
  /** `notes.generate` is running; `since` is `Date.now()` when it started, for the elapsed time. */
  | { kind: 'generating'; since: number };

/**
 * The Notes screen: nothing yet (skeleton), an error in place of the notes, or the notes. A running
 * generation never hides notes that are already on screen; they stay until the new ones arrive.
 */
export type NotesView =
  | { status: 'loading'; activity: NotesActivity }
  | { status: 'failed'; error: IpcError; activity: NotesActivity }
  | { status: 'ready'; workspace: NotesWorkspaceView; activity: NotesActivity };

/** Whether the draft's edits have reached main. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: IpcError };

/** The view as a generation starts: same content, now generating. */
export function startGenerating(view: NotesView, now: number): NotesView {
  return { ...view, activity: { kind: 'generating', since: now } };
}

/**
 * The view once `notes.generate` answered. A refused version override keeps the notes on screen (they
 * are still right; the field says what was wrong); any other failure replaces them, since notes for
 * the old range next to a new From or To would mislead.
 */
export function settleGeneration(
  view: NotesView,
  result: Envelope<NotesWorkspaceView>,
  request: GenerateRequest,
): NotesView {
  const idle: NotesActivity = { kind: 'idle' };
  if (result.ok) return { status: 'ready', workspace: result.value, activity: idle };
  if (view.status === 'ready' && fieldOfError(result.error, request)?.field === 'version') {
    return { ...view, activity: idle };
  }
  return { status: 'failed', error: result.error, activity: idle };
}

/**
 * Takes what main sent back after a save (the same generation, rendered with the edit); ignored unless
 * notes are on screen. What did not change keeps its identity, so memoised parts skip re-rendering.
 */
export function withWorkspace(view: NotesView, workspace: NotesWorkspaceView): NotesView {
  if (view.status !== 'ready') return view;
  const sameGeneration = view.workspace.generatedAt === workspace.generatedAt;
  return {
    ...view,
    workspace: {
      ...workspace,
      notes: sameGeneration ? view.workspace.notes : workspace.notes,
      draft: reuseUnchangedRows(view.workspace.draft, workspace.draft),
    },
  };
}

/** Applies a local change to the draft on screen, before main has answered. */
export function withDraft(view: NotesView, change: (draft: DraftView) => DraftView): NotesView {
  if (view.status !== 'ready') return view;
  return { ...view, workspace: { ...view.workspace, draft: change(view.workspace.draft) } };
}
