import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { sharedErrorAdvice, type ErrorAdvice } from '../lib/error-advice';

/**
 * A heading and a next step for a failed demo call (launch, follow, list, tear down). The message from
 * main names the server and what it said; this says what to do about it from the Demos screen.
 */
export function demoErrorAdvice(code: IpcErrorCode): ErrorAdvice {
  switch (code) {
    case 'NETWORK':
      return {
        title: 'The server could not be reached',
        next: 'Check that the server is up and that you are on a network that reaches it (VPN?), then try again. A demo already started keeps running there.',
      };
    case 'AUTH_FAILED':
      return {
        title: 'The server did not accept the login',
        next: 'Check the server’s user and key in Settings → Servers (Test connection says which step fails).',
      };
    case 'HOST_KEY_CHANGED':
      return {
        title: 'The server’s host key changed',
        next: 'Release Desk refuses to connect. Ask the server’s administrator; if it was reinstalled, remove the server in Settings → Servers and add it again after checking the new fingerprint.',
      };
    case 'HOST_KEY_UNKNOWN':
      return {
        title: 'The server’s host key is not trusted yet',
        next: 'Add the server again in Settings → Servers and compare its fingerprint before trusting it.',
      };
    case 'REQUIREMENTS_MISSING':
      return {
        title: 'The server lacks what demos need',
        next: 'Install the programs named above on the server, then try again.',
      };
    case 'CONFIG_INVALID':
      return {
        title: 'The project’s config cannot launch a demo',
        next: 'Fix the field named above in .release-desk.yml (demos: deployCommand …), push it, then launch again.',
      };
    case 'CONFLICT':
      return {
        title: 'That demo is busy',
        next: 'Another launch or teardown of this demo is running. Wait for it, or choose another name.',
      };
    case 'NOT_FOUND':
      return {
        title: 'Not found',
        next: 'The demo, server or project named above no longer exists. Refresh the list.',
      };
    case 'INVALID_ARGUMENTS':
      return { title: 'Check what you entered', next: 'Correct the field named above, then launch again.' };
    case 'REF_MISSING':
      return { title: 'The branch is gone', next: 'Choose another branch, or push this one again, then launch.' };
    case 'CANCELLED':
      return { title: 'Stopped', next: 'Nothing more happens on the server from this window.' };
    case 'KEYCHAIN_UNAVAILABLE':
    case 'GIT_MISSING':
    case 'NOT_A_REPOSITORY':
    case 'NO_REMOTE':
    case 'UNSUPPORTED_REMOTE':
    case 'GITHUB_NOT_CONNECTED':
    case 'PERMISSION_DENIED':
    case 'RATE_LIMITED':
      return sharedErrorAdvice(code);
    case 'ALREADY_ADDED':
    case 'FORBIDDEN_SENDER':
    case 'INTERNAL':
      return { title: 'Something went wrong', next: 'Try again. If it keeps happening, restart Release Desk.' };
    default:
      return assertNever(code);
  }
}
