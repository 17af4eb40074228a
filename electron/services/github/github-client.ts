import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { addEtagCache } from './etag-cache';

/** Octokit with the retry and throttling plugins: the one client class Release Desk uses. */
const ReleaseDeskOctokit = Octokit.plugin(retry, throttling);

/** The GitHub client every service and flow receives. */
export type GitHubClient = InstanceType<typeof ReleaseDeskOctokit>;

/** How to build a {@link GitHubClient}. */
export interface GitHubClientOptions {
  /**
   * The REST API root: `https://api.github.com`, `https://ghe.example.com/api/v3`, or the sandbox
   * server's `http://127.0.0.1:PORT`. GraphQL is derived from it as Octokit does.
   */
  apiUrl: string;
  /** Read from the keychain or `GITHUB_TOKEN` by the caller; never logged or put in a URL. */
  token: string;
  /** Times a failed request (5xx, network) is retried; 3 by default, 0 in tests of failures. */
  retries?: number;
  /** Base delay of the retry backoff in ms (1000 by default; tests use a few ms). */
  retryAfterBaseValue?: number;
  /**
   * The longest rate-limit wait (seconds) the client sits out before retrying once; longer waits fail
   * with the reset time so the user can decide. 60 by default.
   */
  maxRateLimitWaitSeconds?: number;
  /** Told when a rate limit makes the client wait, e.g. to show "waiting 30 s for GitHub's rate limit". */
  onRateLimitWait?: (seconds: number, secondary: boolean) => void;
  /** Keep ETags and answers of GET requests and revalidate with `If-None-Match` (true by default). */
  conditionalRequests?: boolean;
  /**
   * The least time between two writes (and GraphQL requests), in ms. GitHub asks for a second between
   * mutating requests to stay clear of its secondary limits, which is the default; a local server for
   * tests needs no such care.
   */
  writeSpacingMs?: number;
}

const USER_AGENT = 'release-desk';
// GitHub answers 429 for secondary limits: the throttling plugin owns those, so retry must not.
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

/**
 * Builds the GitHub client: `@octokit/rest` with `@octokit/plugin-retry` (server errors and network
 * failures, never 4xx) and `@octokit/plugin-throttling` (rate limits, one retry within
 * `maxRateLimitWaitSeconds`), plus an ETag cache so polled GETs cost no rate limit when nothing changed.
 * Octokit's own log is silenced: its debug lines include request options and must never reach a log.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const quiet = () => undefined;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const onLimit = (secondary: boolean) => (retryAfter: number, _request: unknown, _octokit: unknown, count: number) => {
    if (count >= 1 || retryAfter > maxWait) return false;
    options.onRateLimitWait?.(retryAfter, secondary);
    return true;
  };
  const client = new ReleaseDeskOctokit({
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    auth: options.token,
    userAgent: USER_AGENT,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    retry: {
      retries: options.retries ?? 3,
      doNotRetry: DO_NOT_RETRY,
      ...(options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue }),
    },
    throttle: {
      ...(options.writeSpacingMs === undefined
        ? {}
        : {
            write: new Bottleneck.Group({
              id: 'release-desk-write',
              maxConcurrent: 1,
              minTime: options.writeSpacingMs,
            }),
          }),
      onRateLimit: onLimit(false),
      onSecondaryRateLimit: onLimit(true),
      ...(options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue }),
    },
  });
  if (options.conditionalRequests !== false) addEtagCache(client);
  return client;
}
