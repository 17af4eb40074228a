import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { sharedErrorAdvice, type ErrorAdvice } from '../lib/error-advice';

/**
 * A heading and a next step for a failed server call (probe, add, test, remove). Main's message says
 * what happened (the name did not resolve, the port refused, the key changed); this says what to do.
 */
export function serversErrorAdvice(code: IpcErrorCode): ErrorAdvice {
  switch (code) {
    case 'NETWORK':
      return {
        title: 'The server could not be reached',
        next: 'Check the host and port: a name that does not resolve is often a typo; “refused” means nothing listens there (is sshd running, is the port right?); a timeout usually means a firewall or a VPN you are not on.',
      };
    case 'AUTH_FAILED':
      return {
        title: 'The server did not accept the login',
        next: 'Check the user and that the server’s authorized_keys has the public half of this key (or that ssh-agent holds it). A key with a passphrase needs the passphrase.',
      };
    case 'HOST_KEY_CHANGED':
      return {
        title: 'The host key changed',
        next: 'Release Desk refuses to connect, and nothing bypasses that. Ask the server’s administrator. If the server was really reinstalled, remove it here and add it again after checking the new fingerprint.',
      };
    case 'HOST_KEY_UNKNOWN':
      return {
        title: 'The host key is not trusted',
        next: 'Add the server again and compare the fingerprint shown with the server’s administrator before trusting it.',
      };
    case 'REQUIREMENTS_MISSING':
      return {
        title: 'The server lacks what demos need',
        next: 'Install the programs named above on the server (as its administrator), then test the connection again.',
      };
    case 'INVALID_ARGUMENTS':
      return { title: 'Check what you typed', next: 'Correct the field named above, then press Continue again.' };
    case 'ALREADY_ADDED':
      return { title: 'That name is taken', next: 'Choose another name, or remove the server that has it first.' };
    case 'NOT_FOUND':
      return {
        title: 'Not found',
        next: 'The server or key file named above is gone. Refresh the list, or choose the file again.',
      };
    case 'KEYCHAIN_UNAVAILABLE':
      return {
        title: 'The system keychain is not available',
        next: 'Release Desk keeps SSH keys and passphrases only in the keychain. Unlock or start it (the Secret Service on Linux), then try again.',
      };
    case 'CONFLICT':
      return {
        title: 'The server is busy',
        next: 'Another change to this server is under way. Wait for it, then try again.',
      };
    case 'GIT_MISSING':
    case 'NOT_A_REPOSITORY':
    case 'NO_REMOTE':
    case 'UNSUPPORTED_REMOTE':
    case 'GITHUB_NOT_CONNECTED':
    case 'PERMISSION_DENIED':
    case 'RATE_LIMITED':
      return sharedErrorAdvice(code);
    case 'CONFIG_INVALID':
    case 'REF_MISSING':
    case 'CANCELLED':
    case 'FORBIDDEN_SENDER':
    case 'INTERNAL':
      return { title: 'Something went wrong', next: 'Try again. If it keeps happening, restart Release Desk.' };
    default:
      return assertNever(code);
  }
}
