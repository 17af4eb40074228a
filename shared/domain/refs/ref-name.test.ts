import { describe, expect, it } from 'vitest';
import { checkRefName, isValidRefName } from './ref-name';

/**
 * Names git accepts as branch names (`git check-ref-format --branch`). The same table is cross-checked
 * against the real git in electron/services/git/ref-name-git.test.ts (the shared layer may not spawn git).
 */
const VALID_REF_NAMES = [
  'main',
  'dev',
  'development',
  'feature/x',
  'release/2026.1',
  'a.b',
  'a-b',
  'a_b',
  '@a',
  'a@b',
  'a@',
  'hotfix/#12',
  'a/b.locks',
  'a.lock.b',
  'x/-y',
  'üñí',
  'a{b}',
  'a}',
  'refs/heads/x',
] as const;

/** Names git refuses, with the words of our reason that say why. */
const INVALID_REF_NAMES: readonly (readonly [string, RegExp])[] = [
  ['-x', /cannot start with "-"/],
  ['--force', /cannot start with "-"/],
  ['a..b', /cannot contain "\.\."/],
  ['..', /cannot contain "\.\."/],
  ['a b', /spaces, control characters/],
  ['a~1', /~ \^ : \? \* \[ \\/],
  ['a^', /~ \^ : \? \* \[ \\/],
  ['a:b', /~ \^ : \? \* \[ \\/],
  ['a?', /~ \^ : \? \* \[ \\/],
  ['a*', /~ \^ : \? \* \[ \\/],
  ['a[b', /~ \^ : \? \* \[ \\/],
  ['a\\b', /~ \^ : \? \* \[ \\/],
  ['a\u0001b', /control characters/],
  ['a\u007fb', /control characters/],
  ['tab\there', /control characters/],
  ['a@{b', /cannot contain "@\{"/],
  ['@{-1}', /cannot contain "@\{"/],
  ['/a', /cannot start or end with "\/"/],
  ['a/', /cannot start or end with "\/"/],
  ['a//b', /contain "\/\/"/],
  ['a.', /cannot end with "\."/],
  ['.a', /may start with "\."/],
  ['a/.b', /may start with "\."/],
  ['.', /cannot end with "\."/],
  ['a/.', /cannot end with "\."/],
  ['a.lock', /may end with "\.lock"/],
  ['a/b.lock/c', /may end with "\.lock"/],
];

describe('checkRefName', () => {
  it.each(VALID_REF_NAMES)('accepts %j', (name) => {
    expect(checkRefName(name)).toEqual({ ok: true });
    expect(isValidRefName(name)).toBe(true);
  });

  it.each(INVALID_REF_NAMES)('refuses %j and says why', (name, why) => {
    const check = checkRefName(name);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.reason).toContain(`"${name}" is not a valid ref name`);
    expect(check.reason).toMatch(why);
    expect(isValidRefName(name)).toBe(false);
  });

  it('refuses the empty name with its own sentence', () => {
    expect(checkRefName('')).toEqual({ ok: false, reason: 'The ref name is empty.' });
  });

  it('refuses "@" alone, which git reads as HEAD in a revision', () => {
    expect(checkRefName('@')).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be "@"') });
  });

  it('refuses names longer than 255 characters, and accepts 255', () => {
    expect(isValidRefName('a'.repeat(255))).toBe(true);
    expect(checkRefName('a'.repeat(256))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('longer than 255'),
    });
  });

  it('checks the leading dash before anything else, so an option-like name is always named as such', () => {
    expect(checkRefName('-a..b')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot start with "-"'),
    });
  });
});
