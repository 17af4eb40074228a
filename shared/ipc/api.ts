import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel, type InvokeChannel } from './channels';
import type { EventOf, InputOf, ResultOf } from './contract';
import type { IpcError } from './errors';

/**
 * What travels back over any transport: a result or an {@link IpcError}. Errors are values, not thrown
 * exceptions, because Electron strips custom fields from errors thrown across `ipcRenderer.invoke`.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The two primitives a transport provides. Electron's preload and the e2e bridge each implement it. */
export interface Transport {
  invoke(channel: InvokeChannel, args: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

type Split<S extends string> = S extends `${infer D}.${infer V}` ? [D, V] : never;
type Domains = Split<InvokeChannel>[0];
type VerbsOf<D extends string> = Split<Extract<InvokeChannel, `${D}.${string}`>>[1];

/** The typed API the renderer sees as `window.releaseDesk`: `api.projects.add({ source })`. */
export type ReleaseDeskApi = {
  [D in Domains]: {
    [V in VerbsOf<D>]: (
      args: InputOf<`${D}.${V}` & InvokeChannel>,
    ) => Promise<Envelope<ResultOf<`${D}.${V}` & InvokeChannel>>>;
  };
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
};

/**
 * Builds the typed API over a transport, one function per contract channel and no generic invoke.
 * The preload and the e2e bridge both call this, so the renderer sees the same object in both.
 */
export function createApi(transport: Transport): ReleaseDeskApi {
  const api: Record<string, Record<string, (args: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [domain, verb] = channel.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (args: unknown) => transport.invoke(channel, args ?? {});
  }
  const on = (event: EventChannel, listener: (payload: unknown) => void): (() => void) => {
    if (!(EVENT_CHANNELS as readonly string[]).includes(event)) {
      throw new Error(`Unknown event channel: ${String(event)}`);
    }
    return transport.subscribe(event, listener);
  };
  // Frozen all the way down: a script in the renderer must not swap `api.projects.add` for its own function.
  for (const domain of Object.values(api)) Object.freeze(domain);
  return Object.freeze({ ...api, on }) as unknown as ReleaseDeskApi;
}
