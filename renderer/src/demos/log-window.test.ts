import { describe, expect, it } from 'vitest';
import { isAtBottom, visibleRows } from './log-window';

describe('the log window', () => {
  it('renders the rows in view plus the overscan on each side', () => {
    expect(visibleRows({ scrollTop: 2000, viewportHeight: 400, rowHeight: 20, count: 100_000, overscan: 10 })).toEqual({
      start: 90,
      end: 131,
    });
  });

  it('clamps at the start and at the end of the log', () => {
    expect(visibleRows({ scrollTop: 0, viewportHeight: 400, rowHeight: 20, count: 5 })).toEqual({ start: 0, end: 5 });
    expect(
      visibleRows({ scrollTop: 1_999_600, viewportHeight: 400, rowHeight: 20, count: 100_000, overscan: 10 }),
    ).toEqual({
      start: 99_970,
      end: 100_000,
    });
    expect(visibleRows({ scrollTop: 0, viewportHeight: 400, rowHeight: 20, count: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('never renders more than a screenful and the overscan, however long the log', () => {
    const rows = visibleRows({
      scrollTop: 500_000,
      viewportHeight: 360,
      rowHeight: 20,
      count: 1_000_000,
      overscan: 10,
    });
    expect(rows.end - rows.start).toBeLessThanOrEqual(360 / 20 + 1 + 20);
  });

  it('counts the view as at the bottom within half a row', () => {
    expect(isAtBottom({ scrollTop: 1600, viewportHeight: 400, scrollHeight: 2000, rowHeight: 20 })).toBe(true);
    expect(isAtBottom({ scrollTop: 1592, viewportHeight: 400, scrollHeight: 2000, rowHeight: 20 })).toBe(true);
    expect(isAtBottom({ scrollTop: 1580, viewportHeight: 400, scrollHeight: 2000, rowHeight: 20 })).toBe(false);
  });
});
