import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { MINIMUM_GIT_VERSION, assertSupportedGitVersion, parseGitVersion } from './git-version';

const refusal = (output: string): AppError => {
  try {
    assertSupportedGitVersion(output);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`expected "${output}" to be refused`);
};

describe('parseGitVersion', () => {
  it.each([
    ['git version 2.39.5', [2, 39, 5]],
    ['git version 2.39.5\n', [2, 39, 5]],
    ['git version 2.39.3 (Apple Git-146)', [2, 39, 3]],
    ['git version 2.45.1.windows.1', [2, 45, 1]],
    ['git version 3.0', [3, 0, 0]],
  ])('reads %j', (output, version) => {
    expect(parseGitVersion(output)).toEqual(version);
  });

  it.each(['', 'git: command not found', 'version 2.39.5', 'git version two'])('reads nothing from %j', (output) => {
    expect(parseGitVersion(output)).toBeNull();
  });
});

describe('assertSupportedGitVersion', () => {
  it('is 2.30.0, Debian 11’s git', () => {
    expect(MINIMUM_GIT_VERSION).toEqual([2, 30, 0]);
  });

  it.each(['git version 2.30.0', 'git version 2.30', 'git version 2.30.9', 'git version 2.39.5', 'git version 3.0.0'])(
    'accepts %j',
    (output) => {
      expect(() => assertSupportedGitVersion(output)).not.toThrow();
    },
  );

  it('refuses an older git, naming both versions and what to do', () => {
    const error = refusal('git version 2.29.2');
    expect(error.code).toBe('GIT_MISSING');
    expect(error.message).toBe(
      'Release Desk needs git 2.30.0 or newer, but this machine has 2.29.2. Upgrade git and try again.',
    );
    expect(refusal('git version 1.9.9').message).toContain('this machine has 1.9.9');
    expect(refusal('git version 2.9.0').message).toContain('this machine has 2.9.0');
  });

  it('refuses output it cannot read, quoting it', () => {
    const error = refusal('bash: git: command not found\n');
    expect(error.code).toBe('GIT_MISSING');
    expect(error.message).toBe(
      'Could not read the git version ("bash: git: command not found"). Install git 2.30.0 or newer.',
    );
  });

  it('accepts the git on this machine', () => {
    const output = execFileSync('git', ['version'], { encoding: 'utf8' });
    expect(parseGitVersion(output)).not.toBeNull();
    expect(() => assertSupportedGitVersion(output)).not.toThrow();
  });
});
