import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRACTICE_HOST } from '../shared/domain/github/github-account';
import { githubTokenAccount } from '../electron/services/secrets/secret-accounts';
import { createKeychainSecretStore } from '../electron/services/secrets/secret-store';
import { expect, test } from './support/fixtures';
import { TrainPage } from './support/train-page';

/** Every file under `root`, recursively. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

test.describe('the practice project and GitHub', () => {
  // Building the practice history and cloning it takes seconds when idle, and much longer on a loaded
  // two-core runner; nothing here is timed, so the test waits generously.
  test.setTimeout(240_000);

  test('opens the practice project, connects its account, and fills the train from GitHub', async ({
    page,
    openApp,
    dataDir,
    sandbox,
  }) => {
    const train = new TrainPage(page);
    await openApp();
    await page.getByRole('main').getByRole('button', { name: 'Try the practice project' }).first().click();
    await expect(page.getByRole('article', { name: 'tasking-manager' })).toBeVisible({ timeout: 150_000 });
    await expect(
      page.getByRole('article', { name: 'tasking-manager' }).getByText('Practice', { exact: true }),
    ).toBeVisible();

    // Before connecting, the train works from git and says what GitHub would add.
    await train.open('tasking-manager');
    // GitHub's part of the train loads after the lanes; on a loaded runner that takes a while.
    await expect(page.getByText(/GitHub is not connected for practice\.localhost/)).toBeVisible({ timeout: 30_000 });
    await expect(train.lane('development')).toBeVisible();

    await page.getByRole('link', { name: 'Connect in Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.getByRole('button', { name: 'Connect the practice account' }).click();
    await expect(page.getByText('Connected as @practice-user')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Connected accounts' })).toContainText('@practice-user');
    await page.screenshot({ path: test.info().outputPath('settings-github.png'), fullPage: true });

    await train.open('tasking-manager');
    await expect(page.getByText('GitHub: @practice-user')).toBeVisible();
    for (const lane of ['development', 'staging', 'main'] as const) {
      const card = train.lane(lane);
      await expect(card.getByRole('term').filter({ hasText: 'Deploy' })).toBeVisible();
      await expect(card.getByRole('definition').first()).toContainText(/Deploy to (development|staging|production)/);
    }
    await expect(train.lane('development').getByText('Succeeded')).toBeVisible({ timeout: 60_000 });
    const openPulls = page.getByRole('region', { name: 'Open pull requests' });
    await expect(openPulls.getByText(/#23/)).toBeVisible();
    // The merged PRs waiting to be frozen, with their titles from GitHub.
    await expect(page.getByRole('main').getByText('#22', { exact: false }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('practice-train.png'), fullPage: true });

    // The session wrote files; none of them holds the practice token, which only main and the keychain
    // ever saw. The bridge runs in this process, so the token is read back from the same keychain.
    const token = await createKeychainSecretStore().get(githubTokenAccount(PRACTICE_HOST));
    expect(token).toMatch(/^ghs_/);
    const files = [...filesUnder(dataDir), ...filesUnder(sandbox.root)];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(file).includes(token as string), file).toBe(false);
    expect(await page.content()).not.toContain(token as string);

    // Disconnecting asks first, then removes the account (and its keychain entry).
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('list', { name: 'Connected accounts' }).getByRole('button', { name: 'Disconnect' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Disconnect @practice-user from practice.localhost?' });
    await confirm.getByRole('button', { name: 'Disconnect' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No GitHub account connected yet')).toBeVisible();
    expect(await createKeychainSecretStore().get(githubTokenAccount(PRACTICE_HOST))).toBeNull();
  });
});
