/** GitHub's primary limit for a user token: 5000 requests an hour. */
const HOURLY_LIMIT = 5000;
const WINDOW_MS = 60 * 60 * 1000;

/**
 * Counts requests per hour and prints GitHub's `x-ratelimit-*` headers from the count. It never
 * refuses a request (an injected `rate-limit` fault does that); it only makes the headers move as
 * GitHub's do, so a client that watches `remaining` sees it fall.
 */
export class RateLimitCounter {
  private windowStart = 0;
  private used = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The headers for one answer. `counts` is false for a `304 Not Modified`, which GitHub does not
   * count against the limit.
   */
  headers(counts: boolean): Record<string, string> {
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.used = 0;
    }
    if (counts) this.used = Math.min(this.used + 1, HOURLY_LIMIT);
    return {
      'x-ratelimit-limit': String(HOURLY_LIMIT),
      'x-ratelimit-remaining': String(HOURLY_LIMIT - this.used),
      'x-ratelimit-used': String(this.used),
      'x-ratelimit-reset': String(Math.ceil((this.windowStart + WINDOW_MS) / 1000)),
      'x-ratelimit-resource': 'core',
    };
  }
}
