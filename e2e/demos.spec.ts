import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startSshd, type SshdFixture } from '../electron/sandbox/sshd/sshd-fixture';
import { createCoreServices } from '../electron/services/core-services';
import { createDemosService } from '../electron/services/demos/demos-service';
import { createDemoRepository, freePort, HTTP_SERVER_DEPLOY } from '../electron/services/demos/testing/demo-repository';
import { createKeychainSecretStore } from '../electron/services/secrets/secret-store';
import { createConfSettingsStore } from '../electron/services/settings/conf-settings-store';
import { startBridgeServer, type BridgeServer } from './bridge/bridge-server';
import { expect, test as base } from './support/fixtures';

/**
 * A demo launched from the UI against a real OpenSSH sshd on 127.0.0.1: add the server through
 * Settings (trusting the fingerprint the fixture's host key really has), launch a branch of a project
 * whose config runs a tiny web server, watch its log and URL, and tear it down. The bridge is this
 * spec's own, so the demos land in the fixture's temp folder and never in the real home.
 */
const test = base.extend<{ sshd: SshdFixture; demoBridge: BridgeServer }>({
  // eslint-disable-next-line no-empty-pattern
  sshd: async ({}, use) => {
    const sshd = await startSshd();
    try {
      await use(sshd);
    } finally {
      await sshd.stop();
    }
  },
  demoBridge: async ({ dataDir, sshd }, use) => {
    const bridge = await startBridgeServer({
      dataDir,
      demos: {
        remoteBaseDir: join(sshd.dir, 'demos'),
        remoteScriptPath: join(sshd.dir, 'release-desk', 'feature-demo.sh'),
      },
    });
    try {
      await use(bridge);
      expect(bridge.internalErrors, 'handlers failed with an unexpected (non-AppError) error').toEqual([]);
    } finally {
      await bridge.close();
    }
  },
});

test.use({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });

