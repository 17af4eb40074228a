import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { sharedErrorAdvice, type ErrorAdvice } from '../lib/error-advice';

/**
 * A heading and a next step for a failed connect (a token or the practice account). The message from
 * main says what GitHub answered; this says what that means here, on the screen where the fix is made.
 */
export function connectErrorAdvice(code: IpcErrorCode): ErrorAdvice {
  switch (code) {
    case 'INVALID_ARGUMENTS':
      return {
        title: 'Check what you typed',
        next: 'Correct the field named above, then press Connect. The token is still in its field.',
      };
    case 'AUTH_FAILED':
      return {
        title: 'GitHub did not accept the token',
        next: 'Check that you pasted the whole token and that it has not expired, or create a new one.',
      };
    case 'PERMISSION_DENIED':
      return {
        title: 'The token is missing a permission',
        next: 'Add the permission named above to the token on GitHub (see “Which token to create”), then press Connect.',
      };
    case 'NOT_FOUND':
      return {
        title: 'The repository is not visible to this token',
        next: 'Give the token access to this repository (Repository access on GitHub), or choose another project.',
      };
    case 'NETWORK':
      return {
        title: 'GitHub could not be reached',
        next: 'Check your connection and, for GitHub Enterprise, the host or API URL, then press Connect.',
      };
    case 'RATE_LIMITED':
      return sharedErrorAdvice(code);
    case 'KEYCHAIN_UNAVAILABLE':
      return {
        title: 'The system keychain is not available',
        next: 'Release Desk keeps tokens only in the keychain. Unlock or start it (the Secret Service on Linux), then press Connect.',
      };
    case 'NOT_A_REPOSITORY':
    case 'NO_REMOTE':
    case 'UNSUPPORTED_REMOTE':
    case 'GIT_MISSING':
      return sharedErrorAdvice(code);
    case 'GITHUB_NOT_CONNECTED':
    case 'CONFIG_INVALID':
    case 'REF_MISSING':
    case 'ALREADY_ADDED':
    case 'FORBIDDEN_SENDER':
    case 'CANCELLED':
    case 'CONFLICT':
    case 'HOST_KEY_UNKNOWN':
    case 'HOST_KEY_CHANGED':
    case 'REQUIREMENTS_MISSING':
    case 'INTERNAL':
      return {
        title: 'The account could not be connected',
        next: 'Press Connect again. If it keeps happening, restart Release Desk.',
      };
    default:
      return assertNever(code);
  }
}
