import type { AddProjectProgress } from '../../../shared/domain/project';
import { assertNever } from '../lib/assert-never';

/** What the add dialog shows for one progress event. */
export interface ProgressView {
  /** "Checking…", "Cloning… 42%", "Saving…". */
  label: string;
  /** Git's phase in plain words, when it gave one. */
  detail: string | null;
  /** 0–100 for the bar, or null while the amount of work is unknown (an indeterminate bar). */
  percent: number | null;
}

/**
 * Git reports each clone phase from 0 to 100 on its own, so showing its number directly would make the
 * bar run backwards between phases. Each phase gets a slice of one overall bar instead; receiving the
 * objects is nearly all of the wait on a real network. (The server's own "remote:" counting and
 * compressing lines are not passed on by the git service.)
 */
const CLONE_PHASES: Record<string, { from: number; to: number; words: string }> = {
  receiving: { from: 0, to: 90, words: 'receiving objects' },
  resolving: { from: 90, to: 100, words: 'resolving deltas' },
};

function clamp(percent: number): number {
  return Math.max(0, Math.min(100, Math.round(percent)));
}

/** Turns one `projects.addProgress` event (or none yet) into what the dialog shows. */
export function describeAddProgress(progress: AddProjectProgress | null): ProgressView {
  if (!progress) return { label: 'Checking…', detail: null, percent: null };
  switch (progress.stage) {
    case 'checking':
      return { label: 'Checking…', detail: 'reading the repository and its remote', percent: null };
    case 'cloning': {
      const phase = progress.detail ? CLONE_PHASES[progress.detail] : undefined;
      const raw = progress.percent ?? 0;
      const overall = phase ? phase.from + ((phase.to - phase.from) * raw) / 100 : raw;
      const percent = clamp(overall);
      return { label: `Cloning… ${percent}%`, detail: phase?.words ?? progress.detail ?? null, percent };
    }
    case 'saving':
      return { label: 'Saving…', detail: 'moving the clone into place', percent: 100 };
    case 'done':
      return { label: 'Done', detail: null, percent: 100 };
    default:
      return assertNever(progress.stage);
  }
}
