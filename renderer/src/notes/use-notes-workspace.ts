import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntryEdit } from '../../../shared/domain/notes/draft';
import type { Project } from '../../../shared/domain/project';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk } from '../lib/release-desk';
import { withEntryEdit, withEntryOrder } from './draft-entries';
import { readCachedNotes, writeCachedNotes } from './notes-cache';
import { checkOptions, fieldOfError, type FieldError, type GenerateRequest, type NotesOptions } from './notes-options';
import {
  settleGeneration,
  startGenerating,
  withDraft,
  withWorkspace,
  type NotesView,
  type SaveState,
} from './notes-view-state';

/** How long typing in the summary pauses before it is saved. */
const SUMMARY_SAVE_DELAY_MS = 600;

/** The Notes screen's state and the actions that change it. */
export interface NotesWorkspaceModel {
  view: NotesView;
  /** The field the last generation (or the check before it) found wrong. */
  fieldError: FieldError | null;
  save: SaveState;
  /** The summary as typed, which may be ahead of what main has saved. */
  summary: string;
  /** Checks the fields, then generates; edits still being typed are saved first. */
  generate: (options: NotesOptions) => void;
  editSummary: (text: string) => void;
  /** Saves the summary now instead of after the pause (on blur). */
  flushSummary: () => void;
  editEntry: (key: string, edit: EntryEdit) => void;
  reorder: (order: string[]) => void;
  /** Resolves once every edit made so far has reached main (copy and export wait for it). */
  settled: () => Promise<void>;
}

type DraftChanges = { summary?: string; edits?: Record<string, EntryEdit>; order?: string[] };

/**
 * Generates a project's notes and saves the draft's edits. Calls to main run one at a time, in the
 * order they were made, so a save made before Regenerate lands before it, and regeneration then finds
 * the edit in the draft. An answer to a generation that a newer one superseded is dropped.
 */
export function useNotesWorkspace(project: Project, initialOptions: NotesOptions): NotesWorkspaceModel {
  const { id: projectId, addedAt, configFile } = project;
  const cached = readCachedNotes({ projectId, addedAt, configFile });
  const [view, setView] = useState<NotesView>(() =>
    cached
      ? { status: 'ready', workspace: cached.workspace, activity: { kind: 'idle' } }
      : { status: 'loading', activity: { kind: 'generating', since: Date.now() } },
  );
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [summary, setSummary] = useState(cached?.workspace.draft.summary ?? '');

  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const generation = useRef(0);
  const pendingSaves = useRef(0);
  const batchFailure = useRef<IpcError | null>(null);
  /** The version whose draft edits go to: the one main generated last. */
  const version = useRef<string | null>(cached?.workspace.version.next ?? null);
  const appliedOptions = useRef<NotesOptions>(cached?.options ?? initialOptions);
  const unsavedSummary = useRef<string | null>(null);
  const summaryTimer = useRef<number | undefined>(undefined);

  const enqueue = useCallback((task: () => Promise<void>) => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
  }, []);

  const persist = useCallback(
    (changes: DraftChanges) => {
      const issuedIn = generation.current;
      // A new batch of saves starts clean: an old failure is not this batch's.
      if (pendingSaves.current === 0) batchFailure.current = null;
      pendingSaves.current += 1;
      setSave({ kind: 'saving' });
      enqueue(async () => {
        const target = version.current;
        const result =
          target === null
            ? null
            : await callReleaseDesk((api) => api.notes.saveDraft({ projectId, version: target, ...changes }));
        pendingSaves.current -= 1;
        if (result && !result.ok) batchFailure.current = result.error;
        // Only the last answer is shown: an earlier one lacks the edits still on their way (the row
        // would flicker back), and notes regenerated since this save was made are newer than it.
        if (result?.ok && pendingSaves.current === 0 && issuedIn === generation.current) {
          setView((current) => withWorkspace(current, result.value));
        }
        if (pendingSaves.current > 0) return;
        const failure = batchFailure.current;
        setSave(failure ? { kind: 'failed', error: failure } : { kind: 'saved' });
      });
    },
    [enqueue, projectId],
  );

  const flushSummary = useCallback(() => {
    window.clearTimeout(summaryTimer.current);
    const text = unsavedSummary.current;
    if (text === null) return;
    unsavedSummary.current = null;
    persist({ summary: text });
  }, [persist]);

  const editSummary = useCallback(
    (text: string) => {
      setSummary(text);
      unsavedSummary.current = text;
      window.clearTimeout(summaryTimer.current);
      summaryTimer.current = window.setTimeout(flushSummary, SUMMARY_SAVE_DELAY_MS);
    },
    [flushSummary],
  );

  /** Runs a checked request; the view already says it is generating. */
  const start = useCallback(
    (request: GenerateRequest, options: NotesOptions) => {
      generation.current += 1;
      const call = generation.current;
      enqueue(async () => {
        const result = await callReleaseDesk((api) => api.notes.generate({ projectId, ...request }));
        if (call !== generation.current) return;
        if (result.ok) {
          version.current = result.value.version.next;
          appliedOptions.current = options;
          // Also when the screen was left meanwhile: main now edits this generation, so coming back
          // must show it, not the one before.
          writeCachedNotes({ projectId, addedAt, configFile }, { workspace: result.value, options });
          // Text typed while it generated is kept, and saved to the new draft by its own timer.
          if (unsavedSummary.current === null) setSummary(result.value.draft.summary);
        } else {
          setFieldError(fieldOfError(result.error, request));
        }
        setView((current) => settleGeneration(current, result, request));
      });
    },
    [enqueue, projectId, addedAt, configFile],
  );

  const generate = useCallback(
    (options: NotesOptions) => {
      const check = checkOptions(options);
      if (!check.ok) {
        setFieldError(check.error);
        return;
      }
      flushSummary();
      setFieldError(null);
      setView((current) => startGenerating(current, Date.now()));
      start(check.request, options);
    },
    [flushSummary, start],
  );

  const editEntry = useCallback(
    (key: string, edit: EntryEdit) => {
      setView((current) => withDraft(current, (draft) => withEntryEdit(draft, key, edit)));
      persist({ edits: { [key]: edit } });
    },
    [persist],
  );

  const reorder = useCallback(
    (order: string[]) => {
      setView((current) => withDraft(current, (draft) => withEntryOrder(draft, order)));
      persist({ order });
    },
    [persist],
  );

  const settled = useCallback(async () => {
    flushSummary();
    await queue.current;
  }, [flushSummary]);

  // The first visit generates with the default fields (the view starts as generating); coming back
  // shows the cached notes, and later generations are the user's to start.
  const opening = useRef(cached === null ? checkOptions(initialOptions) : null);
  useEffect(() => {
    const check = opening.current;
    opening.current = null;
    if (check?.ok) start(check.request, initialOptions);
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Leaving the screen must not lose a summary still waiting for its pause.
  useEffect(() => () => flushSummary(), [flushSummary]);

  useEffect(() => {
    if (view.status === 'ready' && view.activity.kind === 'idle') {
      writeCachedNotes(
        { projectId, addedAt, configFile },
        { workspace: view.workspace, options: appliedOptions.current },
      );
    }
  }, [view, projectId, addedAt, configFile]);

  return { view, fieldError, save, summary, generate, editSummary, flushSummary, editEntry, reorder, settled };
}
