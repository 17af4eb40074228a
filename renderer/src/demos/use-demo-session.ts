import { useCallback, useEffect, useRef, useState } from 'react';
import type { DemoView } from '../../../shared/domain/demos/demo';
import type { Envelope, ReleaseDeskApi } from '../../../shared/ipc/api';
import type { InputOf } from '../../../shared/ipc/contract';
import { callReleaseDesk, releaseDeskApi } from '../lib/release-desk';
import { nextSession, unfollowTarget, type DemoSession, type SessionEvent } from './demo-session-model';
import { createLogStore, type LogStore } from './log-store';

/** How many times a dropped session reattaches by itself before it waits for the user. */
export const AUTO_REATTACH_ATTEMPTS = 3;
/** The pause before each automatic reattach, times the attempt number. */
const REATTACH_DELAY_MS = 1000;

/** The demo being launched or followed, its log, and what can be done with it. */
export interface DemoSessionModel {
  session: DemoSession | null;
  /** The session's log; a new store for each session. */
  log: LogStore;
  /** Launches a demo and follows its log until it is running or failed. */
  launch: (request: InputOf<'demos.up'>) => void;
  /** Follows a demo's log from its first line (a demo launched earlier, or from another window). */
  follow: (server: string, name: string) => void;
  /** Reattaches from the last line received, after a dropped connection. */
  reattach: () => void;
  /** Closes the panel and ends a live follow; the demo itself keeps running. */
  close: () => void;
}

/**
 * Runs one demo session: it calls `demos.up` or `demos.follow`, appends the `demos.log` batches of
 * that demo to the log store, and reacts to `demos.state`. When the link drops (a state with a
 * problem, a NETWORK failure), it reattaches with `demos.follow` from the next line it lacks, a few
 * times by itself and then when the user asks; the store drops any line it already has.
 */
export function useDemoSession(onSettled?: (demo: DemoView | null) => void): DemoSessionModel {
  const [session, setSession] = useState<DemoSession | null>(null);
  const [log, setLog] = useState<LogStore>(() => createLogStore());
  const current = useRef<{ session: DemoSession | null; log: LogStore; inFlight: boolean }>({
    session: null,
    log,
    inFlight: false,
  });
  const nextId = useRef(1);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onSettledRef.current = onSettled;
  }, [onSettled]);

  const apply = useCallback((id: number, event: SessionEvent) => {
    const active = current.current.session;
    if (!active || active.id !== id) return;
    const updated = nextSession(active, event);
    current.current.session = updated;
    setSession(updated);
  }, []);

  const run = useCallback(
    (id: number, call: (api: ReleaseDeskApi) => Promise<Envelope<DemoView>>) => {
      current.current.inFlight = true;
      void callReleaseDesk(call).then((result) => {
        if (current.current.session?.id !== id) return;
        current.current.inFlight = false;
        apply(id, result.ok ? { type: 'resolved', demo: result.value } : { type: 'rejected', error: result.error });
        onSettledRef.current?.(result.ok ? result.value : null);
      });
    },
    [apply],
  );

  const reattach = useCallback(() => {
    const active = current.current.session;
    if (!active || current.current.inFlight) return;
    apply(active.id, { type: 'reattach' });
    const fromLine = current.current.log.nextLine;
    run(active.id, (api) => api.demos.follow({ server: active.server, name: active.name, fromLine }));
  }, [apply, run]);

  // A drop reattaches by itself a few times, once no call is running, with a growing pause.
  const phase = session?.phase;
  useEffect(() => {
    if (phase?.kind !== 'dropped' || phase.attempt >= AUTO_REATTACH_ATTEMPTS || current.current.inFlight) return;
    const timer = window.setTimeout(reattach, REATTACH_DELAY_MS * (phase.attempt + 1));
    return () => window.clearTimeout(timer);
  }, [phase, reattach]);

  // One subscription per session, taken before its call starts so no early line is missed: log lines
  // and states of this demo only (events reach every window).
  const unsubscribe = useRef<(() => void) | null>(null);
  const stopListening = useCallback(() => {
    unsubscribe.current?.();
    unsubscribe.current = null;
  }, []);
  // A live follow would tail the demo in main until it stops: end it when the panel closes, another
  // session replaces it, or the screen goes away. Its answer (CANCELLED) finds no session and is ignored.
  const stopFollowing = useCallback(() => {
    const target = unfollowTarget(current.current.session);
    if (target) void callReleaseDesk((api) => api.demos.unfollow(target));
  }, []);
  useEffect(
    () => () => {
      stopFollowing();
      stopListening();
    },
    [stopFollowing, stopListening],
  );

  const start = useCallback(
    (server: string, name: string, mode: DemoSession['mode']): number => {
      stopFollowing();
      stopListening();
      const id = nextId.current++;
      const store = createLogStore();
      const started: DemoSession = {
        id,
        server,
        name,
        mode,
        phase: { kind: 'streaming' },
        demo: null,
        live: mode === 'follow',
      };
      current.current = { session: started, log: store, inFlight: false };
      const api = releaseDeskApi();
      if (api) {
        const mine = (payload: { server: string; name: string }) => payload.server === server && payload.name === name;
        const offLog = api.on('demos.log', (batch) => {
          if (mine(batch)) store.append(batch.lines, batch.fromLine);
        });
        const offState = api.on('demos.state', (demo) => {
          if (mine(demo)) apply(id, { type: 'state', demo });
        });
        unsubscribe.current = () => {
          offLog();
          offState();
        };
      }
      setLog(store);
      setSession(started);
      return id;
    },
    [apply, stopFollowing, stopListening],
  );

  const launch = useCallback(
    (request: InputOf<'demos.up'>) => {
      const id = start(request.server, request.name, 'launch');
      run(id, (api) => api.demos.up(request));
    },
    [start, run],
  );

  const follow = useCallback(
    (server: string, name: string) => {
      const id = start(server, name, 'follow');
      run(id, (api) => api.demos.follow({ server, name, fromLine: 1 }));
    },
    [start, run],
  );

  const close = useCallback(() => {
    stopFollowing();
    stopListening();
    current.current = { session: null, log: createLogStore(), inFlight: false };
    setSession(null);
  }, [stopFollowing, stopListening]);

  return { session, log, launch, follow, reattach, close };
}