/** Saves a picture for a person to look at, after the caller asserted the state is on screen. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(200);
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('a demo from the UI: add the server, launch a branch, see the log and URL, tear it down', async ({
  page,
  sandbox,
  dataDir,
  sshd,
  demoBridge,
}) => {
  test.slow();
  // A project whose default branch configures the harmless deploy: a python web server on $PORT.
  const config = `demos:\n  expiryDays: 14\n  deployCommand: |\n${HTTP_SERVER_DEPLOY.split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}\n`;
  const reposDir = join(sandbox.root, 'repos');
  mkdirSync(reposDir);
  const bare = createDemoRepository(reposDir, 'feature-demo-app', {
    main: { '.release-desk.yml': config, 'index.html': '<h1>main</h1>\n' },
    'feature/Map-Export': { '.release-desk.yml': config, 'index.html': '<h1>map export</h1>\n' },
  });
  // Pre-registered as the CLI's `--api-url` projects are: the remote is a bare repository sshd can read.
  const core = createCoreServices({ dataDir, settings: createConfSettingsStore(dataDir) });
  await core.registry.addFromRemote(bare, {
    kind: 'github',
    host: 'github.com',
    owner: 'demo',
    repo: 'feature-demo-app',
  });
  const port = await freePort();

  await page.goto(demoBridge.url);
  const screens = page.getByRole('navigation', { name: 'Screens' });

  // Settings → Servers: add the server; the trust step shows the fixture's own fingerprint.
  await screens.getByRole('link', { name: 'Settings' }).click();
  const servers = page.getByRole('region', { name: 'Servers' });
  await expect(servers.getByText('No server yet')).toBeVisible();
  await servers.getByLabel('Name', { exact: true }).fill('local');
  await servers.getByLabel('Host').fill(sshd.host);
  await servers.getByLabel('Port').fill(String(sshd.port));
  await servers.getByLabel('User').fill(sshd.user);
  demoBridge.pickedKeyFile = sshd.userPrivateKeyFile;
  await servers.getByRole('button', { name: 'Choose key file…' }).click();
  await expect(servers.getByRole('textbox', { name: 'Key file' })).toHaveValue(sshd.userPrivateKeyFile);
  await servers.getByRole('button', { name: 'Continue' }).click();

  const trust = servers.getByRole('region', { name: 'Trust this server?' });
  await expect(trust).toContainText(
    `The host key of ${sshd.host}:${sshd.port} is ${sshd.hostKeyAlgorithm} ${sshd.hostKeyFingerprint}`,
  );
  await expect(trust).toContainText('Your known_hosts does not list');
  await trust.scrollIntoViewIfNeeded();
  await shoot(page, 'settings-servers-trust');
  await trust.getByRole('button', { name: 'Trust and add' }).click();

  const serverList = servers.getByRole('list', { name: 'Servers' });
  await expect(serverList).toContainText(`${sshd.user}@${sshd.host}:${sshd.port}`);
  await expect(serverList).toContainText(sshd.hostKeyFingerprint);
  await serverList.getByRole('button', { name: 'Test connection' }).click();
  const report = servers.getByRole('list', { name: 'Connection test of local' });
  await expect(report).toContainText('Login', { timeout: 15_000 });
  await expect(servers.getByText('local is ready for demos.')).toBeVisible();
  await page.getByRole('main').evaluate((main) => {
    main.scrollTop = (main.querySelector('#settings-servers') as HTMLElement).offsetTop - 24;
  });
  await shoot(page, 'settings-servers');

  // Demos: the empty state says what a demo is; New demo suggests the name from the branch.
  await screens.getByRole('link', { name: 'Demos' }).click();
  await expect(page.getByRole('heading', { name: 'No demos running' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('main').getByRole('button', { name: 'New demo' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New demo' });
  const source = dialog.getByLabel('Branch or pull request');
  await expect(source.locator('option', { hasText: 'feature/Map-Export' })).toHaveCount(1);
  await source.selectOption({ label: 'feature/Map-Export' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('map-export');
  await expect(dialog.getByLabel('Server')).toHaveValue('local');
  await expect(dialog.getByLabel('Expires after')).toHaveValue('14d');
  await dialog.getByLabel('Name', { exact: true }).fill('Map export');
  await expect(dialog.getByText('Use only lower-case letters, digits and dashes')).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill('map-export');
  await dialog.getByRole('button', { name: 'Add value' }).click();
  await dialog.getByLabel('Name of value 1').fill('PORT');
  await dialog.getByLabel('Value 1', { exact: true }).fill(String(port));
  await expect(dialog.getByLabel('Value 1', { exact: true })).toHaveAttribute('type', 'password');
  await shoot(page, 'new-demo-dialog');

  await dialog.getByRole('button', { name: 'Launch' }).click();
  await expect(dialog).toBeHidden();
  const session = page.getByRole('region', { name: 'Launching map-export on local' });
  const log = session.getByRole('region', { name: 'Log of map-export' });
  await expect(log).toContainText(`starting a web server on port ${port}`, { timeout: 30_000 });
  const url = `http://127.0.0.1:${port}/`;
  const link = session.getByRole('link', { name: url });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await link.click();
  await expect.poll(() => demoBridge.openedUrls).toEqual([url]);
  // The demo really serves the branch.
  expect(await (await fetch(url)).text()).toContain('map export');

  const table = page.getByRole('table', { name: 'Demos' });
  const row = table.getByRole('row', { name: /map-export/ });
  await expect(row).toContainText('feature/Map-Export@');
  await expect(row).toContainText('Running');
  await expect(row).toContainText(/in 1[34] days/);
  await expect(row).toContainText('just now');
  await shoot(page, 'demos-screen');

  // Tear down, confirmed by name and server; the inventory is empty again.
  await row.getByRole('button', { name: 'Tear down map-export' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Tear down map-export on local?' });
  await confirm.getByRole('button', { name: 'Tear down' }).click();
  await expect(confirm).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'No demos running' })).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(
      async () =>
        fetch(url).then(
          () => 'answers',
          () => 'gone',
        ),
      { timeout: 10_000 },
    )
    .toBe('gone');
});

test('expired demos: a reminder at start on any screen, a badge on Demos, and its button opens Demos', async ({
  page,
  dataDir,
  sshd,
  demoBridge,
}) => {
  // The server, added as Settings → Servers adds it (the fingerprint trusted, the key in the keychain).
  const demos = createDemosService({
    dataDir,
    settings: createConfSettingsStore(dataDir),
    secrets: createKeychainSecretStore(),
    projects: () => [],
    hooksDir: join(dataDir, 'hooks'),
    env: {},
  });
  await demos.addServer({
    name: 'local',
    host: sshd.host,
    port: sshd.port,
    user: sshd.user,
    auth: 'key',
    privateKey: sshd.userPrivateKey,
    trustedFingerprint: sshd.hostKeyFingerprint,
  });
  await page.goto(demoBridge.url);
  const screens = page.getByRole('navigation', { name: 'Screens' });
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();

  // Two demos launched two weeks ago with a one-week expiry: their status files, as the script wrote them
  // (a deploy that ran in the background and exited 0 records running with exit code 0).
  const day = 24 * 3_600_000;
  for (const name of ['map-export', 'login-fix']) {
    const folder = join(sshd.dir, 'demos', name);
    mkdirSync(folder, { recursive: true });
    const status = {
      name,
      branch: `feature/${name}`,
      sha: 'a'.repeat(40),
      url: '',
      owner: 'dev@laptop',
      startedAt: new Date(Date.now() - 14 * day).toISOString(),
      expiresAt: new Date(Date.now() - 7 * day).toISOString(),
      state: 'running',
      exitCode: 0,
    };
    writeFileSync(join(folder, 'status.json'), `${JSON.stringify(status)}\n`);
  }

  // The app starts again: the reminder comes without blocking the screen, which stays Projects.
  await page.reload();
  const notice = page.getByRole('status', { name: 'Expired demos' });
  await expect(notice).toHaveText(
    '2 feature demos have expired: login-fix, map-export. Tear them down on the Demos screen.Open Demos',
    { timeout: 15_000 },
  );
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  const demosLink = screens.getByRole('link', { name: 'Demos, 2 expired' });
  await expect(demosLink).toBeVisible();
  await shoot(page, 'expired-demos-notice');

  // Dismissed, it stays away for the session; the badge stays.
  await notice.getByRole('button', { name: 'Dismiss the reminder' }).click();
  await expect(notice).toBeHidden();
  await expect(demosLink).toBeVisible();

  // Next start, its button opens Demos, which flags both.
  await page.reload();
  await notice.getByRole('button', { name: 'Open Demos' }).click({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Demos', level: 1 })).toBeVisible();
  await expect(notice).toBeHidden();
  await expect(demosLink).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Demos' });
  await expect(table.getByRole('row', { name: /map-export/ })).toContainText('expired', { timeout: 15_000 });
  await expect(table.getByRole('row', { name: /login-fix/ })).toContainText('expired');
});
