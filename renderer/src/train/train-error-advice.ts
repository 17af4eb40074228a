import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { sharedErrorAdvice, type ErrorAdvice } from '../lib/error-advice';

/** A heading and a next step for this screen's errors. */
export type TrainErrorAdvice = ErrorAdvice;

/**
 * The error's own message says what happened in detail; this adds a short heading and what to try,
 * per kind of failure, so the panel never ends at the problem.
 */
export function trainErrorAdvice(code: IpcErrorCode): TrainErrorAdvice {
  switch (code) {
    case 'CONFIG_INVALID':
      return {
        title: 'The config file has a problem',
        next: 'Fix the file, then press Try again. Or choose another config file, or use the repository’s config.',
      };
    case 'NOT_FOUND':
      return {
        title: 'Something the train needs was not found',
        next: 'Check that the file or project still exists, then press Try again.',
      };
    case 'REF_MISSING':
      return {
        title: 'A branch or tag is missing',
        next: 'Press Try again to fetch it from origin, or set the lane branches in .release-desk.yml.',
      };
    case 'NETWORK':
      return { title: 'Origin could not be reached', next: 'Check your connection, then press Try again.' };
    case 'AUTH_FAILED':
      return {
        title: 'Origin refused access',
        next: 'Check that your account can read the repository, then press Try again.',
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
    case 'ALREADY_ADDED':
    case 'INVALID_ARGUMENTS':
    case 'FORBIDDEN_SENDER':
    case 'CANCELLED':
    case 'CONFLICT':
    case 'HOST_KEY_UNKNOWN':
    case 'HOST_KEY_CHANGED':
    case 'REQUIREMENTS_MISSING':
    case 'INTERNAL':
      return {
        title: 'The train could not be read',
        next: 'Press Try again. If it keeps happening, restart Release Desk.',
      };
    default:
      return assertNever(code);
  }
}
