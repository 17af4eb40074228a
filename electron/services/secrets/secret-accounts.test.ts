import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  assertSecretAccount,
  githubTokenAccount,
  parseSecretAccount,
  sshKeyAccount,
  sshPassphraseAccount,
} from './secret-accounts';

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('keychain account names', () => {
  it('names accounts by purpose, with hosts in lower case', () => {
    expect(githubTokenAccount('github.com')).toBe('github:github.com');
    expect(githubTokenAccount(' GitHub.Example.com:8443 ')).toBe('github:github.example.com:8443');
    expect(githubTokenAccount('127.0.0.1:54321')).toBe('github:127.0.0.1:54321');
    expect(githubTokenAccount('[::1]:8080')).toBe('github:[::1]:8080');
    expect(sshKeyAccount('demo-1')).toBe('ssh-key:demo-1');
    expect(sshPassphraseAccount('deploy@demo.example.org:2222')).toBe('ssh-passphrase:deploy@demo.example.org:2222');
  });

  it('parses the names it builds', () => {
    expect(parseSecretAccount('github:github.com')).toEqual({ purpose: 'github', name: 'github.com' });
    expect(parseSecretAccount('ssh-key:deploy@demo:22')).toEqual({ purpose: 'ssh-key', name: 'deploy@demo:22' });
    expect(parseSecretAccount('ssh-passphrase:Demo_1')).toEqual({ purpose: 'ssh-passphrase', name: 'Demo_1' });
  });

  it.each([
    ['', 'empty'],
    ['github.com', 'no purpose'],
    [':github.com', 'empty purpose'],
    ['gitlab:gitlab.com', 'unknown purpose'],
    ['GitHub:github.com', 'purpose in upper case'],
    ['github:', 'no host'],
    ['github:GitHub.com', 'host in upper case'],
    ['github:github.com/', 'a slash'],
    ['github:-github.com', 'label starting with a dash'],
    ['github:github..com', 'empty label'],
    ['github:github.com:', 'empty port'],
    ['github:github.com:123456', 'port too long'],
    ['github:user@github.com', 'user in a host'],
    [`github:${'a'.repeat(64)}.com`, 'label over 63 characters'],
    ['ssh-key:', 'no server'],
    ['ssh-key:demo 1', 'a space'],
    ['ssh-key:demo/1', 'a slash'],
    ['ssh-key:-demo', 'leading dash'],
    ['ssh-key:demo\n', 'a line break'],
    ['ssh-key:démo', 'non-ASCII'],
    [`ssh-key:${'d'.repeat(201)}`, 'over 200 characters'],
  ])('refuses %j (%s)', (account) => {
    expect(parseSecretAccount(account)).toBeNull();
    const error = thrown(() => assertSecretAccount(account));
    expect(error.code).toBe('INVALID_ARGUMENTS');
  });

  it('refuses non-strings and never echoes the refused name', () => {
    for (const account of [undefined, null, 42, { purpose: 'github' }]) {
      expect(thrown(() => assertSecretAccount(account)).code).toBe('INVALID_ARGUMENTS');
    }
    const error = thrown(() => assertSecretAccount('ghp_aTokenPassedAsTheAccount'));
    expect(error.message).toBe(
      'That is not a keychain account Release Desk uses. An account is named github:<host>, ssh-key:<server> or ssh-passphrase:<server>, in lower case for hosts.',
    );
  });

  it('refuses hosts and servers that would make an invalid name, saying which', () => {
    expect(thrown(() => githubTokenAccount('https://github.com')).message).toMatch(/not a valid GitHub host/);
    expect(thrown(() => sshKeyAccount('my server')).message).toMatch(/not a valid SSH server name/);
    expect(thrown(() => sshPassphraseAccount('')).code).toBe('INVALID_ARGUMENTS');
  });
});
