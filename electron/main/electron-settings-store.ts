import Store from 'electron-store';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { createSettingsStore, type SettingsStore } from '../services/settings/settings-store';

/** Settings inside Electron: electron-store over the same `config.json` the CLI's conf store uses. */
export function createElectronSettingsStore(dataDir: string): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'config',
    defaults: { ...DEFAULT_SETTINGS },
  });
  return createSettingsStore(store);
}
