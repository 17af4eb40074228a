import { describe, expect, it } from 'vitest';
import type { DemoView } from '../../../shared/domain/demos/demo';
import { demoAge, demoStateLabel, expiredReminder, expiryLabel, listInWords, shortSha } from './demo-format';

const now = new Date('2026-03-01T12:00:00Z');

function demo(name: string, server: string, expired: boolean): DemoView {
  return {
    name,
    server,
    branch: `feature/${name}`,
    sha: 'a'.repeat(40),
    url: '',
    owner: 'me@laptop',
    startedAt: '2026-02-01T12:00:00Z',
    expiresAt: '2026-02-15T12:00:00Z',
    state: 'running',
    exitCode: null,
    expired,
    problem: null,
  };
}

describe('demo formatting', () => {
  it('gives ages in minutes, hours and days', () => {
    expect(demoAge('2026-03-01T11:58:00Z', now)).toBe('2 min');
    expect(demoAge('2026-03-01T11:59:30Z', now)).toBe('just now');
    expect(demoAge('2026-03-01T12:00:10Z', now)).toBe('just now');
    expect(demoAge('2026-03-01T07:00:00Z', now)).toBe('5 h');
    expect(demoAge('2026-02-28T11:00:00Z', now)).toBe('1 day');
    expect(demoAge('2026-02-15T12:00:00Z', now)).toBe('14 days');
    expect(demoAge('not a date', now)).toBe('—');
  });

  it('says when a demo expires, and flags one that has', () => {
    expect(expiryLabel('2026-03-14T12:00:00Z', now)).toEqual({ label: 'in 13 days', expired: false });
    expect(expiryLabel('2026-03-01T15:30:00Z', now)).toEqual({ label: 'in 3 h', expired: false });
    expect(expiryLabel('2026-02-27T12:00:00Z', now)).toEqual({ label: 'expired 2 days ago', expired: true });
  });

  it('shortens full shas only', () => {
    expect(shortSha('0123456789abcdef0123456789abcdef01234567')).toBe('0123456');
    expect(shortSha('')).toBe('');
  });

  it('names the states in words', () => {
    expect(demoStateLabel('unreachable')).toBe('Unreachable');
    expect(demoStateLabel('running')).toBe('Running');
  });

  it('lists names as a sentence', () => {
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('reminds of expired demos by name and server, and says nothing when none has expired', () => {
    expect(expiredReminder([demo('maps', 'eu-1', false)])).toBeNull();
    expect(expiredReminder([demo('maps', 'eu-1', true), demo('login', 'eu-2', false)])).toBe(
      '1 demo has expired: maps on eu-1.',
    );
    expect(expiredReminder([demo('maps', 'eu-1', true), demo('login', 'eu-2', true)])).toBe(
      '2 demos have expired: maps on eu-1 and login on eu-2.',
    );
  });
});
