import { IPC_ERROR_CODES, type IpcErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { sharedErrorAdvice, type ErrorAdvice } from '../lib/error-advice';

/** The button that tries again where the error shows: Check on the preflight, Resume after a failed step. */
export type RetryAction = 'Check' | 'Start' | 'Resume';

function isIpcErrorCode(code: string): code is IpcErrorCode {
  return (IPC_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * A heading and a next step for a flow's failure. The message says what happened (a held lock names
 * who holds it and since when); this says what to do, ending with the button that tries again. A step's
 * error code comes from the journal as a plain string, so unknown codes get the general advice.
 */
export function flowErrorAdvice(code: string, retry: RetryAction): ErrorAdvice {
  if (!isIpcErrorCode(code)) return general(retry);
  switch (code) {
    case 'CONFLICT':
      return {
        title: 'Something else got there first',
        next: `If another run holds the lock, wait for it to end. If that run is gone (it crashed on another machine), break the lock. If a branch moved, press ${retry} to look again.`,
      };
    case 'NETWORK':
      return {
        title: 'GitHub or origin could not be reached',
        next: `Check your connection, then press ${retry}. Steps that already finished are not repeated.`,
      };
    case 'AUTH_FAILED':
      return {
        title: 'GitHub refused the token',
        next: `The token may have been revoked or have expired: connect again in Settings → GitHub, then press ${retry}.`,
      };
    case 'INVALID_ARGUMENTS':
      return { title: 'A choice cannot be used', next: 'Go back to the choices, change it, and check again.' };
    case 'NOT_FOUND':
    case 'REF_MISSING':
      return {
        title: 'A branch, pull request or release was not found',
        next: `Refresh the Train screen to see where the train stands, then press ${retry}.`,
      };
    case 'CONFIG_INVALID':
      return {
        title: 'The config file has a problem',
        next: 'Fix .release-desk.yml (the Train screen shows what is wrong), then check again.',
      };
    case 'CANCELLED':
      return { title: 'The run was stopped', next: `Press ${retry} to go on from the step it stopped at.` };
    case 'NOT_A_REPOSITORY':
    case 'NO_REMOTE':
    case 'UNSUPPORTED_REMOTE':
    case 'GIT_MISSING':
    case 'KEYCHAIN_UNAVAILABLE':
    case 'GITHUB_NOT_CONNECTED':
    case 'PERMISSION_DENIED':
    case 'RATE_LIMITED': {
      const shared = sharedErrorAdvice(code);
      return { title: shared.title, next: shared.next.replace('press Try again', `press ${retry}`) };
    }
    case 'ALREADY_ADDED':
    case 'FORBIDDEN_SENDER':
    case 'HOST_KEY_UNKNOWN':
    case 'HOST_KEY_CHANGED':
    case 'REQUIREMENTS_MISSING':
    case 'INTERNAL':
      return general(retry);
    default:
      return assertNever(code);
  }
}

function general(retry: RetryAction): ErrorAdvice {
  return {
    title: 'The flow could not go on',
    next: `Press ${retry}. If it keeps failing, the detail above says what git or GitHub answered.`,
  };
}
