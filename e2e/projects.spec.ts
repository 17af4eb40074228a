import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { ProjectsPage } from './support/projects-page';

test('first launch shows the empty state, the one working screen, and the app version', async ({ page, openApp }) => {
  const projects = new ProjectsPage(page);
  await openApp();

  await expect(projects.emptyState).toBeVisible();
  await expect(
    page.getByText('Release Desk makes its own clone, so your working copy is never touched.'),
  ).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: 'Add project' })).toHaveCount(2);
  // Only screens that work without a project are listed; Train and Notes come with the first project.
  const screens = page.getByRole('navigation', { name: 'Screens' }).getByRole('link');
  await expect(screens).toHaveText(['Demos', 'Activity', 'Projects', 'Settings']);
  await expect(screens.filter({ hasText: 'Projects' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('complementary').getByText('No projects yet.')).toBeVisible();
  // app.info travelled through the real handler.
  await expect(page.getByText('Version 0.1.0')).toBeVisible();
});

test('adds a project from a local clone with progress, and it is still there after a reload', async ({
  page,
  openApp,
  sandbox,
  dataDir,
}) => {
  sandbox.createRemote('hotosm', 'field-tm');
  const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
  const projects = new ProjectsPage(page);
  await openApp();

  // Hold the call on its way in and on its way out, to see the dialog in both states.
  let letRequestIn!: () => void;
  let letResponseOut!: () => void;
  const requestGate = new Promise<void>((resolve) => (letRequestIn = resolve));
  const responseGate = new Promise<void>((resolve) => (letResponseOut = resolve));
  await page.route('**/__ipc/projects.add', async (route) => {
    await requestGate;
    const response = await route.fetch();
    await responseGate;
    await route.fulfill({ response });
  });

  await projects.submitSource(work);
  const progress = projects.addDialog.getByRole('progressbar');
  await expect(projects.addDialog.getByRole('status')).toHaveText('Checking…');
  await expect(progress).not.toHaveAttribute('aria-valuenow');
  await expect(projects.sourceField).toBeDisabled();
  await expect(projects.addDialog.getByRole('button', { name: 'Cancel' })).toBeDisabled();

  letRequestIn();
  // The handler has run and its progress events arrived over the event stream before the result.
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  letResponseOut();

  await expect(projects.addDialog).toBeHidden();
  const card = projects.card('field-tm');
  await expect(card).toContainText('hotosm/field-tm');
  await expect(card).toContainText('github.com');
  await expect(card).toContainText(work);
  const clonePath = join(dataDir, 'projects', 'github.com', 'hotosm', 'field-tm');
  await expect(card).toContainText(clonePath);
  await expect(card).toContainText('just now');
  await expect(card.getByText('GitHub Enterprise')).toHaveCount(0);
  expect(existsSync(join(clonePath, '.git'))).toBe(true);
  // The new project is selected, in the switcher and in the list.
  await expect(projects.switcher.getByRole('button', { name: /field-tm/ })).toHaveAttribute('aria-current', 'true');
  await expect(card).toHaveAttribute('aria-current', 'true');

  await page.reload();
  await expect(projects.card('field-tm')).toContainText('hotosm/field-tm');
  await expect(projects.emptyState).toHaveCount(0);
});

test('an empty field and a folder that is not a git repository are refused in the dialog; nothing is added', async ({
  page,
  openApp,
  sandbox,
}) => {
  const plain = join(sandbox.root, 'plain-folder');
  mkdirSync(plain);
  const projects = new ProjectsPage(page);
  await openApp();

  // An empty field is answered in the dialog, before any call.
  await projects.submitSource('');
  await expect(projects.addDialog.getByRole('alert')).toHaveText('Enter the folder of a local clone, or a GitHub URL.');
  await expect(projects.sourceField).toHaveAttribute('aria-invalid', 'true');

  await projects.submitSource(plain);
  const alert = projects.addDialog.getByRole('alert');
  await expect(alert).toContainText('not a git repository');
  // The user loses nothing: the dialog stays, with their text, ready to be corrected.
  await expect(projects.addDialog).toBeVisible();
  await expect(projects.sourceField).toHaveValue(plain);
  await expect(projects.sourceField).toBeEnabled();
  await expect(projects.sourceField).toBeFocused();

  await projects.addDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(projects.addDialog).toBeHidden();
  await expect(projects.emptyState).toBeVisible();
  await page.reload();
  await expect(projects.emptyState).toBeVisible();
});

