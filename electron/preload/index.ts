import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/ipc/api';
import type { Envelope } from '../../shared/ipc/api';
import { wireName } from '../../shared/ipc/channels';

// The renderer gets one typed function per contract channel and typed event subscription: never
// `ipcRenderer` itself, and no generic invoke it could point at an arbitrary channel.
const api = createApi({
  invoke: (channel, args) => ipcRenderer.invoke(wireName(channel), args) as Promise<Envelope<unknown>>,
  subscribe: (event, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(wireName(event), wrapped);
    return () => {
      ipcRenderer.removeListener(wireName(event), wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('releaseDesk', api);
