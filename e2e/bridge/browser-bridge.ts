/**
 * The browser half of the e2e bridge, bundled at server start and served as `/__bridge.js`. It plays
 * the preload's part: it builds the very same API with `createApi`, over HTTP instead of Electron IPC.
 */
import { createApi, type Envelope, type Transport } from '../../shared/ipc/api';
import { EVENT_CHANNELS, type EventChannel } from '../../shared/ipc/channels';

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
const events = new EventSource('/__events');

// Events emitted before the stream is open would be lost (Electron's `webContents.send` has no such
// gap), so every call waits until the stream is connected, or has failed and cannot be waited for.
const streamReady = new Promise<void>((resolve) => {
  events.addEventListener('open', () => resolve(), { once: true });
  events.addEventListener('error', () => resolve(), { once: true });
});

for (const event of EVENT_CHANNELS) {
  events.addEventListener(event, (message: MessageEvent<string>) => {
    const payload: unknown = JSON.parse(message.data);
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
}

const transport: Transport = {
  async invoke(channel, args) {
    await streamReady;
    const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    if (!response.ok) throw new Error(`The e2e bridge answered ${response.status} for ${channel}.`);
    return (await response.json()) as Envelope<unknown>;
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

// Like `contextBridge.exposeInMainWorld`: a read-only global the page cannot replace.
Object.defineProperty(window, 'releaseDesk', { value: createApi(transport), enumerable: true });
