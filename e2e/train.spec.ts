import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prNumbersOf } from '../shared/domain/commits/pr-reference';
import { expect, test } from './support/fixtures';
import { ProjectsPage } from './support/projects-page';
import { REPLICA_BUNDLE } from './support/replica';
import { TrainPage } from './support/train-page';

/** What the replica's history says, read with git itself rather than copied into the test. */
function replicaFacts(git: (args: string[], cwd?: string) => string, bare: string) {
  const waitingSubjects = git(['log', '--format=%s', 'staging..dev'], bare).split('\n').filter(Boolean);
  return {
    waitingCommits: Number(git(['rev-list', '--count', 'staging..dev'], bare)),
    waitingPrs: prNumbersOf(
      waitingSubjects.map((subject) => ({ sha: '', date: '', author: '', subject, isMerge: false })),
    ),
    stagingBehindMain: Number(git(['rev-list', '--count', 'staging..main'], bare)),
  };
}

test.describe('the Train screen on the field-tm replica', () => {
  // Cloning 10,500 commits and reading the train a few times takes longer than a Projects test.
  test.slow();

  test('shows the lanes, takes a config file, links PRs, refreshes by keyboard, and keeps the status offline', async ({
    page,
    openApp,
    sandbox,
    bridge,
  }) => {
    const bare = sandbox.createRemote('hotosm', 'field-tm', { bundle: REPLICA_BUNDLE });
    const facts = replicaFacts(sandbox.git, bare);
    const projects = new ProjectsPage(page);
    const train = new TrainPage(page);
    await openApp();
    await projects.add('https://github.com/hotosm/field-tm.git');
    await train.open('field-tm');

    // The replica's development branch is `dev`, so with the defaults the first lane has no branch.
    await expect(train.lane('development')).toContainText(
      'The development branch "development" does not exist. Create it, or set branches.development in .release-desk.yml.',
    );
    await expect(train.configLine).toHaveText(
      'Config: defaults (no .release-desk.yml) · versions from src/backend/pyproject.toml',
    );
    await expect(train.waiting.first()).toHaveText('development to staging: Not comparedno development branch');

    const configFile = join(sandbox.root, 'field-tm.release-desk.yml');
    writeFileSync(configFile, 'branches:\n  development: dev\n');
    bridge.pickedConfigFile = configFile;
    await train.useConfigFileButton.click();

    await expect(train.configLine).toContainText(`Config: ${configFile}`);
    await expect(train.useRepositoryConfigButton).toBeVisible();
    expect(facts.waitingCommits).toBeGreaterThan(0);
    await expect(train.waiting.first()).toHaveText(
      `development to staging: ${facts.waitingCommits} commits · ${facts.waitingPrs.length} PRs waiting`,
    );
    await expect(train.waiting.nth(1)).toContainText(`staging is ${facts.stagingBehindMain} behind main`);
    await expect(train.lane('development')).not.toContainText('does not exist');
    await expect(train.lane('development').getByText('dev', { exact: true })).toBeVisible();

    const main = train.lane('main');
    await expect(main.getByRole('definition').filter({ hasText: '2026.2.0' })).toContainText('not in main’s history');
    await expect(main.getByRole('definition').filter({ hasText: '2026.1.3' })).toBeVisible();
    await expect(main).toContainText('Newest in history');
    const versionFiles = main.getByRole('list', { name: 'Version files' }).getByRole('listitem');
    await expect(versionFiles).toHaveCount(3);
    await expect(versionFiles.getByRole('img', { name: 'Differs from 2026.2.0' })).toHaveCount(3);
    await expect(versionFiles).toContainText([
      'src/backend/pyproject.toml',
      'src/backend/app/__version__.py',
      'chart/Chart.yaml',
    ]);
    await expect(main.getByRole('list', { name: 'Warnings for main' })).toContainText(
      'The newest release tag 2026.2.0 was made on a commit main does not have',
    );

    // The PR list is open; the commit list opens on demand, with aria-expanded saying which.
    const development = train.lane('development');
    const prLinks = development.getByRole('list', { name: 'Pull requests waiting for staging' }).getByRole('link');
    await expect(prLinks).toHaveCount(facts.waitingPrs.length);
    const commitsToggle = development.getByRole('button', { name: `${facts.waitingCommits} commits` });
    await expect(commitsToggle).toHaveAttribute('aria-expanded', 'false');
    await commitsToggle.press('Enter');
    await expect(commitsToggle).toHaveAttribute('aria-expanded', 'true');
    await expect(
      development.getByRole('list', { name: 'Commits waiting for staging' }).getByRole('listitem'),
    ).toHaveCount(facts.waitingCommits);

    const firstPr = facts.waitingPrs[0];
    await prLinks.filter({ hasText: `#${firstPr}` }).click();
    await expect.poll(() => bridge.openedUrls).toEqual([`https://github.com/hotosm/field-tm/pull/${firstPr}`]);
    await expect(train.heading('field-tm')).toBeVisible();

    // Refresh from the keyboard: the status stays on screen while the fetch runs, then says it is fresh.
    await expect(train.freshness).toHaveText('Updated just now');
    let letStatusIn!: () => void;
    const statusGate = new Promise<void>((resolveGate) => (letStatusIn = resolveGate));
    await page.route(
      '**/__ipc/train.status',
      async (route) => {
        await statusGate;
        await route.continue();
      },
      { times: 1 },
    );
    await train.refreshButton.focus();
    await page.keyboard.press('Enter');
    await expect(train.freshness).toHaveText('Fetching from origin…');
    await expect(train.refreshButton).toHaveAttribute('aria-disabled', 'true');
    await expect(train.lane('main')).toContainText('2026.2.0');
    letStatusIn();
    await expect(train.freshness).toHaveText('Updated just now');
    await expect(train.refreshButton).toHaveAttribute('aria-disabled', 'false');
    await expect(train.refreshButton).toBeFocused();

    // Offline: the fetch fails, the status stays, and a notice says what it is based on.
    renameSync(bare, `${bare}.away`);
    await page.keyboard.press('Enter');
    const notice = page.getByRole('main').getByRole('status').filter({ hasText: 'Could not fetch from origin' });
    await expect(notice).toContainText('Showing the state from the last successful fetch.');
    await expect(train.freshness).toHaveText('Updated just now');
    await expect(train.lane('main')).toContainText('2026.2.0');
  });

  test('an invalid config file names the field and its allowed values; the repository config recovers', async ({
    page,
    openApp,
    sandbox,
    bridge,
  }) => {
    sandbox.createRemote('hotosm', 'field-tm', { bundle: REPLICA_BUNDLE });
    const projects = new ProjectsPage(page);
    const train = new TrainPage(page);
    await openApp();
    await projects.add('https://github.com/hotosm/field-tm.git');
    // From the project's card, too.
    await projects.card('field-tm').getByRole('button', { name: 'Open train of hotosm/field-tm' }).click();
    await expect(train.lane('main')).toContainText('2026.2.0');

    const configFile = join(sandbox.root, 'typo.release-desk.yml');
    writeFileSync(configFile, 'versioning:\n  scheme: calvar\n');
    bridge.pickedConfigFile = configFile;
    await train.useConfigFileButton.click();

    await expect(train.errorPanel).toContainText('The config file has a problem');
    await expect(train.errorPanel).toContainText(`${configFile} has an invalid field:`);
    await expect(train.errorPanel.getByRole('listitem')).toHaveText(
      'versioning.scheme: expected one of "auto", "calver", "semver"',
    );
    await expect(train.errorPanel.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(train.lane('main')).toHaveCount(0);
    await expect(train.configLine).toContainText(configFile);

    // Fixing the file and trying again works too, but here the user goes back to the repository's config.
    await train.useRepositoryConfigButton.click();
    await expect(train.errorPanel).toHaveCount(0);
    await expect(train.configLine).toContainText('Config: defaults (no .release-desk.yml)');
    await expect(train.useRepositoryConfigButton).toHaveCount(0);
    await expect(train.lane('main')).toContainText('2026.2.0');
  });
});
