import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/ipc/api';
import { INVOKE_CHANNELS, wireName } from '../../../shared/ipc/channels';
import type { Dispatch } from './dispatch';
import { APP_ORIGIN, isTrustedSenderUrl, registerIpc, type InvokeEventLike, type IpcMainLike } from './register';

type Listener = (event: InvokeEventLike, args: unknown) => Promise<unknown>;

/** Stands in for Electron's `ipcMain`: remembers each handler, and refuses a second one per channel as Electron does. */
function fakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
  };
}

/** A dispatcher that records what reaches it. */
function recordingDispatch(): { dispatch: Dispatch; calls: { channel: string; args: unknown }[] } {
  const calls: { channel: string; args: unknown }[] = [];
  return {
    calls,
    dispatch: async (channel, args) => {
      calls.push({ channel, args });
      return { ok: true, value: { dispatched: channel } };
    },
  };
}

const frame = (url: string): InvokeEventLike => ({ senderFrame: { url } });

function setUp(): { ipcMain: ReturnType<typeof fakeIpcMain>; calls: { channel: string; args: unknown }[] } {
  const ipcMain = fakeIpcMain();
  const { dispatch, calls } = recordingDispatch();
  registerIpc(ipcMain, dispatch);
  return { ipcMain, calls };
}

function listenerFor(ipcMain: ReturnType<typeof fakeIpcMain>, wire: string): Listener {
  const listener = ipcMain.listeners.get(wire);
  if (!listener) throw new Error(`nothing registered on ${wire}`);
  return listener;
}

describe('registerIpc', () => {
  it('registers every contract channel under its wire name, and nothing else', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.listeners.keys()].sort()).toEqual(INVOKE_CHANNELS.map((c) => wireName(c)).sort());
    expect([...ipcMain.listeners.keys()].every((name) => name.startsWith('release-desk:'))).toBe(true);
  });

  it.each(INVOKE_CHANNELS.map((channel) => [channel]))(
    'passes a call on %s from the app frame through to the dispatcher, unchanged',
    async (channel) => {
      const { ipcMain, calls } = setUp();
      const args = { probe: channel };
      const result = await listenerFor(ipcMain, wireName(channel))(frame(`${APP_ORIGIN}/index.html`), args);
      expect(calls).toEqual([{ channel, args }]);
      expect(result).toEqual({ ok: true, value: { dispatched: channel } });
    },
  );

  it.each<[string, InvokeEventLike]>([
    ['a remote https page', frame('https://evil.example/')],
    ['a file:// page', frame('file:///home/me/Downloads/evil.html')],
    ['a destroyed frame (null)', { senderFrame: null }],
    ['a lookalike app host', frame('app://release-desk.evil/')],
    ['a lookalike app host without a slash', frame('app://release-desk.evil')],
    ['a host that merely starts with ours', frame('app://release-deskx/index.html')],
    ['about:blank', frame('about:blank')],
    ['an empty URL', frame('')],
  ])('refuses %s with FORBIDDEN_SENDER and never dispatches', async (_label, event) => {
    const { ipcMain, calls } = setUp();
    for (const channel of INVOKE_CHANNELS) {
      const result = (await listenerFor(ipcMain, wireName(channel))(event, { source: '/tmp' })) as Envelope<unknown>;
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN_SENDER',
          message: 'This request did not come from the Release Desk window and was refused.',
        },
      });
    }
    expect(calls).toEqual([]);
  });
});

describe('isTrustedSenderUrl', () => {
  it.each<[string | undefined, boolean]>([
    ['app://release-desk/index.html', true],
    ['app://release-desk/', true],
    ['app://release-desk', true],
    ['app://release-desk/index.html#/train', true],
    ['app://release-desk/settings?tab=ssh', true],
    ['app://release-desk.evil/', false],
    ['app://release-desk.evil', false],
    ['app://release-desk-evil/', false],
    ['app://release-deskevil/index.html', false],
    ['app://release-desk@evil.example/', false],
    ['app://release-desk:8080/', false],
    ['app://evil/release-desk/', false],
    ['https://release-desk/', false],
    ['https://evil.example/app://release-desk/', false],
    ['file:///app/release-desk/index.html', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['about:blank', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (url, expected) => {
    expect(isTrustedSenderUrl(url)).toBe(expected);
  });
});
