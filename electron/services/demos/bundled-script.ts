import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/ipc/errors';

/** The demo script's file name, in `resources/` of the source tree and next to the built main. */
export const DEMO_SCRIPT_FILE = 'feature-demo.sh';

/**
 * Where the bundled demo script is. From the sources (tests, the e2e bridge) it is
 * `resources/feature-demo.sh` three folders up; in the build, `electron.vite.config.ts` emits it into
 * `out/main/`, next to (or one folder above, for a chunk) the module that asks. The nearest one wins, so
 * a built app never reads a stale copy from the repository it was built in.
 */
export function bundledDemoScriptPath(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let level = 0; level < 4; level++) {
    for (const candidate of [join(dir, DEMO_SCRIPT_FILE), join(dir, 'resources', DEMO_SCRIPT_FILE)]) {
      if (existsSync(candidate)) return candidate;
    }
    dir = dirname(dir);
  }
  throw new AppError(
    'INTERNAL',
    `The bundled ${DEMO_SCRIPT_FILE} is missing near ${from}. Reinstall Release Desk (or run \`npm run build\`).`,
  );
}

/** The bundled demo script's text. */
export function readBundledDemoScript(): Promise<string> {
  return readFile(bundledDemoScriptPath(), 'utf8');
}
