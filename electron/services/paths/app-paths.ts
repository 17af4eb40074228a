import { join } from 'node:path';

/** The folder name the app's data lives under; Electron derives it from `productName`. */
export const APP_DIR_NAME = 'Release Desk';

/**
 * The data directory the CLI uses, matching Electron's `userData` for the app so both share one
 * project list. `RELEASE_DESK_HOME` overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (env.RELEASE_DESK_HOME) return env.RELEASE_DESK_HOME;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  // `||`, not `??`: an empty variable counts as unset, as in Chromium's XDG lookup; otherwise the data
  // directory would silently become "Release Desk" relative to whatever the current directory is.
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/** Where things live inside a data directory. */
export function dataLayout(dataDir: string): { projectsDir: string; incomingDir: string; hooksDir: string } {
  return {
    projectsDir: join(dataDir, 'projects'),
    incomingDir: join(dataDir, 'projects', '.incoming'),
    hooksDir: join(dataDir, 'git-hooks-disabled'),
  };
}
