import type { DemoView } from '../../../shared/domain/demos/demo';

/** What the app says at start when feature demos have outlived their expiry. */
export interface ExpiredReminder {
  /** How many demos have expired. */
  count: number;
  /** The sidebar's badge on Demos: "2 expired". */
  badge: string;
  /** The notice: "2 feature demos have expired: map-export, login-fix. Tear them down on the Demos screen." */
  message: string;
}

/** How many names the sentence spells out before it says "and N more". */
const NAMES_SHOWN = 3;

/**
 * Which demos the reminder counts: every expired one, unreachable ones included (they most likely still
 * run on a server that did not answer), but not one already being torn down.
 */
export function expiredDemosOf(demos: readonly DemoView[]): DemoView[] {
  return demos.filter((demo) => demo.expired && demo.state !== 'stopping');
}

/** The reminder for the inventory, or null when no demo has expired (then nothing is shown). */
export function expiredReminderOf(demos: readonly DemoView[]): ExpiredReminder | null {
  const expired = expiredDemosOf(demos);
  if (expired.length === 0) return null;
  // A name alone is enough unless two servers run a demo of the same name.
  const names = expired.map((demo) =>
    expired.some((other) => other !== demo && other.name === demo.name) ? `${demo.name} on ${demo.server}` : demo.name,
  );
  const shown =
    names.length > NAMES_SHOWN
      ? `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more`
      : names.join(', ');
  const count = expired.length;
  const message =
    count === 1
      ? `1 feature demo has expired: ${shown}. Tear it down on the Demos screen.`
      : `${count} feature demos have expired: ${shown}. Tear them down on the Demos screen.`;
  return { count, badge: `${count} expired`, message };
}
