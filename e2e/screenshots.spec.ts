import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { NotesPage } from './support/notes-page';
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

test('screens: notes loading, nothing to release, a draft with edits, changelog, vanished and new entries, errors', async ({
  page,
  openApp,
  sandbox,
}) => {
  test.slow();
  const projects = new ProjectsPage(page);
  const notes = new NotesPage(page);
  const bare = sandbox.createRemote('hotosm', 'field-tm', { bundle: REPLICA_BUNDLE });
  // Two commits before 2026.1.3 (a merge of dev): the range without the last two commits.
  const beforeBump = sandbox.git(['rev-parse', '2026.1.3~2'], bare);
  await openApp();
  await projects.add('https://github.com/hotosm/field-tm.git');

  // Hold the first generation to see the placeholders, then let it through.
  let releaseNotes!: () => void;
  const notesGate = new Promise<void>((resolve) => (releaseNotes = resolve));
  await page.route(
    '**/__ipc/notes.generate',
    async (route) => {
      await notesGate;
      await route.continue();
    },
    { times: 1 },
  );
  await notes.open();
  await expect(page.getByTestId('notes-skeleton')).toBeVisible();
  // The header counts the seconds, so a long generation visibly has not stalled.
  await expect(notes.freshness).toContainText('Generating the notes… 1 s', { timeout: 3000 });
  await shoot(page, 'notes-loading');
  releaseNotes();

  await expect(page.getByRole('heading', { name: 'Nothing to release since 2026.2.0' })).toBeVisible();
  await shoot(page, 'notes-empty');

  await notes.generate({ from: '2026.1.2', to: '2026.1.3', date: '2026-03-02' });
  const [edited, hidden] = ['#3042', '#3041'];
  await notes.titleButton(edited).click();
  await notes.titleInput(edited).fill('feat: split tasks by the number of enumerators or buildings');
  await notes.titleInput(edited).press('Enter');
  await notes
    .entry(hidden)
    .getByRole('button', { name: `Hide ${hidden}` })
    .click();
  await notes.summary.fill(
    'Project managers can now split tasks by **the number of enumerators** or by buildings per task.\n\nDeployments get a production compose option.',
  );
  await notes.summary.blur();
  await expect(notes.saveIndicator).toHaveText('Saved');
  await shoot(page, 'notes');
  // The whole draft, below the fold, for review: the app scrolls inside, so grow the window.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: join(SCREENS_DIR, 'notes-tall.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  await notes.titleButton('#3041').click();
  await expect(notes.titleInput('#3041')).toBeFocused();
  await shoot(page, 'notes-editing-title');
  await page.keyboard.press('Escape');

  await notes.tab('CHANGELOG').click();
  await notes.main.getByRole('button', { name: 'Copy changelog' }).click();
  await expect(notes.main.getByText('Copied the changelog to the clipboard.')).toBeVisible();
  await shoot(page, 'notes-changelog');
  await notes.tab('Release notes').click();

  await notes.generate({ to: beforeBump });
  await expect(notes.vanished.getByRole('listitem')).toHaveCount(2);
  await notes.vanished.scrollIntoViewIfNeeded();
  await shoot(page, 'notes-vanished');

  await notes.generate({ from: '2026.1.1', to: '2026.1.3' });
  const firstNew = notes.entries.filter({ has: page.getByText('new', { exact: true }) }).first();
  await firstNew.scrollIntoViewIfNeeded();
  await expect(firstNew).toBeVisible();
  await shoot(page, 'notes-new');

  await notes.generate({ version: '2026.1.3' });
  await expect(notes.main.getByText('The tag 2026.1.3 already exists.')).toBeVisible();
  await shoot(page, 'notes-version-error');
  await notes.versionField.fill('');

  await notes.generate({ from: 'no-such-tag' });
  await expect(notes.errorPanel).toContainText('"no-such-tag"');
  await shoot(page, 'notes-error');
});
