import Conf from 'conf';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { setAsideUnreadableSettingsFile } from './unreadable-settings-file';

/**
 * Settings for plain Node (the CLI and the tests), stored with conf. electron-store is built on conf
 * and uses the same file name, so the app and the CLI share one `config.json` in the data directory.
 */
export function createConfSettingsStore(dataDir: string): SettingsStore {
  setAsideUnreadableSettingsFile(dataDir);
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'config',
    projectName: 'release-desk',
    defaults: { ...DEFAULT_SETTINGS },
  });
  return createSettingsStore(conf);
}
