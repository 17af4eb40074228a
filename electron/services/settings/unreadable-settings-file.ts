import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** The file both conf (CLI) and electron-store (app) keep personal settings in. */
export function settingsFilePath(dataDir: string): string {
  return join(dataDir, 'config.json');
}

/**
 * Moves a settings file that is not valid JSON (a hand edit with a trailing comma, a truncated write)
 * out of the way, so the app and the CLI start with defaults instead of crashing: conf and
 * electron-store throw a SyntaxError from their constructor on such a file. The file is renamed, never
 * deleted, so the user can still recover what was in it. Returns where it went, or null when it was fine.
 */
export function setAsideUnreadableSettingsFile(dataDir: string, now: Date = new Date()): string | null {
  const path = settingsFilePath(dataDir);
  if (!existsSync(path)) return null;
  try {
    JSON.parse(readFileSync(path, 'utf8'));
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  const aside = `${path}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  return aside;
}
