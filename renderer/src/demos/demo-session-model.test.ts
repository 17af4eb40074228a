import { describe, expect, it } from 'vitest';
import type { DemoView } from '../../../shared/domain/demos/demo';
import { isSettled, nextSession, unfollowTarget, type DemoSession } from './demo-session-model';

const base: DemoSession = {
  id: 1,
  server: 'eu-1',
  name: 'maps',
  mode: 'launch',
  phase: { kind: 'streaming' },
  demo: null,
};

function view(change: Partial<DemoView>): DemoView {
  return {
    name: 'maps',
    server: 'eu-1',
    branch: 'feature/maps',
    sha: 'a'.repeat(40),
    url: '',
    owner: 'me@laptop',
    startedAt: '2026-03-01T12:00:00Z',
    expiresAt: '2026-03-15T12:00:00Z',
    state: 'starting',
    exitCode: null,
    expired: false,
    problem: null,
    ...change,
  };
}

describe('a demo session', () => {
  it('is ready with its URL once the demo runs, from a state event or the answer', () => {
    const running = view({ state: 'running', url: 'http://127.0.0.1:8080/' });
    expect(nextSession(base, { type: 'state', demo: running }).phase).toEqual({ kind: 'ready', demo: running });
    expect(nextSession(base, { type: 'resolved', demo: running }).phase).toEqual({ kind: 'ready', demo: running });
  });

  it('keeps streaming on a starting state, remembering the view', () => {
    const starting = view({});
    const next = nextSession(base, { type: 'state', demo: starting });
    expect(next.phase).toEqual({ kind: 'streaming' });
    expect(next.demo).toBe(starting);
  });

  it('reports a failed deploy with its exit status', () => {
    const failed = view({ state: 'failed', exitCode: 3 });
    expect(nextSession(base, { type: 'resolved', demo: failed }).phase).toEqual({ kind: 'failed', demo: failed });
  });

  it('treats a state with a problem and a NETWORK failure as a drop, counting reattach attempts', () => {
    const dropped = nextSession(base, { type: 'state', demo: view({ problem: 'Connection reset.' }) });
    expect(dropped.phase).toEqual({ kind: 'dropped', reason: 'Connection reset.', attempt: 0 });
    const reattaching = nextSession(dropped, { type: 'reattach' });
    expect(reattaching.phase).toEqual({ kind: 'reattaching', attempt: 1 });
    const again = nextSession(reattaching, {
      type: 'rejected',
      error: { code: 'NETWORK', message: 'eu-1:22 refused the connection.' },
    });
    expect(again.phase).toEqual({ kind: 'dropped', reason: 'eu-1:22 refused the connection.', attempt: 1 });
    expect(nextSession(again, { type: 'reattach' }).phase).toEqual({ kind: 'reattaching', attempt: 2 });
  });

  it('treats an answer that the server is unreachable, or a log that ended while starting, as a drop', () => {
    expect(
      nextSession(base, { type: 'resolved', demo: view({ state: 'unreachable', problem: 'Gone.' }) }).phase,
    ).toEqual({
      kind: 'dropped',
      reason: 'Gone.',
      attempt: 0,
    });
    expect(nextSession(base, { type: 'resolved', demo: view({ state: 'starting' }) }).phase.kind).toBe('dropped');
  });

  it('stops at any other failure: reattaching cannot fix a changed host key', () => {
    const error = { code: 'HOST_KEY_CHANGED', message: 'The host key of eu-1 changed.' } as const;
    const next = nextSession(base, { type: 'rejected', error });
    expect(next.phase).toEqual({ kind: 'error', error });
    expect(isSettled(next.phase)).toBe(true);
  });

  it('stays ready when a late state or failure arrives after it', () => {
    const running = view({ state: 'running', url: 'http://x/' });
    const ready = nextSession(base, { type: 'resolved', demo: running });
    const late = nextSession(ready, { type: 'state', demo: view({ problem: 'Connection reset.' }) });
    expect(late.phase.kind).toBe('ready');
  });

  it('keeps a live follow of a running demo open until its answer, so closing the panel unfollows it', () => {
    const following: DemoSession = { ...base, mode: 'follow', live: true };
    const running = view({ state: 'running', url: 'http://x/' });
    const ready = nextSession(following, { type: 'state', demo: running });
    expect(ready.phase).toEqual({ kind: 'ready', demo: running });
    expect(unfollowTarget(ready)).toEqual({ server: 'eu-1', name: 'maps' });

    // The demo was torn down while followed: the call answers stopped, and there is nothing to end.
    const stopped = nextSession(ready, { type: 'resolved', demo: view({ state: 'stopped' }) });
    expect(stopped.phase.kind).toBe('ended');
    expect(unfollowTarget(stopped)).toBeNull();
    const failed = nextSession(ready, { type: 'rejected', error: { code: 'HOST_KEY_CHANGED', message: 'Changed.' } });
    expect(unfollowTarget(failed)).toBeNull();
  });

  it('has nothing to unfollow while a launch runs, but a reattach is a live follow', () => {
    expect(unfollowTarget(base)).toBeNull();
    expect(unfollowTarget(null)).toBeNull();
    const dropped = nextSession(base, { type: 'rejected', error: { code: 'NETWORK', message: 'Reset.' } });
    expect(unfollowTarget(dropped)).toBeNull();
    const reattaching = nextSession(dropped, { type: 'reattach' });
    expect(unfollowTarget(reattaching)).toEqual({ server: 'eu-1', name: 'maps' });
    const running = nextSession(reattaching, { type: 'state', demo: view({ state: 'running' }) });
    expect(running.phase.kind).toBe('ready');
    expect(unfollowTarget(running)).toEqual({ server: 'eu-1', name: 'maps' });
  });
});
