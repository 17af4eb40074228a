import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prNumbersOf } from '../shared/domain/commits/pr-reference';
import { expect, test } from './support/fixtures';
import { NotesPage } from './support/notes-page';
import { ProjectsPage } from './support/projects-page';
import { REPLICA_BUNDLE } from './support/replica';
import { TrainPage } from './support/train-page';

/** A small range of the replica: 2026.1.2 is an ancestor of 2026.1.3, 12 commits apart. */
const FROM = '2026.1.2';
const TO = '2026.1.3';

/**
 * The entries the range must give, read with git itself rather than copied into the test: one per PR
 * (from the subjects), and one per direct commit (not a merge, no PR in its subject).
 */
function rangeFacts(git: (args: string[], cwd?: string) => string, bare: string) {
  const subjects = git(['log', '--format=%s', `${FROM}..${TO}`], bare)
    .split('\n')
    .filter(Boolean);
  const prs = prNumbersOf(subjects.map((subject) => ({ sha: '', date: '', author: '', subject, isMerge: false })));
  const direct = git(['log', '--no-merges', '--format=%H %s', `${FROM}..${TO}`], bare)
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ sha: line.slice(0, 40), subject: line.slice(41) }))
    .filter((commit) => prNumbersOf([{ ...commit, date: '', author: '', isMerge: false }]).length === 0);
  return {
    ancestor: git(['merge-base', '--is-ancestor', FROM, TO], bare) === '',
    prs,
    direct,
    keys: [...prs.map((pr) => `pr:${pr}`), ...direct.map((commit) => `commit:${commit.sha}`)].sort(),
  };
}

