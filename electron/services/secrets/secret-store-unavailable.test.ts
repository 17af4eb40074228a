import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { KeychainUnavailableError } from './keychain-errors';
import { githubTokenAccount } from './secret-accounts';
import { createSecretsChildRunner, type SecretsChildResult, type SecretsChildRunner } from './secrets-child-process';
import { startSecretServiceSandbox, type SecretServiceSandbox } from './secret-service-sandbox';
import { createKeychainSecretStore } from './secret-store';

const TOKEN = 'ghp_neverLeaksIntoErrors0123456789';
const GITHUB = 'github:github.com';

type ChildError = Extract<SecretsChildResult, { ok: false }>['error'];

/** The error a step failed with; a step that succeeded fails the test here. */
function failure(result: SecretsChildResult | undefined): ChildError {
  if (!result || result.ok) throw new Error(`expected a keychain error, got ${JSON.stringify(result)}`);
  return result.error;
}

const NO_SERVICE_MESSAGE =
  'No keychain is available: start a Secret Service such as GNOME Keyring (gnome-keyring-daemon) or KWallet, unlock it, and try again. Without a desktop session, start one with dbus-run-session.';

describe('keychain secret store without a usable Secret Service', () => {
  let noKeyring: SecretServiceSandbox;
  let withKeyring: SecretServiceSandbox;
  let restoreEnv: () => void;
  let emptyRuntimeDir: string;
  let brokenLibDir: string;
  // Child processes, one per bus state: GDBus keeps a process's first working session bus connection,
  // and even after a failed connection a child that switched DBUS_SESSION_BUS_ADDRESS midway sometimes
  // still dialled the old address. They all start at once and the tests await them.
  let noAddressRun: Promise<SecretsChildResult[]>;
  let unreachableRun: Promise<SecretsChildResult[]>;
  let noServiceRun: Promise<SecretsChildResult[]>;
  let noLibsecretRun: Promise<SecretsChildResult[]>;
  let children: SecretsChildRunner;

  beforeAll(async () => {
    [noKeyring, withKeyring, children] = await Promise.all([
      startSecretServiceSandbox({ keyring: false }),
      startSecretServiceSandbox({ keyring: true }),
      createSecretsChildRunner(),
    ]);
    // This process uses the keyring that the locked case locks.
    restoreEnv = withKeyring.activate();

    // GDBus falls back to $XDG_RUNTIME_DIR/bus when DBUS_SESSION_BUS_ADDRESS is unset, so "no bus" needs
    // an empty runtime directory.
    emptyRuntimeDir = mkdtempSync(join(tmpdir(), 'rd-no-bus-'));
    const noAddress: NodeJS.ProcessEnv = { ...noKeyring.env, XDG_RUNTIME_DIR: emptyRuntimeDir };
    delete noAddress.DBUS_SESSION_BUS_ADDRESS;
    noAddressRun = children.run(noAddress, [{ op: 'get', account: GITHUB }]);
    unreachableRun = children.run(
      { ...noKeyring.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(emptyRuntimeDir, 'bus')}` },
      [{ op: 'get', account: GITHUB }],
    );
    noServiceRun = children.run(noKeyring.env, [
      { op: 'set', account: GITHUB, value: TOKEN },
      { op: 'get', account: GITHUB },
      { op: 'has', account: GITHUB },
      { op: 'delete', account: GITHUB },
      { op: 'resolveToken', host: 'github.com', env: { GITHUB_TOKEN: TOKEN } },
      { op: 'resolveToken', host: 'github.com', env: { GITHUB_TOKEN: '', GH_TOKEN: '' } },
    ]);

    // A broken libsecret-1.so.0 first on the library path makes dlopen of keytar's addon fail, as on a
    // machine without libsecret.
    brokenLibDir = mkdtempSync(join(tmpdir(), 'rd-no-libsecret-'));
    writeFileSync(join(brokenLibDir, 'libsecret-1.so.0'), 'not a shared object');
    noLibsecretRun = children.run({ ...noKeyring.env, LD_LIBRARY_PATH: brokenLibDir }, [
      { op: 'get', account: GITHUB },
      { op: 'set', account: GITHUB, value: TOKEN },
    ]);
    // Failures surface in the tests that await them; this keeps an early one from going unhandled.
    for (const run of [noAddressRun, unreachableRun, noServiceRun, noLibsecretRun]) run.catch(() => undefined);
  });
  afterAll(async () => {
    await Promise.allSettled([noAddressRun, unreachableRun, noServiceRun, noLibsecretRun]);
    restoreEnv?.();
    await Promise.all([noKeyring?.dispose(), withKeyring?.dispose()]);
    children?.dispose();
    for (const dir of [emptyRuntimeDir, brokenLibDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says to start a Secret Service when there is no session bus at all', async () => {
    const [[noAddress], [unreachable]] = await Promise.all([noAddressRun, unreachableRun]);

    for (const [result, nativeMessage] of [
      [noAddress, /autolaunch D-Bus/],
      [unreachable, /Could not connect/],
    ] as const) {
      const error = failure(result);
      expect(error).toMatchObject({ name: 'KeychainUnavailableError', code: 'KEYCHAIN_UNAVAILABLE' });
      expect(error).toMatchObject({ reason: 'no-service', message: NO_SERVICE_MESSAGE });
      expect(error.detail).toMatch(nativeMessage);
    }
  });

  it('says the same when the bus has no Secret Service, on every call, and never echoes the value', async () => {
    const results = (await noServiceRun).slice(0, 4);

    expect(results).toHaveLength(4);
    for (const result of results) {
      const error = failure(result);
      expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason: 'no-service', message: NO_SERVICE_MESSAGE });
      expect(error.detail).toBe('The name org.freedesktop.secrets was not provided by any .service files');
      expect(JSON.stringify(error)).not.toContain(TOKEN);
    }
  });

  it('takes GITHUB_TOKEN without a keychain, and names it as the way forward when it is unset', async () => {
    const [withToken, withoutToken] = (await noServiceRun).slice(4);

    expect(withToken).toEqual({
      ok: true,
      value: { token: TOKEN, source: { kind: 'environment', variable: 'GITHUB_TOKEN' } },
    });
    const error = failure(withoutToken);
    expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason: 'no-service' });
    expect(error.message).toBe(`${NO_SERVICE_MESSAGE} Or set GITHUB_TOKEN (or GH_TOKEN) in the environment.`);
  });

  it('imports without crashing and says to install libsecret when the native module cannot load', async () => {
    const results = await noLibsecretRun;

    expect(results).toHaveLength(2);
    for (const result of results) {
      const error = failure(result);
      expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason: 'native-module' });
      expect(error.message).toBe(
        'The keychain library could not be loaded: install libsecret (on Debian and Ubuntu: apt-get install libsecret-1-0), then try again.',
      );
      expect(JSON.stringify(error)).not.toContain(TOKEN);
    }
  });

  it('reports a locked keyring as locked on every call, not as an empty one', async () => {
    const store = createKeychainSecretStore();
    const account = githubTokenAccount('github.com');
    await store.set(account, TOKEN);

    await withKeyring.lockKeyring();

    // libsecret answers a lookup in a locked keyring with "nothing stored" when it cannot prompt; the
    // store must not pass that on as a missing token. The calls start together: libsecret hangs when
    // several threads prompt for a locked keyring at once, so the store must queue them.
    const calls = [
      store.get(account),
      store.has(account),
      store.delete(account),
      store.set(githubTokenAccount('other.example.com'), TOKEN),
      createKeychainSecretStore().get(account),
    ];
    for (const call of calls) {
      const error: unknown = await call.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(KeychainUnavailableError);
      expect(error).toBeInstanceOf(AppError);
      const keychainError = error as KeychainUnavailableError;
      expect(keychainError).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason: 'locked' });
      expect(keychainError.message).toMatch(/^The keychain is locked: unlock your login keyring/);
      expect(JSON.stringify({ ...keychainError, message: keychainError.message })).not.toContain(TOKEN);
    }
    expect(await withKeyring.searchItems({ service: 'release-desk', account })).toHaveLength(1);
  });
});
