/** Receives one batch: `lines[0]` is line `fromLine` of the log. */
export type LogBatchSink = (lines: string[], fromLine: number) => void;

/** Collects a demo's log lines and hands them on in batches. */
export interface LogBatcher {
  /** Adds lines that start at line `fromLine` (1-based); a gap or overlap flushes what came before. */
  push(lines: string[], fromLine: number): void;
  /** Hands on whatever is waiting now (before a state change, so the log reads in order). */
  flush(): void;
  /** Flushes and stops the timer; later pushes are sent at once. */
  close(): void;
}

/**
 * Batches log lines for the renderer: a demo's deploy can print thousands of lines a second, and one
 * IPC event per line would flood the renderer's message queue. Lines go out every `flushMs` or once
 * `maxLines` are waiting, whichever comes first, so the log still reads as live.
 */
export function createLogBatcher(
  sink: LogBatchSink,
  options: { flushMs?: number; maxLines?: number } = {},
): LogBatcher {
  const flushMs = options.flushMs ?? 50;
  const maxLines = options.maxLines ?? 1000;
  let waiting: string[] = [];
  let from = 1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting.length === 0) return;
    const lines = waiting;
    waiting = [];
    sink(lines, from);
    from += lines.length;
  };

  return {
    push(lines, fromLine) {
      if (lines.length === 0) return;
      // Only consecutive lines share a batch: a batch is described by its first line number alone.
      if (waiting.length > 0 && fromLine !== from + waiting.length) flush();
      if (waiting.length === 0) from = fromLine;
      for (const line of lines) {
        waiting.push(line);
        // flush() moves `from` past what it sent, so the next batch starts at the right line.
        if (waiting.length >= maxLines) flush();
      }
      if (closed) flush();
      else if (waiting.length > 0 && !timer) timer = setTimeout(flush, flushMs);
    },
    flush,
    close() {
      flush();
      closed = true;
    },
  };
}
