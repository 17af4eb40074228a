import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR_NAME, dataLayout, defaultDataDir } from './app-paths';

const HOME = '/home/alice';

describe('defaultDataDir', () => {
  // Each one must match Electron's `app.getPath('userData')` (appData + productName), so the CLI and
  // the app read the same project list.
  it.each<[string, NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ['Linux', 'linux', {}, join(HOME, '.config', 'Release Desk')],
    ['Linux with XDG_CONFIG_HOME', 'linux', { XDG_CONFIG_HOME: '/xdg/config' }, join('/xdg/config', 'Release Desk')],
    ['Linux with an empty XDG_CONFIG_HOME', 'linux', { XDG_CONFIG_HOME: '' }, join(HOME, '.config', 'Release Desk')],
    ['FreeBSD (like Linux)', 'freebsd', {}, join(HOME, '.config', 'Release Desk')],
    ['macOS', 'darwin', {}, join(HOME, 'Library', 'Application Support', 'Release Desk')],
    [
      'macOS ignores XDG_CONFIG_HOME',
      'darwin',
      { XDG_CONFIG_HOME: '/xdg/config' },
      join(HOME, 'Library', 'Application Support', 'Release Desk'),
    ],
    [
      'Windows with APPDATA',
      'win32',
      { APPDATA: 'C:\\Users\\alice\\AppData\\Roaming' },
      join('C:\\Users\\alice\\AppData\\Roaming', 'Release Desk'),
    ],
    ['Windows with an empty APPDATA', 'win32', { APPDATA: '' }, join(HOME, 'AppData', 'Roaming', 'Release Desk')],
    ['Windows without APPDATA', 'win32', {}, join(HOME, 'AppData', 'Roaming', 'Release Desk')],
  ])('%s', (_label, platform, env, expected) => {
    expect(defaultDataDir(env, platform, HOME)).toBe(expected);
  });

  it.each<[NodeJS.Platform]>([['linux'], ['darwin'], ['win32']])(
    'RELEASE_DESK_HOME overrides the default on %s',
    (platform) => {
      const env = { RELEASE_DESK_HOME: '/srv/portable/release-desk', XDG_CONFIG_HOME: '/xdg', APPDATA: 'C:\\AppData' };
      expect(defaultDataDir(env, platform, HOME)).toBe('/srv/portable/release-desk');
    },
  );

  it('ignores an empty RELEASE_DESK_HOME', () => {
    expect(defaultDataDir({ RELEASE_DESK_HOME: '' }, 'linux', HOME)).toBe(join(HOME, '.config', 'Release Desk'));
  });

  it('uses the product name Electron derives userData from', () => {
    expect(APP_DIR_NAME).toBe('Release Desk');
  });
});

describe('dataLayout', () => {
  it('keeps clones, scratch clones and the empty hooks folder inside the data directory', () => {
    expect(dataLayout('/data')).toEqual({
      projectsDir: join('/data', 'projects'),
      incomingDir: join('/data', 'projects', '.incoming'),
      hooksDir: join('/data', 'git-hooks-disabled'),
    });
  });

  it('puts the hooks folder outside the projects folder, so no clone can write into it', () => {
    const layout = dataLayout('/data');
    expect(layout.hooksDir.startsWith(layout.projectsDir)).toBe(false);
  });
});
