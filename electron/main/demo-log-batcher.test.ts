import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogBatcher } from './demo-log-batcher';

describe('the demo log batcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends consecutive lines as one batch after the flush interval', () => {
    vi.useFakeTimers();
    const sent: [string[], number][] = [];
    const batcher = createLogBatcher((lines, fromLine) => sent.push([lines, fromLine]), { flushMs: 50 });
    batcher.push(['a', 'b'], 1);
    batcher.push(['c'], 3);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([[['a', 'b', 'c'], 1]]);
  });

  it('sends a full batch at once, and numbers the rest from where it ended', () => {
    vi.useFakeTimers();
    const sent: [string[], number][] = [];
    const batcher = createLogBatcher((lines, fromLine) => sent.push([lines, fromLine]), { maxLines: 3 });
    batcher.push(['1', '2', '3', '4', '5'], 10);
    expect(sent).toEqual([[['1', '2', '3'], 10]]);
    batcher.flush();
    expect(sent).toEqual([
      [['1', '2', '3'], 10],
      [['4', '5'], 13],
    ]);
  });

  it('starts a new batch when lines do not follow on (a reattach from another line)', () => {
    const sent: [string[], number][] = [];
    const batcher = createLogBatcher((lines, fromLine) => sent.push([lines, fromLine]));
    batcher.push(['1', '2'], 1);
    batcher.push(['2', '3'], 2);
    batcher.close();
    expect(sent).toEqual([
      [['1', '2'], 1],
      [['2', '3'], 2],
    ]);
  });

  it('sends at once after close, and nothing when there is nothing', () => {
    const sent: [string[], number][] = [];
    const batcher = createLogBatcher((lines, fromLine) => sent.push([lines, fromLine]));
    batcher.flush();
    batcher.close();
    batcher.push(['late'], 4);
    expect(sent).toEqual([[['late'], 4]]);
  });
});
