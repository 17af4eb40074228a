import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRefName } from '../../../shared/domain/refs/ref-name';
import { createGitSandbox, type GitSandbox } from '../testing/git-sandbox';

/**
 * A sample of names, good and bad, checked against the real git. (The full table with reasons is in
 * shared/domain/refs/ref-name.test.ts; the shared layer may not spawn processes.)
 */
const SAMPLE = [
  'main',
  'dev',
  'feature/x',
  'release/2026.1',
  'hotfix/#12',
  'a@b',
  '@a',
  'x/-y',
  'a.lock.b',
  'a/b.locks',
  'üñí',
  'a{b}',
  '-x',
  '--force',
  'a..b',
  'a b',
  'a~1',
  'a^',
  'a:b',
  'a?',
  'a*',
  'a[b',
  'a\\b',
  'a\u0001b',
  'a\u007fb',
  'a@{b',
  '@{-1}',
  '/a',
  'a/',
  'a//b',
  'a.',
  '.a',
  'a/.b',
  'a.lock',
  'a/b.lock/c',
];

describe('checkRefName agrees with `git check-ref-format --branch`', () => {
  let sandbox: GitSandbox;
  beforeAll(() => {
    sandbox = createGitSandbox();
  });
  afterAll(() => sandbox.dispose());

  const gitAccepts = (name: string): boolean =>
    spawnSync('git', ['check-ref-format', '--branch', name], { cwd: sandbox.root, env: sandbox.env }).status === 0;

  it.each(SAMPLE)('on %j', (name) => {
    expect(checkRefName(name).ok).toBe(gitAccepts(name));
  });

  it('is deliberately stricter than git on "@" alone, which git reads as HEAD in a revision', () => {
    expect(gitAccepts('@')).toBe(true);
    expect(checkRefName('@').ok).toBe(false);
  });
});
