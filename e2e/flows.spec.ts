import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openConnectedPracticeProject } from './support/practice';

test.describe('the promotion wizard on the practice project', () => {
  // The practice build, the freeze's merge and the staging deploy it watches take a while on a loaded
  // runner; nothing here is timed.
  test.setTimeout(300_000);

  test('freezes development into staging through the wizard, and the run shows on Activity', async ({
    page,
    openApp,
    dataDir,
  }) => {
    await openApp();
    await openConnectedPracticeProject(page);
    const bare = join(dataDir, 'practice', 'state', 'repos', 'hotosm-practice', 'tasking-manager.git');
    const git = (args: string[]) => execFileSync('git', ['--git-dir', bare, ...args], { encoding: 'utf8' }).trim();
    const development = git(['rev-parse', 'development']);

    await page.getByRole('group', { name: 'Flows' }).getByRole('button', { name: 'Freeze…' }).click();
    const wizard = page.getByRole('dialog', { name: 'Freeze development into staging' });
    await expect(wizard).toBeVisible();
    await wizard.getByRole('button', { name: 'Next' }).click();

    // Preflight: the checks run against the practice GitHub; none blocks a freeze here.
    await expect(wizard.getByRole('list', { name: 'Preflight checks' })).toBeVisible({ timeout: 60_000 });
    await wizard.getByRole('button', { name: 'Next' }).click();

    // The plan is the exact dry run; starting it asks first, because it merges into staging.
    const steps = wizard.getByRole('list', { name: 'Steps' });
    await expect(steps).toContainText(/release\/2026\.\d+\.\d+/);
    await page.screenshot({ path: test.info().outputPath('wizard-plan.png') });
    await wizard.getByRole('button', { name: 'Start' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('Start the freeze?');
    await confirm.getByRole('button', { name: 'Start' }).click();

    await expect(
      wizard
        .getByText('What the run made', { exact: false })
        .or(wizard.getByRole('list', { name: 'What the run made' })),
    ).toBeVisible({
      timeout: 180_000,
    });
    await page.screenshot({ path: test.info().outputPath('wizard-result.png') });
    // Staging now holds the frozen development commit.
    execFileSync('git', ['--git-dir', bare, 'merge-base', '--is-ancestor', development, 'staging']);
    await wizard.getByRole('button', { name: 'Close' }).first().click();

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(/freeze/i);
    await expect(page.getByRole('main')).toContainText(/completed/i);
    await page.screenshot({ path: test.info().outputPath('activity.png'), fullPage: true });
  });
});
