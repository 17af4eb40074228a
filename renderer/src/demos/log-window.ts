/** The rows a fixed-row-height list renders: `start` inclusive, `end` exclusive. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Which rows to render for a scroll position: those in view plus `overscan` on each side, so a fast
 * wheel turn does not show blank rows before the next frame renders them.
 */
export function visibleRows(options: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan?: number;
}): RowWindow {
  const overscan = options.overscan ?? 10;
  if (options.count === 0 || options.rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, options.scrollTop) / options.rowHeight);
  const inView = Math.ceil(Math.max(0, options.viewportHeight) / options.rowHeight) + 1;
  const start = Math.min(Math.max(0, first - overscan), options.count);
  const end = Math.min(options.count, first + inView + overscan);
  return { start: Math.min(start, end), end };
}

/**
 * True when the view shows the last row: the view then follows new lines. Within half a row counts,
 * because browsers round scroll positions to device pixels.
 */
export function isAtBottom(options: {
  scrollTop: number;
  viewportHeight: number;
  scrollHeight: number;
  rowHeight: number;
}): boolean {
  return options.scrollTop + options.viewportHeight >= options.scrollHeight - options.rowHeight / 2;
}
