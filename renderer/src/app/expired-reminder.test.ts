import { describe, expect, it } from 'vitest';
import type { DemoView } from '../../../shared/domain/demos/demo';
import { expiredDemosOf, expiredReminderOf } from './expired-reminder';

function demo(name: string, change: Partial<DemoView> = {}): DemoView {
  return {
    name,
    server: 'eu-1',
    branch: `feature/${name}`,
    sha: 'a'.repeat(40),
    url: '',
    owner: 'me@laptop',
    startedAt: '2026-02-01T12:00:00Z',
    expiresAt: '2026-02-15T12:00:00Z',
    state: 'running',
    exitCode: null,
    expired: true,
    problem: null,
    ...change,
  };
}

describe('the expired-demos reminder at start', () => {
  it('counts expired demos, unreachable ones too, but not live ones or one being torn down', () => {
    const demos = [
      demo('map-export'),
      demo('fresh', { expired: false }),
      demo('leaving', { state: 'stopping' }),
      demo('far-away', { state: 'unreachable', problem: 'eu-1:22 refused the connection.' }),
      demo('crashed', { state: 'failed', exitCode: 1 }),
    ];
    expect(expiredDemosOf(demos).map((row) => row.name)).toEqual(['map-export', 'far-away', 'crashed']);
    expect(expiredReminderOf(demos)?.count).toBe(3);
  });

  it('shows nothing when no demo has expired, or there is none', () => {
    expect(expiredReminderOf([])).toBeNull();
    expect(expiredReminderOf([demo('fresh', { expired: false }), demo('leaving', { state: 'stopping' })])).toBeNull();
  });

  it('says it for one demo', () => {
    expect(expiredReminderOf([demo('map-export')])).toEqual({
      count: 1,
      badge: '1 expired',
      message: '1 feature demo has expired: map-export. Tear it down on the Demos screen.',
    });
  });

  it('says it for two demos', () => {
    expect(expiredReminderOf([demo('map-export'), demo('login-fix')])).toEqual({
      count: 2,
      badge: '2 expired',
      message: '2 feature demos have expired: map-export, login-fix. Tear them down on the Demos screen.',
    });
  });

  it('names three demos of many, and how many more', () => {
    const reminder = expiredReminderOf(['a', 'b', 'c', 'd', 'e'].map((name) => demo(name)));
    expect(reminder?.badge).toBe('5 expired');
    expect(reminder?.message).toBe(
      '5 feature demos have expired: a, b, c and 2 more. Tear them down on the Demos screen.',
    );
  });

  it('names the server when two servers run a demo of the same name', () => {
    const reminder = expiredReminderOf([demo('maps'), demo('maps', { server: 'us-2' }), demo('login')]);
    expect(reminder?.message).toBe(
      '3 feature demos have expired: maps on eu-1, maps on us-2, login. Tear them down on the Demos screen.',
    );
  });
});
