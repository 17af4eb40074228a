import { app, session, type WebContents } from 'electron';

/**
 * App-wide hardening: deny every permission, reject every bad certificate, and lock down each
 * web contents as it is created (no navigation, no new windows, no webviews).
 */
export function hardenApp(): void {
  app.on('certificate-error', (event, _webContents, _url, _error, _certificate, callback) => {
    event.preventDefault();
    callback(false);
  });
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}

/** Blocks navigation, `window.open` and webview attachment for one web contents. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
