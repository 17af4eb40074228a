import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotesEntry, ReleaseNotes } from '../../../shared/domain/notes/notes-model';
import { commitWithBody, mergeBranchAsPullRequest, mergePullRequest } from '../testing/notes-history';
import { createTrainRepo, type TrainRepo } from '../testing/train-repo';
import { generateNotes, type NotesRequest } from './notes-service';

const REPO_URL = 'https://github.com/o/r';

/** What an entry is made of, for whole-list comparisons. */
const shape = (entry: NotesEntry): [number | null, string, string[]] => [entry.pr, entry.title, entry.commits];

describe('notes entries from real histories: PR shapes, direct commits, duplicates', () => {
  let train: TrainRepo;
  let restoreEnv: () => void;

  const notesOf = async (request: Partial<NotesRequest> = {}): Promise<ReleaseNotes> =>
    (
      await generateNotes(
        { dir: train.dir, repositoryUrl: REPO_URL, ...request },
        { hooksDir: join(train.sandbox.root, 'hooks') },
      )
    ).notes;

  /** Every commit of `from..to` is in exactly one entry, except `outside`, which are in none. */
  const expectEachCommitOnce = (notes: ReleaseNotes, from: string, to: string, outside: string[]): void => {
    const inRange = train
      .git(['rev-list', `${from}..${to}`])
      .split('\n')
      .filter(Boolean);
    const listed = notes.entries.flatMap((entry) => entry.commits);
    expect([...listed].sort()).toEqual(inRange.filter((sha) => !outside.includes(sha)).sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const sha of outside) expect(inRange).toContain(sha);
  };

  beforeEach(() => {
    train = createTrainRepo();
    restoreEnv = train.sandbox.activate();
    train.tag('2025.1.0', train.branches.main);
  });
  afterEach(() => {
    restoreEnv();
    train.dispose();
  });

  it('makes one entry per squash, merged PR (its branch grouped under it), rebased or direct commit', async () => {
    const squash = train.squash('development', 12, 'y', 'feat(x)');
    const merged = mergePullRequest(train, 'development', 13, 'fix(api): handle timeouts', {
      head: 'b',
      commits: ['wip: first try', 'fix: address review'],
    });
    // A rebase merge: the PR's commits land on the branch one by one, with no PR number.
    const rebased = ['refactor(db): split module', 'refactor(db): rename table', 'test(db): cover split'].map(
      (subject) => train.commit('development', subject),
    );
    const direct = train.commit('development', 'docs: explain setup');
    const hotfix = train.squash('main', 14, 'retry on 502', 'fix(api)');
    const sync = train.merge('development', 'main');
    const promotion = train.merge('main', 'development');
    expect(train.git(['log', '-1', '--format=%s', merged.merge])).toBe('Merge pull request #13 from org/b');
    expect(train.git(['log', '-1', '--format=%s', sync])).toBe("Merge branch 'main' into development");

    const notes = await notesOf();
    expect(notes.range).toMatchObject({ from: '2025.1.0', to: 'main', mode: 'ancestry' });
    expect(notes.entries.map(shape)).toEqual([
      [14, 'fix(api): retry on 502', [hotfix]],
      [null, 'docs: explain setup', [direct]],
      [null, 'test(db): cover split', [rebased[2]]],
      [null, 'refactor(db): rename table', [rebased[1]]],
      [null, 'refactor(db): split module', [rebased[0]]],
      // The merge commit first, then its branch's commits, newest first; titled by the PR title in the body.
      [13, 'fix(api): handle timeouts', [merged.merge, merged.commits[1], merged.commits[0]]],
      [12, 'feat(x): y', [squash]],
    ]);
    // Plain "Merge branch" merges (a sync and the promotion) carry no change of their own.
    expectEachCommitOnce(notes, '2025.1.0', 'main', [sync, promotion]);

    const byPr = (pr: number): NotesEntry | undefined => notes.entries.find((entry) => entry.pr === pr);
    expect(byPr(13)).toMatchObject({ key: 'pr:13', type: 'fix', scope: 'api', category: 'Bug fixes' });
    expect(byPr(12)).toMatchObject({ key: 'pr:12', type: 'feat', scope: 'x', description: 'y', category: 'Features' });
    expect(notes.entries.find((entry) => entry.pr === null)?.key).toBe(`commit:${direct}`);
    expect(notes.entries.map((entry) => entry.category)).toEqual([
      'Bug fixes',
      'Documentation',
      'Tests',
      'Refactoring',
      'Refactoring',
      'Bug fixes',
      'Features',
    ]);
    expect(notes.contributors).toEqual(['Test Author']);
    expect(notes.compareUrl).toBe(`${REPO_URL}/compare/2025.1.0...main`);
  });

  it('makes each of several commits straight on the release branch (a rebase merge) a direct entry', async () => {
    const commits = ['feat(map): layer switcher', 'fix(map): layer order', 'docs(map): describe layers'].map(
      (subject) => train.commit('main', subject),
    );
    const notes = await notesOf();
    expect(notes.entries.map(shape)).toEqual([
      [null, 'docs(map): describe layers', [commits[2]]],
      [null, 'fix(map): layer order', [commits[1]]],
      [null, 'feat(map): layer switcher', [commits[0]]],
    ]);
    expect(notes.entries.map((entry) => entry.key)).toEqual(commits.map((sha) => `commit:${sha}`).reverse());
  });

  it('titles a merged PR without a body by its only commit', async () => {
    // TrainRepo's mergePr writes no body; its branch holds one commit.
    const merge = train.mergePr('main', 15);
    const notes = await notesOf();
    expect(notes.entries.map((entry) => [entry.pr, entry.title, entry.commits.length])).toEqual([
      [15, 'feat: work for #15', 2],
    ]);
    expect(notes.entries[0]?.commits[0]).toBe(merge);
  });

  it('keeps the PRs inside a promotion PR as entries of their own (it claims only its merge commit)', async () => {
    const first = train.squash('development', 20, 'offline tiles', 'feat(mapper)');
    const second = train.squash('development', 21, 'tile cache size', 'fix(mapper)');
    const direct = train.commit('development', 'build: pin node 20');
    const feature = mergePullRequest(train, 'development', 23, 'feat(ui): dark mode', {
      commits: ['feat(ui): colour tokens', 'feat(ui): toggle'],
    });
    const promotion = mergeBranchAsPullRequest(train, 'main', 'development', 22, 'Release 2025.2.0');

    const notes = await notesOf();
    expect(notes.entries.map(shape)).toEqual([
      [22, 'Release 2025.2.0', [promotion]],
      [23, 'feat(ui): dark mode', [feature.merge, feature.commits[1], feature.commits[0]]],
      [null, 'build: pin node 20', [direct]],
      [21, 'fix(mapper): tile cache size', [second]],
      [20, 'feat(mapper): offline tiles', [first]],
    ]);
    expectEachCommitOnce(notes, '2025.1.0', 'main', []);
  });

  it('makes one entry of a PR cherry-picked onto another branch (same PR number twice), patch changed or not', async () => {
    const original = train.squash('development', 30, 'validate uploads', 'fix(api)');
    const picked = train.cherryPick('staging', original, { resolve: true });
    const hotfix = train.commit('staging', 'fix: urgent hotfix');
    const hotfixPicked = train.cherryPick('development', hotfix);
    const sync = train.merge('main', 'staging');
    const promotion = train.merge('main', 'development');
    expect(picked).not.toBe(original);
    expect(train.git(['log', '-1', '--format=%s', picked])).toBe('fix(api): validate uploads (#30)');

    const notes = await notesOf();
    const sorted = (entry: NotesEntry | undefined): string[] => [...(entry?.commits ?? [])].sort();
    expect(notes.entries.map((entry) => [entry.pr, entry.title])).toEqual([
      [null, 'fix: urgent hotfix'],
      [30, 'fix(api): validate uploads'],
    ]);
    expect(sorted(notes.entries[1])).toEqual([original, picked].sort());
    // A direct commit picked elsewhere (same author, author date and subject) is one entry as well.
    expect(sorted(notes.entries[0])).toEqual([hotfix, hotfixPicked].sort());
    expectEachCommitOnce(notes, '2025.1.0', 'main', [sync, promotion]);
  });

  it('reads breaking changes from `!` and from a `BREAKING CHANGE:` footer, and leaves unparsed ones in Other changes', async () => {
    train.squash('main', 40, 'drop the v1 API', 'feat(api)!');
    const footer = commitWithBody(train, 'main', 'feat(auth): new login', 'BREAKING CHANGE: the /me route is gone');
    train.commit('main', 'Update README.md');

    const notes = await notesOf();
    expect(
      notes.entries.map((entry) => [entry.title, entry.type, entry.scope, entry.breaking, entry.category]),
    ).toEqual([
      ['Update README.md', null, null, false, 'Other changes'],
      ['feat(auth): new login', 'feat', 'auth', true, 'Breaking changes'],
      ['feat(api)!: drop the v1 API', 'feat', 'api', true, 'Breaking changes'],
    ]);
    expect(notes.entries[1]?.commits).toEqual([footer]);
    expect(notes.categories[0]).toBe('Breaking changes');
    expect(notes.categories.at(-1)).toBe('Other changes');
  });
});
