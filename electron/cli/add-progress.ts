import type { AddProjectProgress } from '../../shared/domain/project';
import type { AddProgressListener } from '../services/projects/project-registry';
import type { TextSink } from './cli-io';

/** Shows the progress of `projects add` on stderr, so stdout stays clean for `--json` and pipes. */
export interface AddProgressDisplay {
  onProgress: AddProgressListener;
  /** Clears the progress line; call before printing the result or an error. */
  finish(): void;
}

/** ANSI: carriage return, then erase the whole line, so the next text redraws it in place. */
const REDRAW_LINE = '\r\u001b[2K';

function describe(progress: Omit<AddProjectProgress, 'operationId'>, withPercent: boolean): string | null {
  switch (progress.stage) {
    case 'checking':
      return 'Checking the source…';
    case 'cloning': {
      if (!withPercent || progress.percent === undefined) return 'Cloning…';
      const phase = progress.detail ? ` (${progress.detail})` : '';
      return `Cloning… ${progress.percent}%${phase}`;
    }
    case 'saving':
      return 'Saving…';
    case 'done':
      return null;
  }
}

/**
 * On a terminal one line is redrawn ("Cloning… 42%"); otherwise (a log, CI) each stage gets one plain
 * line, because a percentage per line would flood the log and carriage returns garble it.
 */
export function createAddProgressDisplay(stderr: TextSink, isTTY: boolean): AddProgressDisplay {
  let shown: string | null = null;
  return {
    onProgress(progress) {
      const text = describe(progress, isTTY);
      if (text === null || text === shown) return;
      shown = text;
      stderr.write(isTTY ? `${REDRAW_LINE}${text}` : `${text}\n`);
    },
    finish() {
      if (isTTY && shown !== null) stderr.write(REDRAW_LINE);
      shown = null;
    },
  };
}
