import { z } from 'zod';
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

/** The element schema of a (possibly defaulted) array schema, or null for anything else. */
function listElementSchema(schema: z.ZodType): z.ZodType | null {
  const inner = schema instanceof z.ZodDefault ? (schema.def.innerType as z.ZodType) : schema;
  return inner instanceof z.ZodArray ? (inner.element as z.ZodType) : null;
}

/**
 * Wraps a backend so every read is validated: a hand-edited or corrupt settings file yields the
 * defaults for that key instead of crashing the app, and every write is validated before it lands.
 */
export function createSettingsStore(backend: KeyValueBackend): SettingsStore {
  const shape = settingsSchema.shape;
  return {
    get(key) {
      const raw = backend.get(key);
      const parsed = shape[key].safeParse(raw);
      if (parsed.success) return parsed.data as Settings[typeof key];
      // One bad entry in a list must not hide the good ones: the next write would then save the
      // list without them and lose them for good. Keep every entry that still validates.
      const element = listElementSchema(shape[key]);
      if (element && Array.isArray(raw)) {
        return raw.flatMap((item) => {
          const one = element.safeParse(item);
          return one.success ? [one.data] : [];
        }) as Settings[typeof key];
      }
      return shape[key].parse(undefined) as Settings[typeof key];
    },
    set(key, value) {
      backend.set(key, shape[key].parse(value));
    },
  };
}
