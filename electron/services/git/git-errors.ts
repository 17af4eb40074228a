import { AppError } from '../../../shared/ipc/errors';

/**
 * Turns git's stderr into a typed {@link AppError} with a sentence a user can act on.
 * Pure: the patterns are git's own wording (stable across 2.3x) plus the curl and ssh messages it relays.
 */
export function classifyGitError(stderr: string, context: { url?: string } = {}): AppError {
  const text = stderr.trim();
  const lastLine = redactUrlCredentials(text.split('\n').filter(Boolean).pop() ?? text);
  const target = context.url ? ` ${redactUrlCredentials(context.url)}` : '';

  if (/not a git repository/i.test(text)) {
    return new AppError(
      'NOT_A_REPOSITORY',
      'That folder is not a git repository. Choose the folder of a clone (the one that contains .git).',
      lastLine,
    );
  }
  if (
    /Authentication failed|could not read Username|terminal prompts disabled|Permission denied \(publickey|Host key verification failed|HTTP Basic: Access denied|returned error: 40[13]/i.test(
      text,
    )
  ) {
    return new AppError(
      'AUTH_FAILED',
      `Git could not sign in to${target}. Check that you have access, then connect your account or load your SSH key and try again.`,
      lastLine,
    );
  }
  if (/Repository not found|does not appear to be a git repository|returned error: 404|not found/i.test(text)) {
    return new AppError(
      'NOT_FOUND',
      `No repository was found at${target}. Check the URL for typos and that the repository exists.`,
      lastLine,
    );
  }
  if (
    /Could not resolve host|unable to access|Connection refused|Connection timed out|timed out|Network is unreachable|Could not read from remote repository|Failed to connect|Name or service not known/i.test(
      text,
    )
  ) {
    return new AppError(
      'NETWORK',
      `Could not reach${target}. Check the URL and your network connection, then try again.`,
      lastLine,
    );
  }
  return new AppError('INTERNAL', 'Git failed unexpectedly. The detail below is what git said.', lastLine);
}

/** Removes `user:password@` from any URL in a text, so a credential never reaches a message or log. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
