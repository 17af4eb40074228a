import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ProjectsPage } from './support/projects-page';

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
