import { AppError } from '../../../shared/ipc/errors';

/** The parts of an Octokit `RequestError` this module reads. */
interface RequestFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function headerOf(failure: RequestFailure, name: string): string | undefined {
  const value = failure.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/**
 * GitHub's own message from an error body (`{ message, errors? }`), without anything the request
 * carried. A 422's `errors[].message` says what was wrong ("No commits between staging and
 * hotfix/x"), which "Validation Failed" alone does not.
 */
function githubMessage(failure: RequestFailure): string | undefined {
  const data = failure.response?.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const body = data as { message?: unknown; errors?: unknown };
  if (typeof body.message !== 'string') return undefined;
  const reasons = Array.isArray(body.errors)
    ? body.errors
        .map((item) =>
          typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string'
            ? (item as { message: string }).message
            : null,
        )
        .filter((reason): reason is string => reason !== null)
    : [];
  return reasons.length > 0 ? `${body.message}: ${reasons.join('; ')}` : body.message;
}

/** When a primary rate limit resets, as a local clock time, from `x-ratelimit-reset`. */
function resetTime(failure: RequestFailure): string | undefined {
  const reset = Number(headerOf(failure, 'x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return new Date(reset * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * Turns an Octokit failure into an {@link AppError} whose message says what happened and what to do.
 * `doing` names the operation ("open the freeze PR"). The message carries GitHub's words and headers,
 * never the request: Octokit's own error message can include the URL and options.
 */
export function githubAppError(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as RequestFailure;
  const status = failure.status;
  const said = githubMessage(failure);
  const detail = said ? `GitHub said: ${said}` : undefined;
  if (status === undefined || (status === 500 && !failure.response)) {
    return new AppError(
      'NETWORK',
      `Could not reach GitHub to ${doing}. Check your connection (and the API URL for GitHub Enterprise), then try again.`,
    );
  }
  if (status === 401) {
    return new AppError(
      'AUTH_FAILED',
      `GitHub did not accept the token while trying to ${doing}. It may have expired or been revoked: connect again in Settings → GitHub.`,
      detail,
    );
  }
  const limited =
    status === 429 ||
    (status === 403 && (headerOf(failure, 'x-ratelimit-remaining') === '0' || !!headerOf(failure, 'retry-after')));
  if (limited) {
    const reset = resetTime(failure);
    const wait = headerOf(failure, 'retry-after');
    const when = reset ? ` It resets at ${reset}.` : wait ? ` Wait ${wait} seconds.` : '';
    return new AppError(
      'RATE_LIMITED',
      `GitHub's rate limit stopped Release Desk from trying to ${doing}.${when}`,
      detail,
    );
  }
  if (status === 403) {
    const accepted = headerOf(failure, 'x-accepted-github-permissions');
    const needs = accepted ? ` It needs ${describeAcceptedPermissions(accepted)}.` : '';
    return new AppError(
      'PERMISSION_DENIED',
      `GitHub refused to let the token ${doing}.${needs} Update the token's permissions on GitHub, then try again.`,
      detail,
    );
  }
  if (status === 404) {
    return new AppError(
      'NOT_FOUND',
      `GitHub found nothing to ${doing}. The repository may be private to the token, or the branch, tag or PR is gone.`,
      detail,
    );
  }
  if (status === 409) {
    return new AppError('CONFLICT', `GitHub refused to ${doing} because something changed meanwhile.`, detail);
  }
  if (status === 422) {
    return new AppError('INVALID_ARGUMENTS', `GitHub rejected the request to ${doing}.`, detail);
  }
  return new AppError(
    'NETWORK',
    `GitHub answered ${status} while trying to ${doing}. It may be having trouble; try again in a minute.`,
    detail,
  );
}

const PERMISSION_WORDS: Record<string, string> = {
  contents: 'Contents',
  pull_requests: 'Pull requests',
  metadata: 'Metadata',
  checks: 'Checks',
  statuses: 'Commit statuses',
  actions: 'Actions',
  workflows: 'Workflows',
  administration: 'Administration',
};

/**
 * Words for GitHub's `X-Accepted-GitHub-Permissions` header: `contents=write; pull_requests=read`
 * means any one of those sets, each set a comma-separated list.
 */
export function describeAcceptedPermissions(header: string): string {
  const sets = header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((pair) => pair.trim())
        .filter(Boolean)
        .map((pair) => {
          const [name = '', level = ''] = pair.split('=');
          return `${PERMISSION_WORDS[name] ?? name} ${level === 'write' ? 'read and write' : level}`.trim();
        })
        .join(' and '),
    )
    .filter(Boolean);
  return sets.length === 0 ? 'a permission it does not have' : `the ${sets.join(', or ')} permission`;
}
