import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * A weak entity tag for a JSON body: a hash of its serialisation. Weak (`W/"…"`) because the server
 * promises the same meaning, not the same bytes (GitHub sends weak ETags on its JSON answers too).
 */
export function weakEtag(body: unknown): string {
  const text = body === undefined ? '' : JSON.stringify(body);
  return `W/"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;
}

/** The opaque part of an entity tag, so `W/"x"` and `"x"` compare equal (the weak comparison of RFC 9110). */
function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * True when an `If-None-Match` header matches `etag`: `*`, or a comma-separated list holding it under
 * weak comparison. Such a GET is answered `304 Not Modified` with no body.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const wanted = opaqueTag(etag);
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map(opaqueTag);
  return tags.some((tag) => tag === '*' || tag === wanted);
}

/** Answers `304 Not Modified`: no body, only the entity tag and the given headers. */
export function sendNotModified(response: ServerResponse, headers: Record<string, string>): void {
  response.writeHead(304, headers);
  response.end();
}
