import { AppError } from '../../../shared/ipc/errors';

/**
 * Why the keychain could not be used:
 * - `no-service`: there is no keychain to talk to (no Secret Service or D-Bus session bus on Linux, no
 *   default keychain on macOS, no logon session for Credential Manager on Windows);
 * - `locked`: the keychain exists but is locked, or has no default keyring to write to;
 * - `native-module`: `@github/keytar` or the library under it (libsecret on Linux) could not be loaded;
 * - `failed`: the keychain refused for a reason not recognised above.
 */
export type KeychainFailure = 'no-service' | 'locked' | 'native-module' | 'failed';

/** The typed error for every keychain failure. Its message says what to start, unlock or install. */
export class KeychainUnavailableError extends AppError {
  readonly reason: KeychainFailure;

  constructor(reason: KeychainFailure, message: string, detail?: string) {
    super('KEYCHAIN_UNAVAILABLE', message, detail);
    this.name = 'KeychainUnavailableError';
    this.reason = reason;
  }
}

// Native messages, per platform, from libsecret and GDBus (Linux), Security.framework (macOS,
// SecCopyErrorMessageString) and FormatMessage (Windows), as @github/keytar passes them through.
const NO_SERVICE_PATTERNS: Record<'linux' | 'darwin' | 'win32', RegExp> = {
  linux:
    /autolaunch D-Bus|Could not connect|not provided by any \.service files|ServiceUnknown|Cannot spawn a message bus|DBUS_SESSION_BUS_ADDRESS|Connection refused|connection is closed|Timeout was reached|No such interface “?org\.freedesktop\.Secret/i,
  darwin: /default keychain could not be found|No keychain is available|specified keychain could not be found/i,
  win32: /logon session does not exist|credential manager/i,
};
// Credential Manager has no lock of its own: it is there whenever the user's logon session is.
const LOCKED_PATTERNS: Partial<Record<'linux' | 'darwin' | 'win32', RegExp>> = {
  // "Cannot create an item in a locked collection" (libsecret), and the error for a default alias whose
  // collection does not exist: "Object does not exist at path “/org/freedesktop/secrets/collection/login”".
  linux: /locked|Object does not exist at path .*\/collection\/|No such object path|prompt (was )?dismissed/i,
  darwin: /User interaction is not allowed|passphrase you entered is not correct|keychain is locked|user canceled/i,
};

const MESSAGES: Record<'linux' | 'darwin' | 'win32', Record<KeychainFailure, string>> = {
  linux: {
    'no-service':
      'No keychain is available: start a Secret Service such as GNOME Keyring (gnome-keyring-daemon) or KWallet, unlock it, and try again. Without a desktop session, start one with dbus-run-session.',
    locked:
      'The keychain is locked: unlock your login keyring (in “Passwords and Keys”, or with gnome-keyring-daemon --unlock) and try again. If there is no login keyring yet, create one there first.',
    'native-module':
      'The keychain library could not be loaded: install libsecret (on Debian and Ubuntu: apt-get install libsecret-1-0), then try again.',
    failed:
      'The keychain refused the request: make sure a Secret Service (GNOME Keyring or KWallet) is running and unlocked, then try again.',
  },
  darwin: {
    'no-service':
      'No keychain is available: open Keychain Access, make sure a login keychain exists and is the default keychain, and try again.',
    locked:
      'The login keychain is locked: unlock it in Keychain Access (or run security unlock-keychain) and try again. Over SSH, macOS cannot show its unlock prompt.',
    'native-module': 'The keychain module could not be loaded: reinstall Release Desk, then try again.',
    failed:
      'The keychain refused the request: open Keychain Access, make sure the login keychain is unlocked, then try again.',
  },
  win32: {
    'no-service':
      'Windows Credential Manager is not available in this session: sign in to Windows interactively (not as a service or through a network logon) and try again.',
    locked:
      'Windows Credential Manager is not available in this session: sign in to Windows interactively and try again.',
    'native-module': 'The keychain module could not be loaded: reinstall Release Desk, then try again.',
    failed:
      'Windows Credential Manager refused the request: sign in to Windows interactively, check Credential Manager in the Control Panel, then try again.',
  },
};

/** The message family for a platform: BSDs and other Unixes use the Secret Service like Linux. */
function familyOf(platform: NodeJS.Platform): 'linux' | 'darwin' | 'win32' {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** Sorts a native keychain error message into a {@link KeychainFailure}. */
export function classifyKeychainFailure(platform: NodeJS.Platform, nativeMessage: string): KeychainFailure {
  const family = familyOf(platform);
  if (LOCKED_PATTERNS[family]?.test(nativeMessage)) return 'locked';
  if (NO_SERVICE_PATTERNS[family].test(nativeMessage)) return 'no-service';
  return 'failed';
}

/** Builds the {@link KeychainUnavailableError} for `reason`, with the platform's advice as its message. */
export function keychainUnavailable(
  reason: KeychainFailure,
  platform: NodeJS.Platform,
  detail?: string,
): KeychainUnavailableError {
  return new KeychainUnavailableError(reason, MESSAGES[familyOf(platform)][reason], detail);
}

/**
 * Turns whatever keytar rejected with into a {@link KeychainUnavailableError}. The native message goes
 * into `detail`, with every occurrence of `secretValue` (the value being stored, if any) masked, so a
 * secret cannot reach a message or a log even if a native library ever echoed it.
 */
export function toKeychainError(
  error: unknown,
  platform: NodeJS.Platform,
  secretValue?: string,
): KeychainUnavailableError {
  if (error instanceof KeychainUnavailableError) return error;
  const nativeMessage = maskSecret(error instanceof Error ? error.message : String(error), secretValue);
  return keychainUnavailable(classifyKeychainFailure(platform, nativeMessage), platform, nativeMessage);
}

/** Replaces every occurrence of `secretValue` in `text` with `***`. */
export function maskSecret(text: string, secretValue: string | undefined): string {
  return secretValue ? text.split(secretValue).join('***') : text;
}
