/** A heading for what went wrong and a next step, shown above an error's own message. */
export interface ErrorAdvice {
  title: string;
  next: string;
}

/** Failures whose cause and remedy are the same on every screen. */
export type SharedAdviceCode =
  | 'NOT_A_REPOSITORY'
  | 'NO_REMOTE'
  | 'UNSUPPORTED_REMOTE'
  | 'GIT_MISSING'
  | 'KEYCHAIN_UNAVAILABLE'
  | 'GITHUB_NOT_CONNECTED'
  | 'PERMISSION_DENIED'
  | 'RATE_LIMITED';

/**
 * Advice for the failures that do not depend on the screen (the managed clone, git, the keychain), so
 * the Train and Notes screens word them the same way and a fix is made in one place.
 */
export function sharedErrorAdvice(code: SharedAdviceCode): ErrorAdvice {
  switch (code) {
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
    case 'GITHUB_NOT_CONNECTED':
      return {
        title: 'GitHub is not connected',
        next: 'Open Settings → GitHub and paste a token for this host, then press Try again.',
      };
    case 'PERMISSION_DENIED':
      return {
        title: 'GitHub refused the token this permission',
        next: 'Give the token the permission named above (Settings → GitHub lists them), then press Try again.',
      };
    case 'RATE_LIMITED':
      return {
        title: 'GitHub’s rate limit was reached',
        next: 'Wait until the time given above, then press Try again.',
      };
  }
}
