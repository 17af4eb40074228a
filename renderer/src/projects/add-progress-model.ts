import type { AddProjectProgress } from '../../../shared/domain/project';
import { assertNever } from '../lib/assert-never';
import { overallGitProgress } from '../lib/git-progress';

/** What the add dialog shows for one progress event. */
export interface ProgressView {
  /** "Checking…", "Cloning… 42%", "Saving…". */
  label: string;
  /** Git's phase in plain words, when it gave one. */
  detail: string | null;
  /** 0–100 for the bar, or null while the amount of work is unknown (an indeterminate bar). */
  percent: number | null;
}

/** Turns one `projects.addProgress` event (or none yet) into what the dialog shows. */
export function describeAddProgress(progress: AddProjectProgress | null): ProgressView {
  if (!progress) return { label: 'Checking…', detail: null, percent: null };
  switch (progress.stage) {
    case 'checking':
      // The practice project reports what it is building here ("Merged #4 …") and how far it is.
      if (progress.percent !== undefined && progress.detail) {
        return {
          label: `Building the practice history… ${progress.percent}%`,
          detail: progress.detail,
          percent: progress.percent,
        };
      }
      return { label: 'Checking…', detail: progress.detail ?? 'reading the repository and its remote', percent: null };
    case 'cloning': {
      const { percent, words } = overallGitProgress(progress.detail, progress.percent);
      return { label: `Cloning… ${percent}%`, detail: words, percent };
    }
    case 'saving':
      return { label: 'Saving…', detail: 'moving the clone into place', percent: 100 };
    case 'done':
      return { label: 'Done', detail: null, percent: 100 };
    default:
      return assertNever(progress.stage);
  }
}
