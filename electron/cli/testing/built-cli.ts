import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** The built `release-desk` the CLI tests run, as a user would. */
export const CLI = join(ROOT, 'out', 'main', 'cli.js');

/** What one run of the built CLI printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `release-desk` in its own process, with stdin not a terminal (as in CI) and the given
 * environment (a git sandbox's, so `https://github.com/...` resolves to local bare repositories).
 */
export function runBuiltCli(args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

/**
 * Fails early and clearly when the binary under test is missing, or older than the sources a suite is
 * about (folders relative to the root), so a stale build never passes or fails for the wrong reason.
 */
export function assertFreshBuild(sources: readonly string[] = ['electron/cli']): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing. Run \`npm run build\` before these tests (npm test does it for you).`);
  }
  const builtAt = statSync(CLI).mtimeMs;
  for (const folder of sources) {
    for (const file of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      if (statSync(join(ROOT, folder, file)).mtimeMs > builtAt) {
        throw new Error(
          `${CLI} is older than ${folder}/${file}. Run \`npm run build\` so the tests run the current code.`,
        );
      }
    }
  }
}
