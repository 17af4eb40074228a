import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

/** The secure defaults every window gets; the `_electron` suite asserts these at runtime. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // DevTools are a development aid only; a packaged build never opens them.
    devTools: !app.isPackaged,
  };
}

/** Creates the main window and loads the UI from `app://`. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Release Desk',
    backgroundColor: '#1b1d21',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL('app://release-desk/index.html');
  return window;
}
