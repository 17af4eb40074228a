import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';

/** A heading for what went wrong and a next step, for an error the train could not get past. */
export interface TrainErrorAdvice {
  title: string;
  next: string;
}

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
      return {
        title: 'The managed clone cannot be used',
        next: 'Remove the project on the Projects screen and add it again; your own clone is not touched.',
      };
    case 'GIT_MISSING':
      return { title: 'Git is not available', next: 'Install git (or a newer version), then press Try again.' };
    case 'KEYCHAIN_UNAVAILABLE':
      return {
        title: 'The system keychain is not available',
        next: 'Unlock or start your keychain (the Secret Service on Linux), then press Try again.',
      };
    case 'ALREADY_ADDED':
    case 'INVALID_ARGUMENTS':
    case 'FORBIDDEN_SENDER':
    case 'CANCELLED':
    case 'INTERNAL':
      return {
        title: 'The train could not be read',
        next: 'Press Try again. If it keeps happening, restart Release Desk.',
      };
    default:
      return assertNever(code);
  }
}
