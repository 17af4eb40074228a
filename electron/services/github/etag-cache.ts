import type { Octokit } from '@octokit/core';

interface CachedAnswer {
  etag: string;
  response: unknown;
}

/** Keeps at most this many answers; polled resources are few, so the oldest are simply dropped. */
const MAX_ENTRIES = 500;

/** How many GET requests a client sent, and how many GitHub answered 304 Not Modified. */
export interface EtagStats {
  revalidated: number;
  notModified: number;
}

const statsByClient = new WeakMap<object, EtagStats>();

/** The conditional-request counters of a client built with the ETag cache (zeros otherwise). */
export function etagStats(client: object): EtagStats {
  return statsByClient.get(client) ?? { revalidated: 0, notModified: 0 };
}

/**
 * Sends `If-None-Match` with every GET whose answer was seen before, and returns the remembered answer
 * on 304. GitHub does not count a 304 against the rate limit, which is what makes polling a PR's checks
 * or a workflow run every few seconds affordable. The key includes the Accept header, because GitHub
 * serves different bodies per media type under one URL.
 */
export function addEtagCache(client: Octokit): void {
  const cache = new Map<string, CachedAnswer>();
  const stats: EtagStats = { revalidated: 0, notModified: 0 };
  statsByClient.set(client, stats);
  client.hook.wrap('request', async (request, options) => {
    if ((options.method ?? 'GET') !== 'GET') return request(options);
    const endpoint = client.request.endpoint.parse(options);
    const key = `${endpoint.headers.accept ?? ''} ${endpoint.url}`;
    const cached = cache.get(key);
    if (cached) {
      stats.revalidated += 1;
      options.headers = { ...options.headers, 'if-none-match': cached.etag };
    }
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      cache.delete(key);
      if (etag) {
        // A copy: callers (Octokit's paginate, for one) rewrite answers in place, and a later 304 must
        // hand back what GitHub sent, not what a caller made of it.
        cache.set(key, { etag, response: structuredClone(response) });
        if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      }
      return response;
    } catch (error) {
      if (cached && (error as { status?: number }).status === 304) {
        stats.notModified += 1;
        return structuredClone(cached.response) as Awaited<ReturnType<typeof request>>;
      }
      throw error;
    }
  });
}
