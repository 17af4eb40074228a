import { z } from 'zod';
import type { NotesEntry } from './notes-model';

/** A person's change to one entry. Absent fields mean "as generated". */
export const entryEditSchema = z
  .object({
    title: z.string().max(500).optional(),
    hidden: z.boolean().optional(),
  })
  .strict();

/** What is remembered of an entry, so one that vanishes on regeneration can still be shown. */
const entrySnapshotSchema = z.object({ title: z.string(), category: z.string(), pr: z.number().nullable() }).strict();

/**
 * A notes draft: the edits people made to generated notes for one project and target version. It holds
 * only edits and what was known at the last generation, never the notes themselves, so regenerating
 * cannot overwrite it.
 */
export const notesDraftSchema = z
  .object({
    summary: z.string().max(20_000).default(''),
    /** Edits keyed by entry key (`pr:N` or `commit:<sha>`). */
    edits: z.record(z.string(), entryEditSchema).default({}),
    /** Entry keys in the order people arranged them; new entries follow. */
    order: z.array(z.string()).default([]),
    /** Every entry key and its last-known look at the last generation. */
    known: z.record(z.string(), entrySnapshotSchema).default({}),
    updatedAt: z.string().default(''),
  })
  .strict();

/** See {@link notesDraftSchema}. */
export type NotesDraft = z.infer<typeof notesDraftSchema>;
/** See {@link entryEditSchema}. */
export type EntryEdit = z.infer<typeof entryEditSchema>;

/** One entry as the Notes screen shows it: generated, with the draft's edits applied. */
export interface DraftEntry {
  entry: NotesEntry;
  /** The title to publish: the edited one, else the generated one. */
  title: string;
  edited: boolean;
  hidden: boolean;
  /** Appeared since the draft was last saved. */
  isNew: boolean;
}

/** An entry the draft knew that the latest generation no longer has. */
export interface VanishedEntry {
  key: string;
  title: string;
  category: string;
  pr: number | null;
}

/** Generated notes with a draft applied. */
export interface DraftView {
  summary: string;
  entries: DraftEntry[];
  vanished: VanishedEntry[];
}

/** An empty draft. */
export function emptyDraft(): NotesDraft {
  return { summary: '', edits: {}, order: [], known: {}, updatedAt: '' };
}

/**
 * Applies a draft to freshly generated entries. Edits survive by key; the draft's order is kept and new
 * entries follow it in generated order, marked new; entries the draft knew that are gone are listed as
 * vanished rather than silently dropped. A draft that has never been saved marks nothing as new.
 */
export function applyDraft(entries: readonly NotesEntry[], draft: NotesDraft): DraftView {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const fresh = Object.keys(draft.known).length === 0;
  const ordered = [
    ...draft.order.filter((key) => byKey.has(key)),
    ...entries.map((entry) => entry.key).filter((key) => !draft.order.includes(key)),
  ];
  return {
    summary: draft.summary,
    entries: ordered.map((key) => {
      const entry = byKey.get(key) as NotesEntry;
      const edit = draft.edits[key] ?? {};
      return {
        entry,
        title: edit.title ?? entry.title,
        edited: edit.title !== undefined && edit.title !== entry.title,
        hidden: edit.hidden === true,
        isNew: !fresh && !(key in draft.known),
      };
    }),
    vanished: Object.entries(draft.known)
      .filter(([key]) => !byKey.has(key))
      .map(([key, snapshot]) => ({ key, ...snapshot, title: draft.edits[key]?.title ?? snapshot.title })),
  };
}

/**
 * The draft to store after a generation or an edit: the given edits, with `known` updated to the
 * current entries (vanished ones are kept in `known` so they stay visible until someone dismisses them).
 */
export function rememberEntries(draft: NotesDraft, entries: readonly NotesEntry[], now: Date): NotesDraft {
  const known = { ...draft.known };
  for (const entry of entries) known[entry.key] = { title: entry.title, category: entry.category, pr: entry.pr };
  return { ...draft, known, updatedAt: now.toISOString() };
}

/**
 * The entries to publish: visible ones, in draft order, with edited titles. An edited title also
 * becomes the changelog description (without its `type(scope):` prefix).
 */
export function publishedEntries(view: DraftView): NotesEntry[] {
  return view.entries
    .filter((item) => !item.hidden)
    .map((item) =>
      item.edited
        ? { ...item.entry, title: item.title, description: item.title.replace(/^\w+(\([^)]*\))?!?:\s*/, '') }
        : item.entry,
    );
}