test('a repository without a remote is refused, and a second add of the same repository is a duplicate', async ({
  page,
  openApp,
  sandbox,
}) => {
  const lonely = join(sandbox.root, 'lonely');
  mkdirSync(lonely);
  sandbox.git(['init'], lonely);
  sandbox.createRemote('hotosm', 'field-tm');
  const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
  const projects = new ProjectsPage(page);
  await openApp();

  await projects.submitSource(lonely);
  await expect(projects.addDialog.getByRole('alert')).toContainText('has no remote');
  await expect(projects.addDialog.getByRole('alert')).toContainText('git remote add origin');

  // Editing the field clears the old error; a URL works as well as a folder.
  await projects.sourceField.fill('https://github.com/hotosm/field-tm.git');
  await expect(projects.addDialog.getByRole('alert')).toHaveCount(0);
  await projects.submitButton.click();
  await expect(projects.addDialog).toBeHidden();
  const card = projects.card('field-tm');
  await expect(card).toContainText('Added from URL');
  await expect(card).toContainText('https://github.com/hotosm/field-tm.git');

  await projects.submitSource(work);
  await expect(projects.addDialog.getByRole('alert')).toContainText('hotosm/field-tm is already in your projects');
  await projects.addDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(projects.projectList.getByRole('listitem')).toHaveCount(1);

  // Added by URL, so there is no user clone to reassure about.
  await card.getByRole('button', { name: 'Remove hotosm/field-tm' }).click();
  const confirmation = projects.removeConfirmation('hotosm/field-tm');
  await expect(confirmation).toContainText("This deletes Release Desk's own clone at");
  await expect(confirmation).not.toContainText('Your clone at');
});

test('"Choose folder…" fills the field with the picked folder, and a cancelled pick changes nothing', async ({
  page,
  openApp,
  bridge,
  sandbox,
}) => {
  sandbox.createRemote('hotosm', 'field-tm');
  const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
  const projects = new ProjectsPage(page);
  await openApp();
  await projects.addButton.click();
  await projects.sourceField.fill('typed by hand');

  bridge.pickedFolder = null;
  await projects.addDialog.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(projects.addDialog.getByRole('button', { name: 'Choose folder…' })).toBeEnabled();
  await expect(projects.sourceField).toHaveValue('typed by hand');

  bridge.pickedFolder = work;
  await projects.addDialog.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(projects.sourceField).toHaveValue(work);
  await projects.submitButton.click();
  await expect(projects.card('field-tm')).toBeVisible();
});

test('remove asks first; Cancel keeps the project, confirming deletes only the managed clone', async ({
  page,
  openApp,
  sandbox,
  dataDir,
}) => {
  sandbox.createRemote('hotosm', 'field-tm');
  const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
  const projects = new ProjectsPage(page);
  await openApp();
  await projects.add(work);
  const card = projects.card('field-tm');
  const clonePath = join(dataDir, 'projects', 'github.com', 'hotosm', 'field-tm');
  await expect(card).toContainText(clonePath);
  expect(existsSync(clonePath)).toBe(true);

  await card.getByRole('button', { name: 'Remove hotosm/field-tm' }).click();
  const confirmation = projects.removeConfirmation('hotosm/field-tm');
  await expect(confirmation).toContainText(`This deletes Release Desk's own clone at ${clonePath}.`);
  await expect(confirmation).toContainText(`Your clone at ${work} is not touched.`);
  await confirmation.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmation).toBeHidden();
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: 'Remove hotosm/field-tm' })).toBeFocused();
  expect(existsSync(clonePath)).toBe(true);

  await card.getByRole('button', { name: 'Remove hotosm/field-tm' }).click();
  await confirmation.getByRole('button', { name: 'Remove project' }).click();
  await expect(confirmation).toBeHidden();
  await expect(projects.emptyState).toBeVisible();
  expect(existsSync(clonePath)).toBe(false);
  expect(existsSync(join(work, '.git'))).toBe(true);
  expect(existsSync(join(work, 'README.md'))).toBe(true);
  await page.reload();
  await expect(projects.emptyState).toBeVisible();
});

