/** A date as a short relative phrase plus the full local date and time for a tooltip. */
export interface RelativeTime {
  /** "just now", "5 minutes ago", "yesterday", or a locale date once it is more than a week old. */
  label: string;
  /** The full local date and time, e.g. for `title`. */
  full: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Formats an ISO-8601 time relative to `now`, in the user's locale. */
export function formatRelativeTime(iso: string, now: Date, locale?: string): RelativeTime {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { label: iso, full: iso };
  const full = date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
  const elapsed = now.getTime() - date.getTime();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // A clock a few seconds ahead of the file's timestamp still reads as "just now", not "in 3 seconds".
  if (elapsed < MINUTE) return { label: 'just now', full };
  if (elapsed < HOUR) return { label: relative.format(-Math.floor(elapsed / MINUTE), 'minute'), full };
  if (elapsed < DAY) return { label: relative.format(-Math.floor(elapsed / HOUR), 'hour'), full };
  if (elapsed < 7 * DAY) return { label: relative.format(-Math.floor(elapsed / DAY), 'day'), full };
  return { label: date.toLocaleDateString(locale, { dateStyle: 'medium' }), full };
}
