import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = join(resolve(import.meta.dirname, '../..'), 'out', 'main', 'cli.js');

/** Runs the built CLI with PATH limited to `binDir`, so `git` is whatever that folder holds. */
function runWithPath(binDir: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const home = mkdtempSync(join(tmpdir(), 'release-desk-nogit-'));
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: binDir, HOME: home, RELEASE_DESK_HOME: join(home, 'data') },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the minimum git version, checked before any command', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
  });

  it('refuses with one clear sentence when git is not on the PATH', () => {
    const empty = mkdtempSync(join(tmpdir(), 'release-desk-empty-bin-'));
    const run = runWithPath(empty, ['projects', 'list']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: Git was not found\. Install git 2\.30\.0 or newer/m);
  });

  it('refuses a git older than 2.30 and names both versions', () => {
    const bin = mkdtempSync(join(tmpdir(), 'release-desk-old-git-'));
    mkdirSync(bin, { recursive: true });
    // A stand-in that answers like an old git would.
    writeFileSync(join(bin, 'git'), '#!/bin/sh\necho "git version 2.25.1"\n');
    chmodSync(join(bin, 'git'), 0o755);
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const run = runWithPath(bin, ['status', '--repo', '.', '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'GIT_MISSING',
        message: 'Release Desk needs git 2.30.0 or newer, but this machine has 2.25.1. Upgrade git and try again.',
      },
    });
  });

  it('does not need git for --help and --version', () => {
    const empty = mkdtempSync(join(tmpdir(), 'release-desk-empty-bin-'));
    expect(runWithPath(empty, ['--version']).status).toBe(0);
    expect(runWithPath(empty, ['--help']).stdout).toContain('projects');
  });
});
