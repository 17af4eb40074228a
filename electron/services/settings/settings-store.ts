import { settingsSchema, type Settings } from '../../../shared/domain/settings';

/** The key/value store both conf and electron-store provide; only what Release Desk uses. */
export interface KeyValueBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Typed, validated access to personal settings, whatever the backend. */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

/**
 * Wraps a backend so every read is validated: a hand-edited or corrupt settings file yields the
 * defaults for that key instead of crashing the app, and every write is validated before it lands.
 */
export function createSettingsStore(backend: KeyValueBackend): SettingsStore {
  const shape = settingsSchema.shape;
  return {
    get(key) {
      const parsed = shape[key].safeParse(backend.get(key));
      return (parsed.success ? parsed.data : shape[key].parse(undefined)) as Settings[typeof key];
    },
    set(key, value) {
      backend.set(key, shape[key].parse(value));
    },
  };
}
