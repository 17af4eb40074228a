import { createCoreServices, type CoreServices } from '../services/core-services';
import { defaultDataDir } from '../services/paths/app-paths';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';

/**
 * Opens the same services the app uses, over the same data directory (so both see one project list).
 * `RELEASE_DESK_HOME` in `env` moves it, which is how tests and portable installs keep their own.
 */
export function openCoreServices(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): CoreServices {
  const dataDir = defaultDataDir(env, platform, home);
  return createCoreServices({ dataDir, settings: createConfSettingsStore(dataDir) });
}
