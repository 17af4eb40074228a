import { describe, expect, it } from 'vitest';
import { createLogStore } from './log-store';

describe('the log store', () => {
  it('appends batches in order and says which line comes next', () => {
    const store = createLogStore();
    expect(store.append(['a', 'b'], 1)).toBe(2);
    expect(store.append(['c'], 3)).toBe(1);
    expect([store.row(0), store.row(1), store.row(2)]).toEqual(['a', 'b', 'c']);
    expect([store.lineNumber(0), store.lineNumber(2)]).toEqual([1, 3]);
    expect(store.nextLine).toBe(4);
  });

  it('skips the lines it already has when a reattach overlaps', () => {
    const store = createLogStore();
    store.append(['1', '2', '3'], 1);
    expect(store.append(['2', '3', '4', '5'], 2)).toBe(2);
    expect(Array.from({ length: store.length }, (_, index) => store.row(index))).toEqual(['1', '2', '3', '4', '5']);
    expect(store.append(['1', '2'], 1)).toBe(0);
    expect(store.nextLine).toBe(6);
  });

  it('marks a gap with one row and keeps the numbers true after it', () => {
    const store = createLogStore();
    store.append(['1'], 1);
    store.append(['5', '6'], 5);
    expect(store.row(1)).toBe('… lines 2–4 were not received');
    expect(store.lineNumber(1)).toBeNull();
    expect(store.lineNumber(2)).toBe(5);
    expect(store.nextLine).toBe(7);
  });

  it('tells subscribers once per batch that added rows, and not after unsubscribing', () => {
    const store = createLogStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.append(['a', 'b'], 1);
    store.append(['a'], 1);
    expect(calls).toBe(1);
    unsubscribe();
    store.append(['c'], 3);
    expect(calls).toBe(1);
  });

  it('holds 100,000 lines appended in batches of 1,000', () => {
    const store = createLogStore();
    for (let batch = 0; batch < 100; batch += 1) {
      store.append(
        Array.from({ length: 1000 }, (_, index) => `line ${batch * 1000 + index + 1}`),
        batch * 1000 + 1,
      );
    }
    expect(store.length).toBe(100_000);
    expect(store.row(99_999)).toBe('line 100000');
    expect(store.nextLine).toBe(100_001);
  });
});