test.describe('the Notes screen on the field-tm replica', () => {
  // Cloning 10,500 commits, then generating a few times, takes longer than a Projects test.
  test.slow();

  test('generates a range, keeps edits, hidden entries and the summary across regeneration, copies and exports', async ({
    page,
    openApp,
    sandbox,
    bridge,
  }) => {
    const bare = sandbox.createRemote('hotosm', 'field-tm', { bundle: REPLICA_BUNDLE });
    const facts = rangeFacts(sandbox.git, bare);
    expect(facts.ancestor).toBe(true);
    expect(facts.prs.length).toBeGreaterThanOrEqual(2);
    const projects = new ProjectsPage(page);
    const train = new TrainPage(page);
    const notes = new NotesPage(page);
    await openApp();
    await projects.add('https://github.com/hotosm/field-tm.git');

    // The replica's development branch is `dev`: the team's config says so, chosen on the Train screen.
    await train.open('field-tm');
    const configFile = join(sandbox.root, 'field-tm.release-desk.yml');
    writeFileSync(configFile, 'branches:\n  development: dev\n');
    bridge.pickedConfigFile = configFile;
    await train.useConfigFileButton.click();
    await expect(train.configLine).toContainText(configFile);

    // Opening generates the default range: main since the newest release, which main's history lacks.
    await notes.open();
    await expect(page.getByRole('heading', { name: 'Nothing to release since 2026.2.0' })).toBeVisible();
    await expect(notes.rangeCard.getByText('released set', { exact: true })).toBeVisible();
    await expect(notes.main.getByRole('status').filter({ hasText: 'Check before publishing' })).toContainText(
      'The previous release 2026.2.0 is not in the history of',
    );

    await notes.generate({ from: FROM, to: TO, date: '2026-03-02' });
    await expect(notes.range.locator('code')).toHaveText([FROM, TO]);
    await expect(notes.rangeCard.getByText('ancestry', { exact: true })).toBeVisible();
    await expect(notes.rangeCard).toContainText(`From ${FROM}, as given.`);
    await expect(notes.main.getByRole('region', { name: 'Suggested version' })).toContainText(`after ${FROM}`);
    const keys = await notes.entries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-entry-key')));
    expect(keys.sort()).toEqual(facts.keys);
    for (const pr of facts.prs) {
      await expect(notes.entry(`#${pr}`).getByRole('link', { name: `#${pr}` })).toBeVisible();
    }

    // Edit one title, hide another entry, write the summary.
    const [edited, hidden] = facts.prs.map((pr) => `#${pr}`) as [string, string];
    const hiddenTitle = (await notes.titleButton(hidden).textContent())?.replace(/^Edit title: /, '') ?? '';
    await notes.titleButton(edited).click();
    await notes.titleInput(edited).fill('feat: split tasks by the number of enumerators or buildings');
    await notes.titleInput(edited).press('Enter');
    await expect(notes.entry(edited).getByText('edited', { exact: true })).toBeVisible();
    await notes
      .entry(hidden)
      .getByRole('button', { name: `Hide ${hidden}` })
      .click();
    await expect(notes.entry(hidden).getByText('hidden', { exact: true })).toBeVisible();
    await notes.summary.fill('Field mappers can now split tasks by team size.');
    await expect(notes.saveIndicator).toHaveText('Saved');

    // Regenerate: the draft's edits are still there, and the preview publishes them.
    await notes.regenerateButton.click();
    await notes.waitUntilGenerated();
    await expect(notes.freshness).toHaveText('Generated just now');
    await expect(notes.titleButton(edited)).toHaveText(
      'Edit title: feat: split tasks by the number of enumerators or buildings',
    );
    await expect(notes.entry(edited).getByText('edited', { exact: true })).toBeVisible();
    await expect(notes.entry(hidden).getByRole('button', { name: `Show ${hidden}` })).toBeVisible();
    await expect(notes.summary).toHaveValue('Field mappers can now split tasks by team size.');
    await expect(notes.preview).toContainText('Field mappers can now split tasks by team size.');
    await expect(notes.preview).toContainText('split tasks by the number of enumerators or buildings');
    await expect(notes.preview).not.toContainText(hiddenTitle);
    await expect(notes.preview).not.toContainText('<details>');

    await notes.main.getByRole('button', { name: 'Copy markdown' }).click();
    await expect(notes.main.getByText('Copied the markdown to the clipboard.')).toBeVisible();
    expect(bridge.clipboard).toContain('split tasks by the number of enumerators or buildings');
    expect(bridge.clipboard).toContain('Field mappers can now split tasks by team size.');
    expect(bridge.clipboard).not.toContain(hiddenTitle);

    await notes.main.getByRole('button', { name: 'Export…' }).click();
    await expect(notes.main.getByText(/^Saved to release-notes-/)).toBeVisible();
    expect(bridge.savedFiles).toHaveLength(1);
    expect(bridge.savedFiles[0]?.name).toMatch(/^release-notes-2026\.\d+\.\d+\.md$/);
    expect(bridge.savedFiles[0]?.text).toContain('split tasks by the number of enumerators or buildings');

    await notes.tab('CHANGELOG').click();
    await expect(notes.changelog).toContainText('split tasks by the number of enumerators or buildings');
    // The heading carries the chosen release date, not the day the notes were generated.
    await expect(notes.changelog).toContainText('(2026-03-02)');
    await expect(notes.main.getByRole('button', { name: 'Copy changelog' })).toBeVisible();
  });

  test('a bad From names the ref and recovers; titles edit and entries move by keyboard; a taken version is refused', async ({
    page,
    openApp,
    sandbox,
  }) => {
    const bare = sandbox.createRemote('hotosm', 'field-tm', { bundle: REPLICA_BUNDLE });
    const facts = rangeFacts(sandbox.git, bare);
    const projects = new ProjectsPage(page);
    const notes = new NotesPage(page);
    await openApp();
    await projects.add('https://github.com/hotosm/field-tm.git');
    await notes.open();
    await notes.waitUntilGenerated();

    await notes.generate({ from: 'no-such-tag', to: TO });
    await expect(notes.errorPanel).toContainText('A tag or branch was not found');
    await expect(notes.errorPanel).toContainText('"no-such-tag"');
    await expect(notes.fromField).toHaveAttribute('aria-invalid', 'true');
    await expect(notes.entries).toHaveCount(0);
    await notes.fromField.fill(FROM);
    await notes.errorPanel.getByRole('button', { name: 'Try again' }).click();
    await expect(notes.errorPanel).toHaveCount(0);
    await expect(notes.entries).toHaveCount(facts.keys.length);
    await expect(notes.fromField).not.toHaveAttribute('aria-invalid');

    // Keyboard only: from the summary, Tab reaches the first entry's title; Enter edits, Enter saves.
    const first = await notes.entries.first().getAttribute('data-entry-key');
    const label = first?.startsWith('pr:')
      ? `#${first.slice(3)}`
      : (first?.slice('commit:'.length, 'commit:'.length + 7) ?? '');
    await notes.summary.focus();
    await page.keyboard.press('Tab');
    await expect(notes.titleButton(label)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(notes.titleInput(label)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('feat: typed with the keyboard');
    await page.keyboard.press('Enter');
    await expect(notes.titleButton(label)).toBeFocused();
    await expect(notes.titleButton(label)).toHaveText('Edit title: feat: typed with the keyboard');
    // Escape leaves the title as it was.
    await page.keyboard.press('Enter');
    await page.keyboard.type(' and more');
    await page.keyboard.press('Escape');
    await expect(notes.titleButton(label)).toBeFocused();
    await expect(notes.titleButton(label)).toHaveText('Edit title: feat: typed with the keyboard');
    await expect(notes.saveIndicator).toHaveText('Saved');
    await expect(notes.preview).toContainText('feat: typed with the keyboard');

    // Move the first "Build and CI" entry down with the keyboard; focus follows the entry.
    const build = notes.main.getByRole('list', { name: 'Build and CI' }).locator('[data-entry-key]');
    const before = await build.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-entry-key')));
    expect(before.length).toBeGreaterThanOrEqual(2);
    const moving = build.first().getByRole('button', { name: / down$/ });
    await moving.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => build.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-entry-key'))))
      .toEqual([before[1], before[0], ...before.slice(2)]);
    await expect(build.nth(1).getByRole('button', { name: / down$/ })).toBeFocused();
    await expect(notes.saveIndicator).toHaveText('Saved');

    // A version that is already a tag is refused at the field, and the notes stay.
    await notes.generate({ version: TO });
    await expect(notes.main.getByText(`The tag ${TO} already exists.`)).toBeVisible();
    await expect(notes.versionField).toHaveAttribute('aria-invalid', 'true');
    await expect(notes.entries).toHaveCount(facts.keys.length);
    await notes.generate({ version: '2026.5.0' });
    await expect(notes.version).toHaveText('2026.5.0');
    await expect(notes.main.getByRole('region', { name: 'Version chosen by hand' })).toContainText('Chosen by hand.');
  });
});
