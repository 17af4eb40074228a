import { useCallback, useEffect, useRef, useState } from 'react';
import type { DemoView } from '../../../shared/domain/demos/demo';
import { callReleaseDesk } from '../lib/release-desk';
import { expiredReminderOf, type ExpiredReminder } from './expired-reminder';

/** The start-up reminder of expired demos, and what the shell can do with it. */
export interface ExpiredReminderModel {
  /** Null until the servers answered, and when no demo has expired. */
  reminder: ExpiredReminder | null;
  /** The notice was dismissed (or the Demos screen seen) in this session; the badge stays. */
  dismissed: boolean;
  dismiss: () => void;
  /** A fresher inventory (the Demos screen loaded one): keeps the badge true after a teardown. */
  update: (demos: readonly DemoView[]) => void;
}

/**
 * Asks `demos.list` once when the app starts, in the background: it contacts every server, so nothing
 * waits for it, and a failure only means no reminder (the Demos screen reports failures itself). The
 * log line names the error code only: a server's answer is not worth echoing to the console.
 */
export function useExpiredReminder(): ExpiredReminderModel {
  const [reminder, setReminder] = useState<ExpiredReminder | null>(null);
  const [dismissed, setDismissed] = useState(false);
  // Once the Demos screen reported, the start-up answer (possibly older) must not overwrite it.
  const updated = useRef(false);

  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.demos.list({})).then((result) => {
      if (!live || updated.current) return;
      if (result.ok) setReminder(expiredReminderOf(result.value));
      else console.info(`Release Desk skipped the expired-demo check at start (${result.error.code}).`);
    });
    return () => {
      live = false;
    };
  }, []);

  const dismiss = useCallback(() => setDismissed(true), []);
  const update = useCallback((demos: readonly DemoView[]) => {
    updated.current = true;
    setReminder(expiredReminderOf(demos));
  }, []);

  return { reminder, dismissed, dismiss, update };
}
