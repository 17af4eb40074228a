import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GitHubHttpError } from './github-error';

/** The largest request body the server reads; GitHub's own API bodies are far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON object body; an empty body is `{}`. Anything else is GitHub's 400 "Problems parsing JSON". */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new GitHubHttpError(413, 'Payload too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Falls through to GitHub's own message for any unparsable body.
  }
  throw new GitHubHttpError(400, 'Problems parsing JSON');
}

/** Sends a JSON body with the headers GitHub's clients look at. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    // Octokit logs this id with every failure, as it does for GitHub's.
    'x-github-request-id': randomUUID().toUpperCase(),
    // A roomy primary limit, so throttling clients see the headers they expect on every answer.
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...headers,
  });
  response.end(text);
}
