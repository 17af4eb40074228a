import { INVOKE_CHANNELS, wireName } from '../../../shared/ipc/channels';
import type { Dispatch } from './dispatch';

/** The part of an `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's `ipcMain` used here, so registration is testable without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, args: unknown) => Promise<unknown>): void;
}

/** The origin the app's own UI is served from (see `app-protocol.ts`). */
export const APP_ORIGIN = 'app://release-desk';

/**
 * True only for a frame showing the app's own UI. Anything else (a navigated-away frame, an iframe
 * from elsewhere, a destroyed frame) is refused before its arguments are even parsed.
 */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  // Compared as text: WHATWG URL gives custom schemes an opaque "null" origin.
  return url !== undefined && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));
}

/** Registers every contract channel on `ipcMain` through the one wrapper. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(wireName(channel), async (event, args) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN_SENDER',
            message: 'This request did not come from the Release Desk window and was refused.',
          },
        };
      }
      return dispatch(channel, args);
    });
  }
}
