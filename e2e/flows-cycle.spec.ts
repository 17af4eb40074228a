import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openConnectedPracticeProject } from './support/practice';
import { PracticeRemote } from './support/practice-remote';
import { FLOWS, WizardPage } from './support/wizard';

/** The hotfix's name; its branch is `hotfix/<name>`. */
const HOTFIX_NAME = 'export-crash';
/** The release's draft, its workflow and its back-merge PR take the longest of the runs. */
const RELEASE_TIMEOUT_MS = 300_000;

/** Parks the pointer and takes a screenshot into the test's output folder; returns its path. */
async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const path = test.info().outputPath(name);
  await page.mouse.move(0, 0);
  await page.screenshot({ path, fullPage });
  return path;
}

test.describe('the release cycle on the practice project', () => {
  // Six runs, each with merges and the deploy or release workflow it watches (queued ~1 s, running
  // ~5 s), plus building the practice project, on a loaded two-core runner. Nothing here is timed.
  test.setTimeout(900_000);

  test('freeze, hotfix and its back-merge, promote, release (draft, then publish), back-merge of the bump', async ({
    page,
    openApp,
    dataDir,
  }) => {
    await openApp();
    await openConnectedPracticeProject(page);
    const remote = new PracticeRemote(dataDir);

    let frozen = '';
    await test.step('1. freeze development into staging (default choices)', async () => {
      frozen = remote.sha('development');
      const wizard = await WizardPage.open(page, FLOWS.freeze);
      const plan = await wizard.checkAndStart();
      expect(plan).toMatch(/release\/2026\.\d+\.\d+/);
      await wizard.waitForCompleted();
      await wizard.close();
      expect(remote.isAncestor(frozen, 'staging'), 'staging holds the frozen development commit').toBe(true);
    });

    let hotfixCommit = '';
    await test.step('2. hotfix staging with a fix cherry-picked from development, then back-merge it', async () => {
      // A fix that lands on development after the freeze, as in real life. It adds a file of its own,
      // so it applies cleanly on staging whatever the practice history holds.
      const fix = remote.commitOnBranch(
        'development',
        { 'backend/services/export_guard.py': 'def guard(project):\n    return project is not None\n' },
        'fix: the export no longer crashes on a project without tasks',
      );
      expect(remote.isAncestor(fix, 'staging')).toBe(false);

      const hotfix = await WizardPage.open(page, FLOWS.hotfix);
      await hotfix.field('Name').fill(HOTFIX_NAME);
      await hotfix.chooseLane('Branch from', 'Staging');
      await hotfix.field('Commits to cherry-pick (optional)').fill(fix);
      const plan = await hotfix.checkAndStart();
      expect(plan).toContain(`hotfix/${HOTFIX_NAME}`);
      await hotfix.waitForCompleted();

      hotfixCommit = remote.git(['log', '--format=%H', '--grep', `cherry picked from commit ${fix}`, 'staging']);
      expect(hotfixCommit, 'staging holds the cherry-picked fix').toMatch(/^[0-9a-f]{40}$/);
      expect(remote.isAncestor(remote.sha(`hotfix/${HOTFIX_NAME}`), 'staging')).toBe(true);
      expect(remote.isAncestor(hotfixCommit, 'development')).toBe(false);

      // The hotfix's result offers its back-merge, from the lane it went into.
      const offer = hotfix.dialog.getByRole('button', { name: 'Back-merge into development…' });
      await expect(offer).toBeVisible();
      await screenshot(page, 'hotfix-result.png');
      await offer.click();
      const backmerge = new WizardPage(page, FLOWS.backmerge);
      await expect(backmerge.dialog).toBeVisible();
      await expect(backmerge.laneRadio('Back-merge from', 'Staging')).toBeChecked();
      await backmerge.checkAndStart();
      await backmerge.waitForCompleted();
      await backmerge.close();
      expect(remote.isAncestor(hotfixCommit, 'development'), 'development holds the hotfix').toBe(true);
    });

    await test.step('3. promote staging into main', async () => {
      const wizard = await WizardPage.open(page, FLOWS.promote);
      await wizard.checkAndStart();
      await wizard.waitForCompleted();
      await wizard.close();
      expect(remote.isAncestor('staging', 'main'), 'main holds staging').toBe(true);
    });

    let tag = '';
    let merged = '';
    await test.step('4. release main: a draft first, published after review', async () => {
      const wizard = await WizardPage.open(page, FLOWS.release);
      // The notes are generated as the wizard opens; the run takes what the field holds.
      await expect(wizard.field('Release notes')).not.toHaveValue('', { timeout: 60_000 });
      await wizard.runPreflight();
      const plan = await wizard.showPlan();
      tag = /Review the draft release (v\d{4}\.\d+\.\d+), then publish it/.exec(plan)?.[1] ?? '';
      expect(tag, `the plan names the draft to review:\n${plan}`).not.toBe('');
      await wizard.start();

      // The run stops after drafting the release, and says what to review.
      const waiting = wizard.dialog.getByRole('region', { name: 'Waiting for you' });
      await expect(waiting).toBeVisible({ timeout: RELEASE_TIMEOUT_MS });
      await expect(waiting).toContainText(`Review the draft release ${tag}, then publish it`);
      await expect(waiting).toContainText(new RegExp(`The draft: \\S+/releases/\\S+`));
      // The notes preview is a div with aria-label (no role), so it is found by its label, not as a region.
      await expect(waiting.getByLabel('Release notes')).toContainText(/\S/);
      const draft = remote.release(tag);
      expect(draft, `a release ${tag} on the practice GitHub`).not.toBeNull();
      expect(draft).toMatchObject({ draft: true, publishedAt: null });
      // Tagged already, at main's head: the bump (a direct commit on the practice main, which asks nothing of a
      // merge; the bump PR's merge where main is protected).
      merged = remote.sha('main');
      expect(remote.sha(tag)).toBe(merged);
      await screenshot(page, 'waiting-for-you.png');

      await wizard.dialog.getByRole('button', { name: 'Publish release…' }).click();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm).toContainText('Publish');
      await expect(confirm).toContainText(tag);
      await confirm.getByRole('button', { name: /^Publish/ }).click();

      await wizard.waitForCompleted(RELEASE_TIMEOUT_MS);
      await wizard.close();
      expect(remote.release(tag)).toMatchObject({ draft: false, publishedAt: expect.any(String) });
      expect(remote.sha(tag), 'the tag is still main’s merged commit').toBe(merged);
      expect(remote.sha('main')).toBe(merged);
    });

    await test.step('5. back-merge the bump from main into development', async () => {
      // The release left its back-merge PR main → development open; the back-merge finds and merges it.
      const backMergePulls = () =>
        remote.openPulls().filter((pull) => pull.head === 'main' && pull.base === 'development');
      const opened = backMergePulls();
      expect(opened).toHaveLength(1);
      const wizard = await WizardPage.open(page, FLOWS.backmerge);
      await wizard.chooseLane('Back-merge from', 'Main');
      await wizard.checkAndStart();
      await wizard.waitForCompleted();
      await expect(wizard.outputs).toContainText(`PR #${opened[0]?.number}`);
      await wizard.close();
      expect(backMergePulls(), 'the back-merge merged the release’s PR').toEqual([]);
    });

    await test.step('the end state: all five facts', async () => {
      const version = tag.replace(/^v/, '');
      expect(remote.isAncestor(frozen, 'staging'), 'staging holds the frozen sha').toBe(true);
      expect(remote.isAncestor('staging', 'main'), 'main holds staging').toBe(true);
      expect(remote.sha(tag), 'the tag points at the merged sha').toBe(merged);
      expect(remote.release(tag), 'the release is published').toMatchObject({ draft: false });
      const lines = remote.versionLines('development');
      expect(Object.keys(lines).length, 'the practice project configures version files').toBeGreaterThan(0);
      for (const [path, line] of Object.entries(lines)) {
        expect(line, `development's ${path} holds the bump`).toContain(version);
      }
      expect(remote.isAncestor(merged, 'development'), 'development holds the bump commit').toBe(true);
    });

    await test.step('Activity lists the six completed runs', async () => {
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Activity' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
      const rows = page.getByRole('main').getByRole('table').getByRole('row').filter({ hasText: 'Completed' });
      await expect(rows).toHaveCount(6);
      await screenshot(page, 'activity.png', true);
    });
  });
});
