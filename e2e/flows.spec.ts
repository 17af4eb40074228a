import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openConnectedPracticeProject } from './support/practice';
import { FLOWS, WizardPage } from './support/wizard';

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

    const wizard = await WizardPage.open(page, FLOWS.freeze);
    // Preflight: the checks run against the practice GitHub; none blocks a freeze here.
    await wizard.runPreflight();
    // The plan is the exact dry run; starting it asks first, because it merges into staging.
    expect(await wizard.showPlan()).toMatch(/release\/2026\.\d+\.\d+/);
    await page.screenshot({ path: test.info().outputPath('wizard-plan.png') });
    await wizard.start();

    await wizard.waitForCompleted();
    await expect(wizard.outputs).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('wizard-result.png') });
    // Staging now holds the frozen development commit.
    execFileSync('git', ['--git-dir', bare, 'merge-base', '--is-ancestor', development, 'staging']);
    await wizard.close();

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(/freeze/i);
    await expect(page.getByRole('main')).toContainText(/completed/i);
    await page.screenshot({ path: test.info().outputPath('activity.png'), fullPage: true });
  });
});
