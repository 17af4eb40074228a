/**
 * Cuts streamed log text into numbered lines. Only whole lines are handed on and counted, so a follow
 * that breaks off mid-line (a dropped connection) resumes at that line and never shows half of it twice.
 */
export interface LogLineSplitter {
  /** Adds text as it arrived; hands on every line it completed. */
  push(text: string): void;
  /** The number of the next line to read (1-based), after the last whole line handed on. */
  readonly next: number;
}

/** A line the demo script itself writes after it recorded a new state in the status file. */
export const STATE_MARK_PATTERN = /^\[release-desk\] state=/;

/** A splitter whose first line is number `fromLine`; `onLines` gets each batch and its first line's number. */
export function createLogLineSplitter(
  fromLine: number,
  onLines: (lines: string[], fromLine: number) => void,
): LogLineSplitter {
  let pending = '';
  let next = fromLine;
  return {
    push(text) {
      pending += text;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      if (parts.length === 0) return;
      const first = next;
      next += parts.length;
      onLines(parts, first);
    },
    get next() {
      return next;
    },
  };
}

/** The lines of a whole log text (without the empty string after its last newline). */
export function logLinesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