test('the switcher selects a project, opens its Train screen, and highlights it in the list', async ({
  page,
  openApp,
  sandbox,
}) => {
  sandbox.createRemote('hotosm', 'field-tm');
  sandbox.createRemote('hotosm', 'osm-fieldwork');
  const projects = new ProjectsPage(page);
  await openApp();
  await projects.add('https://github.com/hotosm/field-tm.git');
  await projects.add('https://github.com/hotosm/osm-fieldwork.git');
  // Adding keeps the user on Projects, with the new project selected and its Train and Notes screens.
  await expect(projects.card('osm-fieldwork')).toHaveAttribute('aria-current', 'true');
  const screens = page.getByRole('navigation', { name: 'Screens' }).getByRole('link');
  await expect(screens).toHaveText(['Train', 'Notes', 'Demos', 'Activity', 'Projects', 'Settings']);

  await projects.switcher.getByRole('button', { name: /field-tm/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'field-tm' })).toBeVisible();
  await expect(screens.first()).toHaveAttribute('aria-current', 'page');
  await expect(projects.switcher.getByRole('button', { name: /field-tm/ })).toHaveAttribute('aria-current', 'true');
  await expect(projects.switcher.getByRole('button', { name: /osm-fieldwork/ })).not.toHaveAttribute('aria-current');

  await screens.filter({ hasText: 'Projects' }).click();
  await expect(projects.card('field-tm')).toHaveAttribute('aria-current', 'true');
  await expect(projects.card('osm-fieldwork')).not.toHaveAttribute('aria-current');
  // Back goes to the Train screen, as the links are history entries.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'field-tm' })).toBeVisible();
});

test('while the list loads, placeholders hold the place of the real content', async ({ page, openApp, sandbox }) => {
  sandbox.createRemote('hotosm', 'field-tm');
  const projects = new ProjectsPage(page);
  await openApp();
  await projects.add('https://github.com/hotosm/field-tm.git');

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
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Loading projects…' })).toBeAttached();
  const screensHeading = page.getByRole('heading', { name: 'Screens' });
  const placeholder = await page.getByTestId('project-skeleton').first().boundingBox();
  const headingWhileLoading = await screensHeading.boundingBox();

  releaseList();
  await expect(projects.card('field-tm')).toBeVisible();
  await expect(page.getByTestId('project-skeleton')).toHaveCount(0);
  const card = await projects.card('field-tm').boundingBox();
  expect(card).toEqual(placeholder);
  expect(await screensHeading.boundingBox()).toEqual(headingWhileLoading);
});

test('the add dialog can be opened, filled and submitted with the keyboard only', async ({
  page,
  openApp,
  sandbox,
}) => {
  sandbox.createRemote('hotosm', 'field-tm');
  const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
  const projects = new ProjectsPage(page);
  await openApp();

  // Tab from the top of the page to the header's Add project button.
  for (let presses = 0; presses < 10; presses += 1) {
    if (await projects.addButton.evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(projects.addButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(projects.addDialog).toBeVisible();
  await expect(projects.sourceField).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(projects.addDialog).toBeHidden();
  await expect(projects.addButton).toBeFocused();

  await page.keyboard.press('Space');
  await expect(projects.sourceField).toBeFocused();
  await page.keyboard.type(work);
  await page.keyboard.press('Enter');
  await expect(projects.addDialog).toBeHidden();
  await expect(projects.card('field-tm')).toContainText('hotosm/field-tm');
});
