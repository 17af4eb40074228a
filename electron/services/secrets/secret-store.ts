import { createRequire } from 'node:module';
import { AppError } from '../../../shared/ipc/errors';
import { keychainUnavailable, toKeychainError } from './keychain-errors';
import { assertSecretAccount, type SecretAccount } from './secret-accounts';

export { KeychainUnavailableError, type KeychainFailure } from './keychain-errors';
export type { SecretAccount } from './secret-accounts';

/** The keychain service every Release Desk secret is stored under. */
export const SECRET_SERVICE_NAME = 'release-desk';

/**
 * The secrets Release Desk keeps (GitHub tokens, SSH keys and passphrases), by account. Implementations
 * reject invalid account names with `INVALID_ARGUMENTS` and an unusable keychain with
 * `KEYCHAIN_UNAVAILABLE` (a {@link KeychainUnavailableError}). A secret value never appears in an error.
 */
export interface SecretStore {
  /** The stored value, or `null` when the account has none. */
  get(account: SecretAccount): Promise<string | null>;
  /** Stores `value`, replacing any earlier value of the account. */
  set(account: SecretAccount, value: string): Promise<void>;
  /** Removes the account's value; `false` when there was none. */
  delete(account: SecretAccount): Promise<boolean>;
  /** Whether the account has a value (without handing the value out). */
  has(account: SecretAccount): Promise<boolean>;
}

/** The part of the `@github/keytar` API the store uses. */
interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

// Windows Credential Manager refuses a credential blob over CRED_MAX_CREDENTIAL_BLOB_SIZE (5 * 512 bytes);
// keytar stores the value's UTF-8 bytes. A 4096-bit RSA key in OpenSSH format does not fit.
const WINDOWS_MAX_SECRET_BYTES = 2560;

// Written and removed again to learn whether a Linux keyring is locked; outside the account scheme, so it
// never collides with a real account.
const WRITE_PROBE_ACCOUNT = 'keychain-write-probe';

const requireFromHere = createRequire(import.meta.url);
let keytar: KeytarApi | undefined;

// One keychain call at a time per process, across every store instance. libsecret hangs when calls from
// several threads each try to prompt for a locked keyring at once (some of them never return); keytar
// runs every call on its own worker thread. Secrets are read rarely, so nothing is lost by queueing.
let keychainQueue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(operation: () => Promise<T>): Promise<T> {
  const result = keychainQueue.then(operation, operation);
  keychainQueue = result.catch(() => undefined);
  return result;
}

/**
 * Loads `@github/keytar` on first use rather than on import: its native module links libsecret on Linux,
 * and a machine without it must still be able to start the app and learn why the keychain is missing.
 */
function loadKeytar(platform: NodeJS.Platform): KeytarApi {
  if (keytar) return keytar;
  let loaded: Partial<KeytarApi>;
  try {
    loaded = requireFromHere('@github/keytar') as Partial<KeytarApi>;
  } catch (error) {
    throw keychainUnavailable('native-module', platform, error instanceof Error ? error.message : String(error));
  }
  if (
    typeof loaded.getPassword !== 'function' ||
    typeof loaded.setPassword !== 'function' ||
    typeof loaded.deletePassword !== 'function'
  ) {
    throw keychainUnavailable('native-module', platform, '@github/keytar does not export the keytar API');
  }
  keytar = loaded as KeytarApi;
  return keytar;
}

/**
 * Throws `INVALID_ARGUMENTS` for a value the keychain cannot hold faithfully: an empty value (keytar
 * refuses it), a NUL character (libsecret stores C strings and would cut the value short there) or, on
 * Windows, more than Credential Manager's 2,560 bytes.
 */
export function assertStorableSecret(value: unknown, platform: NodeJS.Platform): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AppError('INVALID_ARGUMENTS', 'There is nothing to store: the secret is empty.');
  }
  if (value.includes('\0')) {
    throw new AppError('INVALID_ARGUMENTS', 'The secret contains a NUL character, which the keychain cannot store.');
  }
  const bytes = Buffer.byteLength(value, 'utf8');
  if (platform === 'win32' && bytes > WINDOWS_MAX_SECRET_BYTES) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `The secret is ${bytes} bytes; Windows Credential Manager holds at most ${WINDOWS_MAX_SECRET_BYTES}. For an SSH key, use an Ed25519 key, which is far smaller.`,
    );
  }
}

/** Options of {@link createKeychainSecretStore}. */
export interface KeychainSecretStoreOptions {
  /** Whose keychain messages and limits apply; `process.platform` unless a test says otherwise. */
  platform?: NodeJS.Platform;
}

/**
 * A {@link SecretStore} over the OS keychain through `@github/keytar`: the macOS keychain, Windows
 * Credential Manager, or a Secret Service (GNOME Keyring, KWallet) over D-Bus on Linux. There is no
 * fallback: when the keychain cannot be used, every call throws a {@link KeychainUnavailableError} whose
 * message says what to start, unlock or install.
 */
export function createKeychainSecretStore(options: KeychainSecretStoreOptions = {}): SecretStore {
  const platform = options.platform ?? process.platform;
  const usesSecretService = platform !== 'darwin' && platform !== 'win32';

  /**
   * Runs one keychain operation in the process-wide queue and turns a native failure into a
   * {@link KeychainUnavailableError}, masking `secretValue` in its detail.
   */
  const run = <T>(operation: (api: KeytarApi) => Promise<T>, secretValue?: string): Promise<T> => {
    const api = loadKeytar(platform);
    return oneAtATime(async () => {
      try {
        return await operation(api);
      } catch (error) {
        throw toKeychainError(error, platform, secretValue);
      }
    });
  };

  /**
   * libsecret cannot unlock a keyring without a prompter (no desktop, or the user dismissed the prompt),
   * and then reports a locked keyring as an empty one: lookups return nothing and deletes find nothing.
   * Only a write fails, with "Cannot create an item in a locked collection". So on Linux a miss is
   * confirmed by writing and removing a probe entry; a locked keyring then throws instead of passing for
   * an empty one.
   */
  const confirmMiss = async (api: KeytarApi): Promise<void> => {
    if (!usesSecretService) return;
    await api.setPassword(SECRET_SERVICE_NAME, WRITE_PROBE_ACCOUNT, 'probe');
    await api.deletePassword(SECRET_SERVICE_NAME, WRITE_PROBE_ACCOUNT).catch(() => false);
  };

  const get = async (account: SecretAccount): Promise<string | null> => {
    assertSecretAccount(account);
    return run(async (api) => {
      const value = await api.getPassword(SECRET_SERVICE_NAME, account);
      if (value === null) await confirmMiss(api);
      return value;
    });
  };

  return {
    get,
    async set(account, value) {
      assertSecretAccount(account);
      assertStorableSecret(value, platform);
      await run((api) => api.setPassword(SECRET_SERVICE_NAME, account, value), value);
    },
    async delete(account) {
      assertSecretAccount(account);
      return run(async (api) => {
        const deleted = await api.deletePassword(SECRET_SERVICE_NAME, account);
        if (!deleted) await confirmMiss(api);
        return deleted;
      });
    },
    async has(account) {
      return (await get(account)) !== null;
    },
  };
}
