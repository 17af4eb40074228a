import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';

/** A lock or scratch folder older than this was left by a process that died; it is safe to clear. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Takes an exclusive lock (a file created with `wx`) on adding one repository, so the app and the CLI
 * cannot both clone it and overwrite each other's managed clone. Resolves to the release function.
 */
export async function acquireAddLock(dir: string, id: string, label: string): Promise<() => Promise<void>> {
  const path = join(dir, `${createHash('sha256').update(id).digest('hex').slice(0, 16)}.lock`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(path)).mtimeMs;
      if (age < STALE_AFTER_MS) {
        throw new AppError(
          'ALREADY_ADDED',
          `${label} is being added right now (in another window or command). Wait for it to finish.`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new AppError('INTERNAL', `Could not lock ${label} for adding.`);
}

/**
 * Clears scratch clones and locks left behind by an add that was killed (a signal skips `finally`).
 * Only entries older than an hour are removed, so an add running in another process is left alone.
 */
export function removeStaleScratch(dir: string, now: Date): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    try {
      if (now.getTime() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Raced with its owner finishing: nothing to clear.
    }
  }
}
