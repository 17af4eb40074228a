import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeFor, resolveAssetPath } from './asset-path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/** The scheme the UI is served from, instead of `file://` and its broad privileges. */
export const APP_SCHEME = 'app';

/** Must run before `app.whenReady()`: makes `app://` a standard, secure origin. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build from `rootDir`, refusing anything outside it. */
export function serveRendererFrom(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const filePath = resolveAssetPath(rootDir, request.url);
    if (!filePath) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(filePath);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeFor(filePath),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
