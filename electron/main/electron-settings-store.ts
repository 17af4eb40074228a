import Store from 'electron-store';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { createSettingsStore, type SettingsStore } from '../services/settings/settings-store';
import { setAsideUnreadableSettingsFile } from '../services/settings/unreadable-settings-file';

/** Settings inside Electron: electron-store over the same `config.json` the CLI's conf store uses. */
export function createElectronSettingsStore(dataDir: string): SettingsStore {
  setAsideUnreadableSettingsFile(dataDir);
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'config',
    defaults: { ...DEFAULT_SETTINGS },
  });
  return createSettingsStore(store);
}
