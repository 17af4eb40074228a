import { execFile } from 'node:child_process';
import { AppError } from '../../../shared/ipc/errors';

/** The oldest git Release Desk supports (Debian 11's); older ones lack options the engine relies on. */
export const MINIMUM_GIT_VERSION = [2, 30, 0] as const;

/** Reads `git version 2.39.5` (and vendor suffixes like `(Apple Git-146)`) into numbers. Pure. */
export function parseGitVersion(output: string): [number, number, number] | null {
  const match = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
}

/** Throws `GIT_MISSING` with an upgrade hint when `output` names a git older than the minimum. */
export function assertSupportedGitVersion(output: string): void {
  const version = parseGitVersion(output);
  const minimum = MINIMUM_GIT_VERSION.join('.');
  if (!version) {
    throw new AppError(
      'GIT_MISSING',
      `Could not read the git version ("${output.trim()}"). Install git ${minimum} or newer.`,
    );
  }
  for (let index = 0; index < 3; index += 1) {
    const have = version[index] as number;
    const need = MINIMUM_GIT_VERSION[index] as number;
    if (have > need) return;
    if (have < need) {
      throw new AppError(
        'GIT_MISSING',
        `Release Desk needs git ${minimum} or newer, but this machine has ${version.join('.')}. Upgrade git and try again.`,
      );
    }
  }
}

let installedGitCheck: Promise<void> | null = null;

/**
 * Checks once per process that git is installed and new enough; throws `GIT_MISSING` with what to do.
 * Run at start-up by the app and before every CLI command, so an old git fails with one clear message
 * instead of an obscure error halfway through a flow.
 */
export function checkInstalledGit(): Promise<void> {
  installedGitCheck ??= new Promise<void>((resolve, reject) => {
    execFile(
      'git',
      ['--version'],
      { timeout: 10_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout) => {
        if (error) {
          reject(
            new AppError(
              'GIT_MISSING',
              `Git was not found. Install git ${MINIMUM_GIT_VERSION.join('.')} or newer and make sure it is on the PATH.`,
            ),
          );
          return;
        }
        try {
          assertSupportedGitVersion(stdout);
          resolve();
        } catch (failure) {
          reject(failure);
        }
      },
    );
  });
  return installedGitCheck;
}
