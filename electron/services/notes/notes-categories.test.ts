import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BREAKING_CHANGES, OTHER_CHANGES, type ReleaseNotes } from '../../../shared/domain/notes/notes-model';
import { releaseTags } from '../../../shared/domain/versions/release-tags';
import { loadEffectiveConfig } from '../config/config-loader';
import { openRepository } from '../git/git-repository';
import { commitAs } from '../testing/notes-history';
import { createTrainRepo, type TrainRepo } from '../testing/train-repo';
import { groupCommits } from './commit-grouping';
import { parseGitHubReleaseConfig } from './github-release-config';
import { buildNotes, type PullRequestFacts } from './notes-generator';
import { generateNotes } from './notes-service';
import { selectRange } from './range-selection';

/** GitHub's documented `.github/release.yml`, with an exclude section. */
const RELEASE_YML = `changelog:
  exclude:
    labels: [ignore-for-release]
    authors: ["dependabot[bot]"]
  categories:
    - title: Exciting New Features
      labels: [enhancement]
    - title: Fixes
      labels: [bug]
    - title: Everything else
      labels: ["*"]
`;

const byTitle = (notes: ReleaseNotes): Record<string, string> =>
  Object.fromEntries(notes.entries.map((entry) => [entry.title, entry.category]));

describe('categories from the config and from .github/release.yml', () => {
  let train: TrainRepo;
  let restoreEnv: () => void;
  const hooksDir = (): string => join(train.sandbox.root, 'hooks');

  beforeEach(() => {
    train = createTrainRepo();
    restoreEnv = train.sandbox.activate();
    train.tag('2025.1.0', 'main');
    train.squash('main', 12, 'offline basemaps', 'feat(mapper)');
    train.squash('main', 13, 'internal tooling', 'chore(dev)');
    train.squash('main', 14, 'bump vite to 8', 'build(deps)');
    train.squash('main', 15, 'correct assignee', 'fix(tasks)');
    commitAs(train, 'main', 'chore(deps): update dependency pyyaml', 'dependabot[bot] <bot@example.test>');
    train.commit('main', 'Translated using Weblate (French)');
  });
  afterEach(() => {
    restoreEnv();
    train.dispose();
  });

  it('uses the default categories, with unparsed commits in "Other changes"', async () => {
    const { notes } = await generateNotes({ dir: train.dir }, { hooksDir: hooksDir() });
    expect(byTitle(notes)).toEqual({
      'Translated using Weblate (French)': OTHER_CHANGES,
      'chore(deps): update dependency pyyaml': 'Chores',
      'fix(tasks): correct assignee': 'Bug fixes',
      'build(deps): bump vite to 8': 'Build and CI',
      'chore(dev): internal tooling': 'Chores',
      'feat(mapper): offline basemaps': 'Features',
    });
  });

  it('uses the categories and exclusions of .release-desk.yml, in its order', async () => {
    const configFile = join(train.sandbox.root, 'release-desk.yml');
    writeFileSync(
      configFile,
      [
        'notes:',
        '  categories:',
        '    - { title: "Fixed", types: [fix] }',
        '    - { title: "New", types: [feat] }',
        '    - { title: "Maintenance", types: [build, chore] }',
        '  exclude: { authors: ["dependabot[bot]"] }',
        '',
      ].join('\n'),
    );
    const { notes } = await generateNotes({ dir: train.dir, configFile }, { hooksDir: hooksDir() });
    expect(notes.categories).toEqual([BREAKING_CHANGES, 'Fixed', 'New', 'Maintenance', OTHER_CHANGES]);
    expect(byTitle(notes)).toEqual({
      'Translated using Weblate (French)': OTHER_CHANGES,
      'fix(tasks): correct assignee': 'Fixed',
      'build(deps): bump vite to 8': 'Maintenance',
      'chore(dev): internal tooling': 'Maintenance',
      'feat(mapper): offline basemaps': 'New',
    });
    expect(notes.contributors).toEqual(['Test Author']);
  });

  it('honours .github/release.yml at the target: its categories (offline, `*` takes all) and excluded authors', async () => {
    train.writeFiles('main', { '.github/release.yml': RELEASE_YML }, 'ci: add release.yml');
    const { notes } = await generateNotes({ dir: train.dir }, { hooksDir: hooksDir() });
    expect(notes.categories).toEqual([
      BREAKING_CHANGES,
      'Exciting New Features',
      'Fixes',
      'Everything else',
      OTHER_CHANGES,
    ]);
    // Offline there are no labels: every entry falls to the `*` category. The bot's commit is excluded.
    expect(new Set(notes.entries.map((entry) => entry.category))).toEqual(new Set(['Everything else']));
    expect(notes.entries.map((entry) => entry.title)).not.toContain('chore(deps): update dependency pyyaml');
    expect(notes.entries).toHaveLength(6);

    // The project's own config wins over GitHub's file.
    const configFile = join(train.sandbox.root, 'release-desk.yml');
    writeFileSync(configFile, 'notes:\n  categories:\n    - { title: "New", types: [feat] }\n');
    const configured = await generateNotes({ dir: train.dir, configFile }, { hooksDir: hooksDir() });
    expect(configured.notes.categories).toEqual([BREAKING_CHANGES, 'New', OTHER_CHANGES]);
    expect(byTitle(configured.notes)['feat(mapper): offline basemaps']).toBe('New');
  });

  it('classifies by PR labels and excludes by label and author when GitHub facts are supplied', async () => {
    const repo = openRepository(train.dir, { hooksDir: hooksDir() });
    const config = await loadEffectiveConfig(repo);
    const tags = (await repo.refs())
      .filter((ref) => ref.name.startsWith('refs/tags/'))
      .map((ref) => ref.name.slice('refs/tags/'.length));
    const selected = await selectRange({
      repo,
      releases: releaseTags(tags, { scheme: 'calver', prefix: '' }),
      to: 'main',
    });
    const pullRequests = new Map<number, PullRequestFacts>([
      // A label outranks the `feat` type; the login replaces the author name.
      [12, { labels: ['bug'], author: 'anna' }],
      [13, { labels: ['ignore-for-release'], author: 'sam' }],
      [14, { labels: ['dependencies'], author: 'dependabot[bot]' }],
      [15, { labels: ['enhancement'], author: 'kim' }],
    ]);
    const notes = buildNotes({
      selected,
      groups: groupCommits(selected.commits),
      config,
      github: parseGitHubReleaseConfig(RELEASE_YML),
      repositoryUrl: 'https://github.com/o/r',
      pullRequests,
    });
    expect(notes.entries.map((entry) => [entry.pr, entry.category, entry.labels, entry.authors])).toEqual([
      // Direct commits have no PR facts: the bot's is still excluded by its author name.
      [null, 'Everything else', [], ['Test Author']],
      [15, 'Exciting New Features', ['enhancement'], ['kim']],
      [12, 'Fixes', ['bug'], ['anna']],
    ]);
    expect(notes.contributors).toEqual(['anna', 'kim', 'Test Author']);
    expect(notes.compareUrl).toBe('https://github.com/o/r/compare/2025.1.0...main');
  });
});
