import type { DemoView } from '../../../shared/domain/demos/demo';
import type { IpcError } from '../../../shared/ipc/errors';

/**
 * Where a launched or followed demo stands, as the session panel shows it. A discriminated union: the
 * panel switches over it and ends in `assertNever`.
 */
export type SessionPhase =
  /** `demos.up` or `demos.follow` is running: the log streams in. */
  | { kind: 'streaming' }
  /** The connection dropped; the demo keeps running on the server. `attempt` reattaches so far. */
  | { kind: 'dropped'; reason: string; attempt: number }
  /** A `demos.follow` from the last line received is under way. */
  | { kind: 'reattaching'; attempt: number }
  /** Running, with its URL (may be empty when the deploy printed none). */
  | { kind: 'ready'; demo: DemoView }
  /** The deploy command failed: its exit status is in the demo, its output in the log. */
  | { kind: 'failed'; demo: DemoView }
  /** The demo stopped (torn down from elsewhere, or its command ended). */
  | { kind: 'ended'; demo: DemoView }
  /** The call failed for a reason a reattach cannot fix (refused name, config, auth, host key). */
  | { kind: 'error'; error: IpcError };

/** One launch or follow: which demo, how it was started, and where it stands. */
export interface DemoSession {
  /** Distinguishes two sessions of the same demo, so a late answer of the old one is ignored. */
  id: number;
  server: string;
  name: string;
  mode: 'launch' | 'follow';
  phase: SessionPhase;
  /** The newest view of the demo from `demos.state` or the call's answer. */
  demo: DemoView | null;
  /**
   * A `demos.follow` call is under way: it tails a running demo until the demo stops, so closing the
   * panel must end it with `demos.unfollow` (a `demos.up` call ends by itself once the demo runs).
   */
  live?: boolean;
}

/** What can happen to a session. */
export type SessionEvent =
  | { type: 'state'; demo: DemoView }
  | { type: 'resolved'; demo: DemoView }
  | { type: 'rejected'; error: IpcError }
  | { type: 'reattach' };

/** True when a phase is final: no call is running and none will start by itself. */
export function isSettled(phase: SessionPhase): boolean {
  return phase.kind === 'ready' || phase.kind === 'failed' || phase.kind === 'ended' || phase.kind === 'error';
}

function attemptOf(phase: SessionPhase): number {
  return phase.kind === 'dropped' || phase.kind === 'reattaching' ? phase.attempt : 0;
}

/** The phase a demo's view implies once its call has answered. */
function phaseOfAnswer(demo: DemoView, previous: SessionPhase): SessionPhase {
  switch (demo.state) {
    case 'running':
      return { kind: 'ready', demo };
    case 'failed':
      return { kind: 'failed', demo };
    case 'stopped':
    case 'stopping':
      return { kind: 'ended', demo };
    case 'unreachable':
      return {
        kind: 'dropped',
        reason: demo.problem ?? 'The server could not be reached.',
        attempt: attemptOf(previous),
      };
    case 'starting':
      // The log ended while the demo was still starting: the link dropped before the deploy said more.
      return {
        kind: 'dropped',
        reason: demo.problem ?? 'The log stopped before the demo was ready.',
        attempt: attemptOf(previous),
      };
  }
}

/**
 * The session's next state. A `demos.state` with a problem means the link dropped (the demo itself
 * runs on, detached on the server); the call then fails with NETWORK or answers `unreachable`. Any
 * other failure is final: reattaching cannot fix a refused name, a bad config or a changed host key.
 */
export function nextSession(session: DemoSession, event: SessionEvent): DemoSession {
  switch (event.type) {
    case 'state': {
      if (isSettled(session.phase)) return { ...session, demo: event.demo };
      if (event.demo.problem) {
        return {
          ...session,
          demo: event.demo,
          phase: { kind: 'dropped', reason: event.demo.problem, attempt: attemptOf(session.phase) },
        };
      }
      // Running is ready even while the call still follows the log to its end.
      if (event.demo.state === 'running')
        return { ...session, demo: event.demo, phase: { kind: 'ready', demo: event.demo } };
      return { ...session, demo: event.demo };
    }
    case 'resolved':
      return { ...session, demo: event.demo, live: false, phase: phaseOfAnswer(event.demo, session.phase) };
    case 'rejected':
      if (event.error.code === 'NETWORK') {
        return {
          ...session,
          live: false,
          phase: { kind: 'dropped', reason: event.error.message, attempt: attemptOf(session.phase) },
        };
      }
      return { ...session, live: false, phase: { kind: 'error', error: event.error } };
    case 'reattach':
      // A reattach is a `demos.follow`: it goes on tailing once the demo runs.
      return { ...session, live: true, phase: { kind: 'reattaching', attempt: attemptOf(session.phase) + 1 } };
  }
}

/** The demo whose live follow must end when the panel closes (`demos.unfollow`), or null when none runs. */
export function unfollowTarget(session: DemoSession | null): { server: string; name: string } | null {
  return session?.live ? { server: session.server, name: session.name } : null;
}
