import type { Envelope, ReleaseDeskApi } from '../../../shared/ipc/api';
import type { IpcError } from '../../../shared/ipc/errors';

/** Shown when the call never reached a handler: the transport itself failed or is missing. */
const UNREACHABLE: IpcError = {
  code: 'INTERNAL',
  message: 'Release Desk could not reach its background process. Try again; if it keeps happening, restart the app.',
};

/** The contract API, or null when the page runs without a preload or bridge (e.g. opened by hand). */
export function releaseDeskApi(): ReleaseDeskApi | null {
  return window.releaseDesk ?? null;
}

/**
 * Runs one contract call and always resolves to an {@link Envelope}. Handlers already turn their own
 * failures into error values; this also covers a transport that throws, so callers handle one shape.
 */
export async function callReleaseDesk<T>(request: (api: ReleaseDeskApi) => Promise<Envelope<T>>): Promise<Envelope<T>> {
  const api = releaseDeskApi();
  if (!api) return { ok: false, error: UNREACHABLE };
  try {
    return await request(api);
  } catch (error) {
    return { ok: false, error: { ...UNREACHABLE, detail: error instanceof Error ? error.message : String(error) } };
  }
}
