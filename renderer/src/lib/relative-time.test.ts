import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

const now = new Date('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('formatRelativeTime', () => {
  it('says "just now" for the last minute, and for a clock slightly ahead', () => {
    expect(formatRelativeTime(ago(20_000), now, 'en').label).toBe('just now');
    expect(formatRelativeTime(ago(-3_000), now, 'en').label).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(formatRelativeTime(ago(5 * 60_000), now, 'en').label).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3_600_000), now, 'en').label).toBe('3 hours ago');
    expect(formatRelativeTime(ago(26 * 3_600_000), now, 'en').label).toBe('yesterday');
  });

  it('falls back to a date after a week, and keeps bad input visible', () => {
    expect(formatRelativeTime(ago(30 * 86_400_000), now, 'en').label).toMatch(/2026/);
    expect(formatRelativeTime('not a date', now, 'en')).toEqual({ label: 'not a date', full: 'not a date' });
  });
});
