import { expect, type Page } from '@playwright/test';
import { TrainPage } from './train-page';

/**
 * Opens the practice project from the Projects screen, connects its account in Settings, and comes back
 * to its Train screen, as a newcomer would. Building the practice history takes a while on a loaded
 * runner, hence the long wait for the card.
 */
export async function openConnectedPracticeProject(page: Page): Promise<TrainPage> {
  const train = new TrainPage(page);
  await page.getByRole('main').getByRole('button', { name: 'Try the practice project' }).first().click();
  await expect(page.getByRole('article', { name: 'tasking-manager' })).toBeVisible({ timeout: 150_000 });
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Connect the practice account' }).click();
  await expect(page.getByText('Connected as @practice-user')).toBeVisible({ timeout: 30_000 });
  await train.open('tasking-manager');
  await expect(page.getByText('GitHub: @practice-user')).toBeVisible({ timeout: 30_000 });
  return train;
}
