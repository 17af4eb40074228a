import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  describeGitHubTokenSource,
  githubTokenFromEnvironment,
  resolveGitHubToken,
  type ResolvedGitHubToken,
} from './env-token';
import { githubTokenAccount } from './secret-accounts';
import { startSecretServiceSandbox, type SecretServiceSandbox } from './secret-service-sandbox';
import { createKeychainSecretStore, SECRET_SERVICE_NAME } from './secret-store';

// The CLI's token source, against a real Secret Service (GNOME Keyring on a private bus).
describe('GitHub token for the command line: environment first, then the keychain', () => {
  let sandbox: SecretServiceSandbox;
  let restoreEnv: () => void;
  const secrets = createKeychainSecretStore();

  beforeAll(async () => {
    sandbox = await startSecretServiceSandbox({ keyring: true });
    restoreEnv = sandbox.activate();
  });
  afterAll(async () => {
    restoreEnv?.();
    await sandbox?.dispose();
  });

  const itemsOfService = (): Promise<string[]> => sandbox.searchItems({ service: SECRET_SERVICE_NAME });

  it('prefers GITHUB_TOKEN over a token in the keychain, and leaves the keychain as it was', async () => {
    const account = githubTokenAccount('github.com');
    await secrets.set(account, 'ghp_fromKeychain');

    const resolved = await resolveGitHubToken({
      host: 'github.com',
      env: { GITHUB_TOKEN: 'ghp_fromEnvironment' },
      secrets,
    });

    expect(resolved).toEqual<ResolvedGitHubToken>({
      token: 'ghp_fromEnvironment',
      source: { kind: 'environment', variable: 'GITHUB_TOKEN' },
    });
    expect(await secrets.get(account)).toBe('ghp_fromKeychain');
  });

  it('never writes an environment token to the keychain', async () => {
    const host = 'env-only.example.com';
    const before = await itemsOfService();

    await resolveGitHubToken({ host, env: { GITHUB_TOKEN: 'ghp_onlyInTheEnvironment' }, secrets });
    await resolveGitHubToken({ host, env: { GH_TOKEN: 'ghp_onlyInTheEnvironment' }, secrets });

    expect(await itemsOfService()).toEqual(before);
    expect(await secrets.has(githubTokenAccount(host))).toBe(false);
    expect(await resolveGitHubToken({ host, env: {}, secrets })).toBeNull();
  });

  it('takes GH_TOKEN when GITHUB_TOKEN is unset or blank, and GITHUB_TOKEN when both are set', () => {
    expect(githubTokenFromEnvironment({ GH_TOKEN: 'ghp_gh' })?.source).toEqual({
      kind: 'environment',
      variable: 'GH_TOKEN',
    });
    expect(githubTokenFromEnvironment({ GITHUB_TOKEN: '  ', GH_TOKEN: 'ghp_gh' })?.token).toBe('ghp_gh');
    expect(githubTokenFromEnvironment({ GITHUB_TOKEN: 'ghp_github', GH_TOKEN: 'ghp_gh' })?.token).toBe('ghp_github');
    expect(githubTokenFromEnvironment({ GITHUB_TOKEN: 'ghp_trimmed\n' })?.token).toBe('ghp_trimmed');
    expect(githubTokenFromEnvironment({ GITHUB_TOKEN: '', GH_TOKEN: '' })).toBeNull();
  });

  it('refuses a variable with spaces or control characters inside, naming the variable but not the value', () => {
    for (const value of ['ghp_two words', 'ghp_line\nbreak', 'ghp_tab\tbed']) {
      let error: unknown;
      try {
        githubTokenFromEnvironment({ GH_TOKEN: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_ARGUMENTS');
      expect((error as AppError).message).toContain('GH_TOKEN');
      expect((error as AppError).message).not.toContain('ghp_');
    }
  });

  it('falls back to the keychain account of the host, in lower case', async () => {
    await secrets.set(githubTokenAccount('ghe.example.com:8443'), 'ghp_enterprise');

    const resolved = await resolveGitHubToken({ host: 'GHE.example.com:8443', env: { GITHUB_TOKEN: '' }, secrets });

    expect(resolved).toEqual<ResolvedGitHubToken>({
      token: 'ghp_enterprise',
      source: { kind: 'keychain', account: 'github:ghe.example.com:8443' },
    });
    expect(describeGitHubTokenSource(resolved!.source)).toBe('the keychain (account github:ghe.example.com:8443)');
    expect(describeGitHubTokenSource({ kind: 'environment', variable: 'GITHUB_TOKEN' })).toBe(
      'GITHUB_TOKEN from the environment',
    );
  });

  it('answers null when neither the environment nor the keychain has a token', async () => {
    expect(await resolveGitHubToken({ host: 'nobody.example.com', env: {}, secrets })).toBeNull();
  });
});
