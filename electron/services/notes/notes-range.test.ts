import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { identityOf, newRootBranch } from '../testing/notes-history';
import { createTrainRepo, type TrainRepo } from '../testing/train-repo';
import { generateNotes, type NotesRequest, type NotesResult } from './notes-service';

describe('choosing the notes range', () => {
  let train: TrainRepo;
  let restoreEnv: () => void;

  const generate = (request: Partial<NotesRequest> = {}): Promise<NotesResult> =>
    generateNotes(
      { dir: train.dir, repositoryUrl: null, date: new Date('2025-06-01T00:00:00Z'), ...request },
      { hooksDir: join(train.sandbox.root, 'hooks') },
    );
  const titles = (result: NotesResult): string[] => result.notes.entries.map((entry) => entry.title);

  beforeEach(() => {
    train = createTrainRepo();
    restoreEnv = train.sandbox.activate();
  });
  afterEach(() => {
    restoreEnv();
    train.dispose();
  });

  describe('by history (ancestry)', () => {
    beforeEach(() => {
      train.tag('2025.1.0', 'main');
      train.squash('main', 1, 'first', 'feat(a)');
      train.tag('2025.2.0', 'main', { annotated: true });
      train.squash('main', 2, 'second', 'fix(a)');
      train.commit('main', 'docs: third');
      // Not releases: another tag family, and a release candidate on development only.
      train.tag('osm-fieldwork-0.22.0', 'main');
      train.commit('development', 'feat: only on development');
    });

    it('goes from the newest release tag in the target’s history to the release branch', async () => {
      const result = await generate();
      expect(result.notes.range).toMatchObject({
        from: '2025.2.0',
        fromSha: train.sha('2025.2.0'),
        to: 'main',
        toSha: train.sha('main'),
        mode: 'ancestry',
      });
      expect(result.notes.range.explanation).toContain('2025.2.0, the newest earlier release');
      expect(result.notes.warnings).toEqual([]);
      expect(titles(result)).toEqual(['docs: third', 'fix(a): second']);
      expect(result.version).toMatchObject({ current: '2025.2.0', next: '2025.2.1' });
    });

    it('for a release tag as target, starts at the release before it', async () => {
      const result = await generate({ to: '2025.2.0' });
      expect(result.notes.range).toMatchObject({ from: '2025.1.0', to: '2025.2.0', mode: 'ancestry' });
      expect(titles(result)).toEqual(['feat(a): first']);
    });

    it('takes --from and --to as given (a tag, a branch or a full sha), with no warning for an ancestor', async () => {
      const result = await generate({ from: '2025.1.0', to: train.sha('main') });
      expect(result.notes.range).toMatchObject({ from: '2025.1.0', to: train.sha('main'), mode: 'ancestry' });
      expect(result.notes.range.explanation).toBe('From 2025.1.0, as given.');
      expect(result.notes.warnings).toEqual([]);
      expect(titles(result)).toEqual(['docs: third', 'fix(a): second', 'feat(a): first']);

      const onDevelopment = await generate({ from: '2025.1.0', to: 'development' });
      expect(titles(onDevelopment)).toEqual(['feat: only on development']);
      expect(onDevelopment.notes.warnings).toEqual([]);
    });

    it('warns when --from is not in the history of --to', async () => {
      const result = await generate({ from: 'development', to: 'main' });
      expect(result.notes.range.mode).toBe('ancestry');
      expect(result.notes.warnings).toEqual([
        'development is not in the history of main, so "development..main" may include changes that were already released.',
      ]);
      expect(titles(result)).toEqual(['docs: third', 'fix(a): second', 'feat(a): first']);
    });

    it('fails with REF_MISSING naming an unknown --from or --to', async () => {
      await expect(generate({ from: 'no-such-tag' })).rejects.toSatisfy(
        (error: unknown) =>
          error instanceof AppError && error.code === 'REF_MISSING' && error.message.includes('"no-such-tag"'),
      );
      await expect(generate({ to: 'nowhere' })).rejects.toMatchObject({
        code: 'REF_MISSING',
        message: expect.stringContaining('"nowhere"'),
      });
    });

    it('starts at the first commit when there is no earlier release', async () => {
      const result = await generate({ to: '2025.1.0' });
      expect(result.notes.range).toMatchObject({ from: null, fromSha: null, mode: 'ancestry' });
      expect(titles(result)).toEqual(['chore: initial commit']);
    });
  });

  describe('by what was released (released-set), when the previous release is not in the target’s history', () => {
    it('leaves out re-applied commits and released PR numbers, keeps what is new, and warns', async () => {
      const root = train.sha('main');
      const released = {
        squash: train.squash('main', 1, 'tasks board', 'feat(tasks)'),
        fixed: train.squash('main', 2, 'assignee', 'fix(tasks)'),
        hotfix: train.commit('main', 'fix: hotfix without a PR'),
        docs: train.commit('main', 'docs: readme'),
      };
      train.tag('2025.1.0', 'main');

      // The history is reset and rebuilt on a new root: the released commits come back under new shas.
      const newRoot = newRootBranch(train, 'rebuilt', root);
      const reapplied = {
        squash: train.cherryPick('rebuilt', released.squash),
        fixed: train.cherryPick('rebuilt', released.fixed, { resolve: true }),
        hotfix: train.cherryPick('rebuilt', released.hotfix, { resolve: true }),
      };
      // The docs change made again under another subject: a new identity, the same patch id.
      const [docsPath = ''] = train.git(['show', '--name-only', '--format=', released.docs]).split('\n');
      const samePatch = train.writeFiles(
        'rebuilt',
        { [docsPath]: train.git(['show', `${released.docs}:${docsPath}`]) + '\n' },
        'docs: readme, written again',
      );
      // PR #1 again, reworked: a new subject, date and patch. Only its number says it was released.
      const reworked = train.squash('rebuilt', 1, 'tasks board, reworked', 'feat(tasks)');
      const fresh = train.squash('rebuilt', 5, 'offline basemaps', 'feat(map)');
      const direct = train.commit('rebuilt', 'docs: new page');
      train.resetBranch('main', 'rebuilt');

      // The premise: new shas, the same (author, author date, subject); the rework shares only its PR number.
      // `merge-base --is-ancestor` answers by exit code: 1 (a throw here) for "not an ancestor".
      expect(() => train.git(['merge-base', '--is-ancestor', '2025.1.0', 'main'])).toThrow();
      for (const key of Object.keys(reapplied) as (keyof typeof reapplied)[]) {
        expect(reapplied[key]).not.toBe(released[key]);
        expect(identityOf(train, reapplied[key])).toBe(identityOf(train, released[key]));
      }
      expect(identityOf(train, newRoot)).toBe(identityOf(train, root));
      expect(identityOf(train, reworked)).not.toBe(identityOf(train, released.squash));
      const patchId = (sha: string): string =>
        execFileSync('git', ['patch-id', '--stable'], {
          input: train.git(['show', sha]),
          encoding: 'utf8',
        }).split(' ')[0] as string;
      expect(identityOf(train, samePatch)).not.toBe(identityOf(train, released.docs));
      expect(patchId(samePatch)).toBe(patchId(released.docs));
      expect(patchId(reapplied.fixed)).not.toBe(patchId(released.fixed));
      expect(patchId(reapplied.hotfix)).not.toBe(patchId(released.hotfix));

      const result = await generate();
      expect(result.notes.range).toMatchObject({
        from: '2025.1.0',
        fromSha: train.sha('2025.1.0'),
        to: 'main',
        mode: 'released-set',
      });
      expect(result.notes.range.explanation).toContain('is not in the history of main');
      expect(result.notes.warnings).toHaveLength(1);
      expect(result.notes.warnings[0]).toMatch(/^The previous release 2025\.1\.0 is not in the history of/);
      expect(result.notes.entries.map((entry) => [entry.pr, entry.title, entry.commits])).toEqual([
        [null, 'docs: new page', [direct]],
        [5, 'feat(map): offline basemaps', [fresh]],
      ]);
      // The version follows from what is new, after the release that was chosen as previous.
      expect(result.version).toMatchObject({ current: '2025.1.0', next: '2025.2.0' });
    });

    it('takes a plain ancestry range when --from is given, and warns that it may repeat released changes', async () => {
      const root = train.sha('main');
      const released = train.squash('main', 1, 'tasks board', 'feat(tasks)');
      train.tag('2025.1.0', 'main');
      newRootBranch(train, 'rebuilt', root);
      train.cherryPick('rebuilt', released);
      train.resetBranch('main', 'rebuilt');

      const result = await generate({ from: '2025.1.0' });
      expect(result.notes.range.mode).toBe('ancestry');
      expect(result.notes.warnings[0]).toContain('2025.1.0 is not in the history of');
      // Ancestry alone cannot tell: the re-applied root and PR show up again.
      expect(result.notes.entries.map((entry) => entry.pr)).toEqual([1, null]);
    });
  });
});
