import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable the `electron` npm package would run, or null when it has not been
 * downloaded. Read from the package's `path.txt` and `dist/` by hand, because requiring `electron`
 * tries to download the binary when it is missing.
 */
export function findElectronBinary(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relativeExecutable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  // The same override the electron package honours (a prebuilt Electron somewhere else).
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(env.ELECTRON_OVERRIDE_DIST_PATH, relativeExecutable || 'electron');
    return existsSync(overridden) ? overridden : null;
  }
  if (!relativeExecutable) return null;
  const executable = join(packageDir, 'dist', relativeExecutable);
  return existsSync(executable) ? executable : null;
}
