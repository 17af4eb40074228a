import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { WebContents, WebPreferences } from 'electron';

/**
 * The Electron shell itself, on the built app (`out/`). playwright.config.ts only includes this project
 * when an Electron binary exists, and says so in one line when it does not.
 */
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const APP_URL = /^app:\/\/release-desk\//;

/** `getLastWebPreferences` exists at runtime but is missing from Electron's typings. */
type WebContentsWithPreferences = WebContents & { getLastWebPreferences(): WebPreferences | null };

let app: ElectronApplication;
let home: string;
let mainWindow: Page;

test.beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'release-desk-electron-'));
  app = await electron.launch({ args: ['.'], cwd: REPO_ROOT, env: { ...process.env, RELEASE_DESK_HOME: home } });
  mainWindow = await app.firstWindow();
  await expect(mainWindow.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
});

test.afterEach(async () => {
  await app.close();
  rmSync(home, { recursive: true, force: true });
});

test('every window is sandboxed and context-isolated, with no Node in the page', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((browserWindow) => {
      const contents = browserWindow.webContents as WebContentsWithPreferences;
      const last = contents.getLastWebPreferences();
      return {
        url: contents.getURL(),
        sandbox: last?.sandbox,
        contextIsolation: last?.contextIsolation,
        nodeIntegration: last?.nodeIntegration,
      };
    }),
  );
  expect(preferences.length).toBeGreaterThan(0);
  for (const entry of preferences) {
    expect(entry).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(entry.url).toMatch(APP_URL);
  }
  for (const page of app.windows()) {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: typeof (globalThis as { releaseDesk?: unknown }).releaseDesk,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: 'object' });
  }
});

test('the page cannot navigate away from the app', async () => {
  const before = mainWindow.url();
  expect(before).toMatch(APP_URL);
  // Record, in main, that a navigation was attempted, so the test waits for the attempt and not a guess.
  await app.evaluate(({ BrowserWindow }) => {
    const state = globalThis as { attemptedNavigation?: string };
    for (const browserWindow of BrowserWindow.getAllWindows()) {
      browserWindow.webContents.once('will-navigate', (_event, url) => {
        state.attemptedNavigation = url;
      });
    }
  });
  await mainWindow.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as { attemptedNavigation?: string }).attemptedNavigation))
    .toBe('https://example.com/');
  expect(mainWindow.url()).toBe(before);
  await expect(mainWindow.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
});

test('window.open opens no new window', async () => {
  const opened: Page[] = [];
  app.on('window', (page) => opened.push(page));
  const handle = await mainWindow.evaluate(() => window.open('https://example.com/') === null);
  expect(handle).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(opened).toEqual([]);
  expect(app.windows()).toHaveLength(1);
});

test('the Content Security Policy forbids eval', async () => {
  const outcome = await mainWindow.evaluate(() => {
    try {
      return String(new Function('return "allowed"')());
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
});
