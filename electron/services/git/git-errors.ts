import { AppError } from '../../../shared/ipc/errors';

const NOT_A_REPOSITORY = /not a git repository/i;
const AUTH_FAILED =
  /Authentication failed|could not read Username|terminal prompts disabled|Permission denied \(publickey|Host key verification failed|HTTP Basic: Access denied|returned error: 40[13]/i;
const NOT_FOUND = /Repository not found|does not appear to be a git repository|returned error: 404|not found/i;
const NETWORK =
  /Could not resolve host|unable to access|Connection refused|Connection timed out|timed out|Network is unreachable|Could not read from remote repository|Failed to connect|Name or service not known/i;

/**
 * Turns git's stderr into a typed {@link AppError} with a sentence a user can act on.
 * Pure: the patterns above are git's own wording (stable across 2.3x) plus the curl and ssh messages it relays.
 */
export function classifyGitError(stderr: string, context: { url?: string } = {}): AppError {
  const text = stderr.trim();
  // ssh ends its lines with "\r\n" and git's progress meters redraw with a bare "\r": both split lines.
  const lines = text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  // The detail is the line that says what went wrong, not git's closing advice: over ssh the last line
  // is always "and the repository exists.", which hides "Connection refused" or "Permission denied".
  const detailFor = (pattern: RegExp): string =>
    redactUrlCredentials(lines.find((line) => pattern.test(line)) ?? lines.at(-1) ?? text);
  // Without a URL (a fetch from a configured remote), name the remote rather than leave a gap.
  const target = context.url ? ` ${redactUrlCredentials(context.url)}` : ' the remote (origin)';

  if (NOT_A_REPOSITORY.test(text)) {
    return new AppError(
      'NOT_A_REPOSITORY',
      'That folder is not a git repository. Choose the folder of a clone (the one that contains .git).',
      detailFor(NOT_A_REPOSITORY),
    );
  }
  if (AUTH_FAILED.test(text)) {
    return new AppError(
      'AUTH_FAILED',
      `Git could not sign in to${target}. Check that you have access, then connect your account or load your SSH key and try again.`,
      detailFor(AUTH_FAILED),
    );
  }
  if (NOT_FOUND.test(text)) {
    return new AppError(
      'NOT_FOUND',
      `No repository was found at${target}. Check the URL for typos and that the repository exists.`,
      detailFor(NOT_FOUND),
    );
  }
  if (NETWORK.test(text)) {
    return new AppError(
      'NETWORK',
      `Could not reach${target}. Check the URL and your network connection, then try again.`,
      detailFor(NETWORK),
    );
  }
  return new AppError(
    'INTERNAL',
    'Git failed unexpectedly. The detail below is what git said.',
    detailFor(/^(fatal|error):/),
  );
}

/** Removes `user:password@` from any URL in a text, so a credential never reaches a message or log. */
export function redactUrlCredentials(text: string): string {
  // Up to the last "@" before the path: a password typed with a raw "@" in it must not leak its tail.
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s'"]+@/gi, '$1***@');
}
