/**
 * A demo's log as the window holds it: a plain array outside React, appended in batches. The log view
 * reads only the rows it shows and is told once per batch that the length changed, so 100,000 lines
 * cost one array and a few dozen DOM rows, never a React state per line.
 */
export interface LogStore {
  /** Lines held (including gap markers). */
  readonly length: number;
  /** The log's line number (1-based) of the next line expected: where a reattach resumes from. */
  readonly nextLine: number;
  /** The text of row `index` (0-based). */
  row(index: number): string;
  /** The log's line number of row `index`, or null for a gap marker. */
  lineNumber(index: number): number | null;
  /**
   * Adds lines that start at log line `fromLine`. Lines already held (a reattach that overlaps) are
   * skipped; a gap (lines that never arrived) becomes one marker row, so the numbers stay true.
   * Returns how many rows were added.
   */
  append(lines: readonly string[], fromLine: number): number;
  /** Calls `listener` after each append that added rows; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Creates an empty {@link LogStore}. */
export function createLogStore(): LogStore {
  const rows: string[] = [];
  // Line numbers only where they break from "previous + 1": after a gap marker.
  const numbers: (number | null)[] = [];
  let next = 1;
  const listeners = new Set<() => void>();

  return {
    get length() {
      return rows.length;
    },
    get nextLine() {
      return next;
    },
    row: (index) => rows[index] ?? '',
    lineNumber: (index) => numbers[index] ?? null,
    append(lines, fromLine) {
      const skip = Math.max(0, next - fromLine);
      if (skip >= lines.length) return 0;
      const first = fromLine + skip;
      const before = rows.length;
      if (first > next) {
        const missing = first - next;
        rows.push(`… ${missing === 1 ? `line ${next} was` : `lines ${next}–${first - 1} were`} not received`);
        numbers.push(null);
      }
      for (let index = skip; index < lines.length; index += 1) {
        rows.push(lines[index] ?? '');
        numbers.push(fromLine + index);
      }
      next = fromLine + lines.length;
      for (const listener of listeners) listener();
      return rows.length - before;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
