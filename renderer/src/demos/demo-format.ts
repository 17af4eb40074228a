import type { DemoState, DemoView } from '../../../shared/domain/demos/demo';
import { assertNever } from '../lib/assert-never';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A short sha as the table shows it beside the branch (`feature/x@1a2b3c4`). */
export function shortSha(sha: string): string {
  return /^[0-9a-f]{7,}$/.test(sha) ? sha.slice(0, 7) : sha;
}

/** How long a demo has run: "just now", "3 min", "5 h", "2 days". */
export function demoAge(startedAt: string, now: Date): string {
  const started = Date.parse(startedAt);
  if (Number.isNaN(started)) return '—';
  const elapsed = now.getTime() - started;
  // The screen's clock ticks every 30 s, so a demo launched since reads as started "in the future".
  if (elapsed < 60_000) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / 60_000)} min`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h`;
  const days = Math.floor(elapsed / DAY);
  return days === 1 ? '1 day' : `${days} days`;
}

/** When a demo expires, relative to now: "in 13 days", "in 5 h", or "expired 2 days ago". */
export function expiryLabel(expiresAt: string, now: Date): { label: string; expired: boolean } {
  const expires = Date.parse(expiresAt);
  if (Number.isNaN(expires)) return { label: '—', expired: false };
  const left = expires - now.getTime();
  const span = (ms: number) => {
    if (ms < HOUR) return `${Math.max(1, Math.floor(ms / 60_000))} min`;
    if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
    const days = Math.floor(ms / DAY);
    return days === 1 ? '1 day' : `${days} days`;
  };
  return left > 0
    ? { label: `in ${span(left)}`, expired: false }
    : { label: `expired ${span(-left)} ago`, expired: true };
}

/** A demo's state in words, as the State column and the session header say it. */
export function demoStateLabel(state: DemoState): string {
  switch (state) {
    case 'starting':
      return 'Starting';
    case 'running':
      return 'Running';
    case 'failed':
      return 'Failed';
    case 'stopping':
      return 'Stopping';
    case 'stopped':
      return 'Stopped';
    case 'unreachable':
      return 'Unreachable';
    default:
      return assertNever(state);
  }
}

/** "map-export on staging-1": how the app names one demo in sentences. */
export function demoTitle(demo: Pick<DemoView, 'name' | 'server'>): string {
  return `${demo.name} on ${demo.server}`;
}

/** Joins names as a sentence list: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The reminder for expired demos, or null when none has expired: "2 demos have expired: a on s and b on s." */
export function expiredReminder(demos: readonly DemoView[]): string | null {
  const expired = demos.filter((demo) => demo.expired);
  if (expired.length === 0) return null;
  const names = listInWords(expired.map(demoTitle));
  return expired.length === 1 ? `1 demo has expired: ${names}.` : `${expired.length} demos have expired: ${names}.`;
}
