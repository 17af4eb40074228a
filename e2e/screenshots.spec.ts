import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ProjectsPage } from './support/projects-page';
import { REPLICA_BUNDLE } from './support/replica';
import { TrainPage } from './support/train-page';

/**
 * Not a pixel comparison: it saves the key states as PNGs for a person to look at (review, docs),
 * after asserting each state is really on screen. Written to test-results/screens/, in the light theme
 * and again in the dark one.
 */
const SCREENS_DIR = join(import.meta.dirname, '..', 'test-results', 'screens');

test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // Park the pointer so no hover state leaks into the picture.
  await page.mouse.move(0, 0);
  // Let entrance animations finish, so the picture shows the resting state.
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  // Buttons fade their colours (120 ms); wait them out so the dark picture has no half-light controls.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('screens: empty state, project list, add error, remove confirmation', async ({ page, bridge, sandbox }) => {
  const projects = new ProjectsPage(page);
  sandbox.createRemote('hotosm', 'field-tm');
  const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
  const plain = join(sandbox.root, 'Documents');
  mkdirSync(plain);

  // Hold the first list call to see the loading skeleton, then let it through.
  let releaseList!: () => void;
  const listGate = new Promise<void>((resolve) => (releaseList = resolve));
  await page.route(
    '**/__ipc/projects.list',
    async (route) => {
      await listGate;
      await route.continue();
    },
    { times: 1 },
  );
  await page.goto(bridge.url);
  await expect(page.getByRole('status').filter({ hasText: 'Loading projects…' })).toBeAttached();
  await shoot(page, 'loading');
  releaseList();

  await expect(projects.emptyState).toBeVisible();
  await shoot(page, 'empty-state');

  await projects.add(work);
  await expect(projects.card('field-tm')).toBeVisible();
  await shoot(page, 'project-list');

  await projects.submitSource(plain);
  await expect(projects.addDialog.getByRole('alert')).toContainText('not a git repository');
  await shoot(page, 'add-dialog-error');
  await projects.addDialog.getByRole('button', { name: 'Cancel' }).click();

  await projects.card('field-tm').getByRole('button', { name: 'Remove hotosm/field-tm' }).click();
  await expect(projects.removeConfirmation('hotosm/field-tm')).toBeVisible();
  await shoot(page, 'remove-confirmation');
});

test('screens: train loading, the replica train, offline, an invalid config', async ({
  page,
  openApp,
  bridge,
  sandbox,
}) => {
  test.slow();
  const projects = new ProjectsPage(page);
  const train = new TrainPage(page);
  const bare = sandbox.createRemote('hotosm', 'field-tm', { bundle: REPLICA_BUNDLE });
  const configFile = join(sandbox.root, 'field-tm.release-desk.yml');
  writeFileSync(configFile, 'branches:\n  development: dev\n');
  await openApp();
  await projects.add('https://github.com/hotosm/field-tm.git');

  // Hold the first status to see the skeleton lanes, then let it through.
  let releaseStatus!: () => void;
  const statusGate = new Promise<void>((resolve) => (releaseStatus = resolve));
  await page.route(
    '**/__ipc/train.status',
    async (route) => {
      await statusGate;
      await route.continue();
    },
    { times: 1 },
  );
  await train.open('field-tm');
  await expect(page.getByTestId('lane-skeleton')).toHaveCount(3);
  await shoot(page, 'train-loading');
  const boxesOf = (cards: Locator) =>
    cards.evaluateAll((elements) =>
      elements.map((element) => {
        const { x, y, width } = element.getBoundingClientRect();
        return { x, y, width };
      }),
    );
  const placeholders = await boxesOf(page.getByTestId('lane-skeleton'));
  releaseStatus();

  await expect(train.lane('main')).toContainText('2026.2.0');
  // The real cards start where the placeholders were: nothing above them moved.
  expect(await boxesOf(page.getByRole('main').getByRole('region'))).toEqual(placeholders);
  // The replica's development branch is `dev`: with the defaults, that lane has no branch.
  await expect(train.lane('development')).toContainText('does not exist');
  await shoot(page, 'train-missing-branch');
  bridge.pickedConfigFile = configFile;
  await train.useConfigFileButton.click();
  await expect(train.waiting.first()).toContainText('commits ·');
  await expect(train.freshness).toHaveText('Updated just now');
  // Three lanes fit a 1280 px window: nothing scrolls sideways.
  const overflow = await page.evaluate(() => {
    const lanes = document.querySelector('.train');
    const main = document.querySelector('.app-main');
    return [lanes, main].map((element) => (element ? element.scrollWidth - element.clientWidth : -1));
  });
  expect(overflow).toEqual([0, 0]);
  await shoot(page, 'train');
  // The whole of the main card, below the fold, for review: the app scrolls inside, so grow the window.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: join(SCREENS_DIR, 'train-tall.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  await train
    .lane('development')
    .getByRole('button', { name: /commits$/ })
    .click();
  await shoot(page, 'train-commits-open');

  renameSync(bare, `${bare}.away`);
  await train.refreshButton.click();
  await expect(page.getByText('Could not fetch from origin')).toBeVisible();
  await shoot(page, 'train-offline');
  renameSync(`${bare}.away`, bare);

  writeFileSync(configFile, 'versioning:\n  scheme: calvar\n');
  await train.refreshButton.click();
  await expect(train.errorPanel).toContainText('versioning.scheme');
  await shoot(page, 'train-config-error');
});
