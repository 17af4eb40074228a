import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import {
  startSecretServiceSandbox,
  type SecretServiceSandbox,
} from '../../electron/services/secrets/secret-service-sandbox';
import { SECRET_SERVICE_NAME } from '../../electron/services/secrets/secret-store';
import { createGitSandbox, type GitSandbox } from '../../electron/services/testing/git-sandbox';
import { startBridgeServer, type BridgeServer } from '../bridge/bridge-server';

/** What every UI test gets: a git world, an empty data directory, and the bridge over both. */
export interface DeskFixtures {
  /** Temp HOME, isolated git config, bare repositories standing in for GitHub. Active in this process. */
  sandbox: GitSandbox;
  /** A fresh, empty data directory (what `RELEASE_DESK_HOME` is for the app). */
  dataDir: string;
  /** The real handlers behind HTTP, serving the built renderer. */
  bridge: BridgeServer;
  /** Opens the app in the page and waits until the project list has loaded. */
  openApp: () => Promise<void>;
  /** Fails the test on uncaught page errors and console errors (a CSP violation is one). */
  pageProblems: string[];
}

/**
 * Playwright's `test` with the Release Desk fixtures. Each test gets its own sandbox, data directory
 * and bridge server, so tests never share a project list and can run in parallel workers.
 */
export const test = base.extend<DeskFixtures, { keyring: SecretServiceSandbox }>({
  // One real Secret Service (GNOME Keyring on a private bus) per worker, on the bus before the bridge's
  // keychain store first loads keytar: GDBus keeps the first session bus connection of the process.
  keyring: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const keyring = await startSecretServiceSandbox({ keyring: true });
      const restore = keyring.activate();
      try {
        await use(keyring);
      } finally {
        restore();
        await keyring.dispose();
      }
    },
    { scope: 'worker', auto: true },
  ],

  // Playwright reads fixture dependencies from the destructuring pattern, so an empty one is required.
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = createGitSandbox();
    const restore = sandbox.activate();
    try {
      await use(sandbox);
    } finally {
      restore();
      sandbox.dispose();
    }
  },

  dataDir: async ({ sandbox }, use) => {
    await use(mkdtempSync(join(sandbox.root, 'data-')));
  },

  bridge: async ({ dataDir, keyring: _keyring }, use) => {
    // The keyring lives as long as the worker, but each test starts with an empty keychain, as with its
    // empty data directory: a token an earlier test connected must not make this one "connected".
    await emptyKeychain();
    const bridge = await startBridgeServer({ dataDir });
    try {
      await use(bridge);
      expect(bridge.internalErrors, 'handlers failed with an unexpected (non-AppError) error').toEqual([]);
    } finally {
      await bridge.close();
    }
  },

  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message: ConsoleMessage) => {
        // Chromium asks every origin for a favicon; the app has none, and that 404 is not a problem.
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
          problems.push(`console.error: ${message.text()}`);
        }
      });
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],

  openApp: async ({ page, bridge }, use) => {
    await use(async () => {
      await page.goto(bridge.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
      // The list has loaded once the skeleton's status line is gone.
      await expect(page.getByText('Loading projects…')).toHaveCount(0);
    });
  },
});

export { expect };

/** Removes every Release Desk secret from the worker's keyring (its own private Secret Service). */
async function emptyKeychain(): Promise<void> {
  const keytar = createRequire(import.meta.url)('@github/keytar') as {
    findCredentials(service: string): Promise<{ account: string }[]>;
    deletePassword(service: string, account: string): Promise<boolean>;
  };
  for (const { account } of await keytar.findCredentials(SECRET_SERVICE_NAME)) {
    await keytar.deletePassword(SECRET_SERVICE_NAME, account);
  }
}
