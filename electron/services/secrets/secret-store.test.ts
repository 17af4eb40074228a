import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { githubTokenAccount, type SecretAccount, sshKeyAccount, sshPassphraseAccount } from './secret-accounts';
import { startSecretServiceSandbox, type SecretServiceSandbox } from './secret-service-sandbox';
import { createKeychainSecretStore, SECRET_SERVICE_NAME } from './secret-store';

// A real Secret Service: GNOME Keyring on a private session bus, in a temp HOME. keytar (libsecret) in
// this process talks to it once DBUS_SESSION_BUS_ADDRESS points there.
describe('keychain secret store (GNOME Keyring over a private D-Bus session)', () => {
  let sandbox: SecretServiceSandbox;
  let restoreEnv: () => void;

  beforeAll(async () => {
    sandbox = await startSecretServiceSandbox({ keyring: true });
    restoreEnv = sandbox.activate();
  });
  afterAll(async () => {
    restoreEnv?.();
    await sandbox?.dispose();
  });

  const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
    const error: unknown = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('stores, reads, reports and deletes a token', async () => {
    const store = createKeychainSecretStore();
    const account = githubTokenAccount('github.com');
    expect(account).toBe('github:github.com');

    await store.set(account, 'ghp_roundTripToken0001');

    expect(await store.get(account)).toBe('ghp_roundTripToken0001');
    expect(await store.has(account)).toBe(true);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.has(account)).toBe(false);
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps the item in the Secret Service under the release-desk service and the account name', async () => {
    const account = githubTokenAccount('ghe.example.com:8443');
    await createKeychainSecretStore().set(account, 'ghp_lookedUpOverDbus');

    const items = await sandbox.searchItems({ service: SECRET_SERVICE_NAME, account });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^\/org\/freedesktop\/secrets\/collection\/login\//);
  });

  it('replaces a value when the account is stored again, keeping one item', async () => {
    const store = createKeychainSecretStore();
    const account = githubTokenAccount('overwrite.example.com');

    await store.set(account, 'ghp_first');
    await store.set(account, 'ghp_second');

    expect(await store.get(account)).toBe('ghp_second');
    expect(await sandbox.searchItems({ service: SECRET_SERVICE_NAME, account })).toHaveLength(1);
  });

  it('is shared between store instances (the keychain holds the value, not the object)', async () => {
    const account = sshPassphraseAccount('demo-1');
    await createKeychainSecretStore().set(account, 'correct horse battery staple');

    const other = createKeychainSecretStore();
    expect(await other.get(account)).toBe('correct horse battery staple');
    expect(await other.has(account)).toBe(true);
  });

  it('answers null, false and false for an account that was never stored', async () => {
    const store = createKeychainSecretStore();
    const account = githubTokenAccount('never-stored.example.com');

    expect(await store.get(account)).toBeNull();
    expect(await store.has(account)).toBe(false);
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps a multi-line SSH key and non-ASCII text exactly, apart from other accounts', async () => {
    const store = createKeychainSecretStore();
    const key = [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      ...Array.from({ length: 40 }, (_, line) => `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB${line}`),
      '-----END OPENSSH PRIVATE KEY-----',
      '',
    ].join('\n');

    await store.set(sshKeyAccount('deploy@demo.example.org:2222'), key);
    await store.set(sshPassphraseAccount('deploy@demo.example.org:2222'), 'pässwörd ✓ 鍵');

    expect(await store.get(sshKeyAccount('deploy@demo.example.org:2222'))).toBe(key);
    expect(await store.get(sshPassphraseAccount('deploy@demo.example.org:2222'))).toBe('pässwörd ✓ 鍵');
    expect(await store.get(sshKeyAccount('demo-2'))).toBeNull();
  });

  it('refuses invalid account names before touching the keychain, without echoing them', async () => {
    const store = createKeychainSecretStore();
    const secretLooking = 'ghp_swappedArgumentSecret123';
    for (const account of [secretLooking, 'github:', 'github:GitHub.com', 'gitlab:gitlab.com', 'ssh-key:a/b', ':x']) {
      const error = await rejection(store.set(account as SecretAccount, 'value'));
      expect(error.code).toBe('INVALID_ARGUMENTS');
      expect(error.message).toContain('github:<host>');
      expect(error.message).not.toContain(secretLooking);
    }
    expect(await sandbox.searchItems({ service: SECRET_SERVICE_NAME, account: secretLooking })).toEqual([]);
  });

  it('refuses values the keychain cannot hold faithfully, without echoing them', async () => {
    const store = createKeychainSecretStore();
    const account = githubTokenAccount('values.example.com');

    expect((await rejection(store.set(account, ''))).code).toBe('INVALID_ARGUMENTS');
    const withNul = await rejection(store.set(account, 'ghp_before\0after'));
    expect(withNul.code).toBe('INVALID_ARGUMENTS');
    expect(withNul.message).not.toContain('ghp_before');
    expect(await store.get(account)).toBeNull();
  });
});
