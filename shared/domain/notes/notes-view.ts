import type { DraftView } from './draft';
import type { ReleaseNotes } from './notes-model';

/** A suggested (or validated manual) next version, with the reason in words. */
export interface NextVersion {
  scheme: 'calver' | 'semver';
  /** The previous release's version, or null for a first release. */
  current: string | null;
  next: string;
  /** The tag the release will get, with the project's prefix. */
  tag: string;
  reason: string;
}

/** What the Notes screen shows: generated notes with the draft applied, and the rendered outputs. */
export interface NotesWorkspaceView {
  projectId: string;
  notes: ReleaseNotes;
  version: NextVersion;
  draft: DraftView;
  /** The GitHub release body as it would be published. */
  markdown: string;
  /** The CHANGELOG.md section, commitizen's shape. */
  changelog: string;
  /** Notes warnings plus any from rendering (e.g. the body limit). */
  warnings: string[];
  generatedAt: string;
}

/** The formats notes can be copied or exported in. */
export const NOTES_FORMATS = ['markdown', 'changelog', 'json'] as const;
/** One of {@link NOTES_FORMATS}. */
export type NotesFormat = (typeof NOTES_FORMATS)[number];
