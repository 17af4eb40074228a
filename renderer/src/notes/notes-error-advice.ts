import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { sharedErrorAdvice, type ErrorAdvice } from '../lib/error-advice';

/** A heading and a next step for this screen's errors. */
export type NotesErrorAdvice = ErrorAdvice;

/**
 * The error's own message says what happened in detail (it names the ref or the field); this adds a
 * short heading and what to try, per kind of failure, so the panel never ends at the problem.
 */
export function notesErrorAdvice(code: IpcErrorCode): NotesErrorAdvice {
  switch (code) {
    case 'REF_MISSING':
      return {
        title: 'A tag or branch was not found',
        next: 'Correct From or To (a tag, a branch or a commit), or clear them for the defaults, then press Try again.',
      };
    case 'INVALID_ARGUMENTS':
      return {
        title: 'The notes could not be made with these settings',
        next: 'Correct the field named above, or clear it for the default, then press Try again.',
      };
    case 'CONFIG_INVALID':
      return {
        title: 'The config file has a problem',
        next: 'Fix the file (or choose another on the Train screen), then press Try again.',
      };
    case 'NOT_FOUND':
      return {
        title: 'Something the notes need was not found',
        next: 'Check that the project still exists on the Projects screen, then press Try again.',
      };
    case 'NOT_A_REPOSITORY':
    case 'NO_REMOTE':
    case 'UNSUPPORTED_REMOTE':
    case 'GIT_MISSING':
    case 'KEYCHAIN_UNAVAILABLE':
    case 'GITHUB_NOT_CONNECTED':
    case 'PERMISSION_DENIED':
    case 'RATE_LIMITED':
      return sharedErrorAdvice(code);
    case 'NETWORK':
    case 'AUTH_FAILED':
      return { title: 'GitHub could not be reached', next: 'Check your connection, then press Try again.' };
    case 'ALREADY_ADDED':
    case 'FORBIDDEN_SENDER':
    case 'CANCELLED':
    case 'CONFLICT':
    case 'HOST_KEY_UNKNOWN':
    case 'HOST_KEY_CHANGED':
    case 'REQUIREMENTS_MISSING':
    case 'INTERNAL':
      return {
        title: 'The notes could not be generated',
        next: 'Press Try again. If it keeps happening, restart Release Desk.',
      };
    default:
      return assertNever(code);
  }
}
