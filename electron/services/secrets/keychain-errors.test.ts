import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  classifyKeychainFailure,
  type KeychainFailure,
  keychainUnavailable,
  KeychainUnavailableError,
  toKeychainError,
} from './keychain-errors';
import { assertStorableSecret, createKeychainSecretStore } from './secret-store';

// Native messages as keytar reports them. The Linux ones were seen here against GNOME Keyring and GDBus;
// the macOS and Windows ones are the system's texts for the status codes keytar passes through.
const CASES: [NodeJS.Platform, string, KeychainFailure][] = [
  ['linux', 'Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-service'],
  ['linux', 'Could not connect: No such file or directory', 'no-service'],
  ['linux', 'The name org.freedesktop.secrets was not provided by any .service files', 'no-service'],
  ['linux', 'Cannot create an item in a locked collection', 'locked'],
  ['linux', 'Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
  ['freebsd', 'Could not connect: Connection refused', 'no-service'],
  ['linux', 'Something unexpected', 'failed'],
  ['darwin', 'User interaction is not allowed.', 'locked'],
  ['darwin', 'The user name or passphrase you entered is not correct.', 'locked'],
  ['darwin', 'A default keychain could not be found.', 'no-service'],
  ['darwin', 'The specified keychain could not be found.', 'no-service'],
  ['win32', 'A specified logon session does not exist. It may already have been terminated.', 'no-service'],
  ['win32', 'The parameter is incorrect.', 'failed'],
];

describe('keychain errors', () => {
  it.each(CASES)('on %s, sorts %j as %s', (platform, nativeMessage, reason) => {
    expect(classifyKeychainFailure(platform, nativeMessage)).toBe(reason);
  });

  it('gives every platform and reason a message that says what to do', () => {
    const reasons: KeychainFailure[] = ['no-service', 'locked', 'native-module', 'failed'];
    const advice: Record<string, RegExp> = {
      linux: /gnome-keyring|GNOME Keyring|libsecret|login keyring/,
      darwin: /Keychain Access|reinstall/,
      win32: /sign in to Windows|reinstall/,
    };
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      for (const reason of reasons) {
        const error = keychainUnavailable(reason, platform, 'native text');
        expect(error).toBeInstanceOf(AppError);
        expect(error.toIpcError()).toEqual({
          code: 'KEYCHAIN_UNAVAILABLE',
          message: error.message,
          detail: 'native text',
        });
        expect(error.message).toMatch(advice[platform]!);
        expect(error.message).toMatch(/try again/);
      }
    }
  });

  it('keeps the native message as detail, with the secret being stored masked', () => {
    const error = toKeychainError(
      new Error('store failed for ghp_secretValue (locked collection)'),
      'linux',
      'ghp_secretValue',
    );

    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.reason).toBe('locked');
    expect(error.detail).toBe('store failed for *** (locked collection)');
    expect(JSON.stringify(error.toIpcError())).not.toContain('ghp_secretValue');
  });

  it('passes a keychain error through unchanged', () => {
    const original = keychainUnavailable('native-module', 'linux');
    expect(toKeychainError(original, 'linux')).toBe(original);
  });
});

describe('values the keychain can hold', () => {
  it('accepts tokens, keys and passphrases', () => {
    expect(() => assertStorableSecret('ghp_token', 'linux')).not.toThrow();
    expect(() => assertStorableSecret('x'.repeat(2560), 'win32')).not.toThrow();
    expect(() => assertStorableSecret('x'.repeat(100_000), 'linux')).not.toThrow();
  });

  it.each([
    ['an empty value', '', 'linux', /nothing to store/],
    ['a NUL character', 'before\0after', 'darwin', /NUL character/],
    [
      'over 2,560 bytes on Windows',
      'é'.repeat(1281),
      'win32',
      /2562 bytes; Windows Credential Manager holds at most 2560/,
    ],
  ] as const)('refuses %s', (_label, value, platform, message) => {
    let error: unknown;
    try {
      assertStorableSecret(value, platform);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_ARGUMENTS');
    expect((error as AppError).message).toMatch(message);
    if (value) expect((error as AppError).message).not.toContain(value);
  });

  it('checks the value before the keychain is loaded, so a refusal needs no keychain', async () => {
    const store = createKeychainSecretStore({ platform: 'win32' });
    await expect(store.set('ssh-key:demo-1', 'k'.repeat(3000))).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });
});
