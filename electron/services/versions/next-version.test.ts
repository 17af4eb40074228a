import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseVersion,
  type ReleaseTag,
  type TagFormat,
  type VersionScheme,
} from '../../../shared/domain/versions/release-tags';
import { AppError } from '../../../shared/ipc/errors';
import { generateNotes } from '../notes/notes-service';
import { createTrainRepo, type TrainRepo } from '../testing/train-repo';
import { suggestNextVersion, validateManualVersion } from './next-version';

const CALVER: TagFormat = { scheme: 'calver', prefix: '' };
const SEMVER_V: TagFormat = { scheme: 'semver', prefix: 'v' };

function release(tag: string, scheme: VersionScheme, prefix = ''): ReleaseTag {
  const version = parseVersion(tag.slice(prefix.length), scheme);
  if (!version) throw new Error(`not a ${scheme} tag: ${tag}`);
  return { tag, version };
}

const FIX = { type: 'fix', breaking: false };
const FEAT = { type: 'feat', breaking: false };
const BREAKING = { type: 'fix', breaking: true };
const DOCS = { type: 'docs', breaking: false };
const UNPARSED = { type: null, breaking: false };
const day = (text: string): Date => new Date(`${text}T00:00:00Z`);

describe('suggestNextVersion: CalVer YYYY.N.P', () => {
  const current = release('2025.7.0', 'calver');

  it('rolls the year over when the release date is in a newer year: --date 2026-01-05 after 2025.7.0 → 2026.1.0', () => {
    for (const entries of [[FIX], [FEAT], [BREAKING], []]) {
      const next = suggestNextVersion({ format: CALVER, current, entries, date: day('2026-01-05') });
      expect(next).toEqual({
        scheme: 'calver',
        current: '2025.7.0',
        next: '2026.1.0',
        tag: '2026.1.0',
        reason: 'The release date is in 2026, after 2025: the year rolls over.',
      });
    }
  });

  it('bumps N for a feature or a breaking change: 2025.7.0 → 2025.8.0', () => {
    const date = day('2025-12-15');
    expect(suggestNextVersion({ format: CALVER, current, entries: [FIX, FEAT], date })).toMatchObject({
      next: '2025.8.0',
      reason: 'There are new features: a new minor release.',
    });
    expect(suggestNextVersion({ format: CALVER, current, entries: [BREAKING], date })).toMatchObject({
      next: '2025.8.0',
      reason: 'There is a breaking change: a new minor release.',
    });
  });

  it('bumps P for fixes and anything else: 2025.7.0 → 2025.7.1', () => {
    const next = suggestNextVersion({
      format: CALVER,
      current,
      entries: [FIX, DOCS, UNPARSED],
      date: day('2025-12-31'),
    });
    expect(next).toMatchObject({
      next: '2025.7.1',
      tag: '2025.7.1',
      reason: 'Only fixes and other changes: a patch release.',
    });
  });

  it('starts at YYYY.1.0 with no earlier release', () => {
    expect(suggestNextVersion({ format: CALVER, current: null, entries: [FEAT], date: day('2026-03-01') })).toEqual({
      scheme: 'calver',
      current: null,
      next: '2026.1.0',
      tag: '2026.1.0',
      reason: 'First release of 2026.',
    });
  });
});

describe('suggestNextVersion: SemVer with a `v` prefix', () => {
  const date = day('2026-01-05');
  const next = (tag: string, entries: { type: string | null; breaking: boolean }[]): string =>
    suggestNextVersion({ format: SEMVER_V, current: release(tag, 'semver', 'v'), entries, date }).tag;

  it('bumps major, minor or patch the conventional way from 1.x', () => {
    expect(next('v1.4.2', [FIX, BREAKING])).toBe('v2.0.0');
    expect(next('v1.4.2', [FIX, FEAT])).toBe('v1.5.0');
    expect(next('v1.4.2', [FIX, DOCS])).toBe('v1.4.3');
  });

  it('in 0.x, bumps the minor for a breaking change (0.4.2 → 0.5.0), as semver tools do', () => {
    expect(next('v0.4.2', [BREAKING])).toBe('v0.5.0');
    expect(next('v0.4.2', [FEAT])).toBe('v0.5.0');
    expect(next('v0.4.2', [FIX])).toBe('v0.4.3');
    const result = suggestNextVersion({
      format: SEMVER_V,
      current: release('v0.4.2', 'semver', 'v'),
      entries: [BREAKING],
      date,
    });
    expect(result).toEqual({
      scheme: 'semver',
      current: '0.4.2',
      next: '0.5.0',
      tag: 'v0.5.0',
      reason: 'A breaking change before 1.0.0: a minor bump.',
    });
  });

  it('releases a prerelease’s version for fixes, and starts at 0.1.0 with no earlier release', () => {
    expect(next('v1.2.0-rc.1', [FIX])).toBe('v1.2.0');
    expect(suggestNextVersion({ format: SEMVER_V, current: null, entries: [BREAKING], date })).toMatchObject({
      next: '0.1.0',
      tag: 'v0.1.0',
    });
  });
});

describe('validateManualVersion', () => {
  const existing = new Set(['2025.6.0', '2025.7.0', '2025.8.0']);
  const manual =
    (text: string, current = release('2025.7.0', 'calver'), format = CALVER) =>
    () =>
      validateManualVersion({ format, current, manual: text, existingTags: existing });
  const failure = (run: () => unknown): AppError => {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected an AppError');
  };

  it('accepts a newer version that is not a tag yet, and says it was chosen by hand', () => {
    expect(manual('2025.9.0')()).toEqual({
      scheme: 'calver',
      current: '2025.7.0',
      next: '2025.9.0',
      tag: '2025.9.0',
      reason: 'Chosen by hand.',
    });
    expect(manual(' 2026.1.0 ')().next).toBe('2026.1.0');
  });

  it('refuses a version that is not newer, with a clear message', () => {
    for (const text of ['2025.6.5', '2025.6.10', '2024.12.0']) {
      const error = failure(manual(text));
      expect(error.code).toBe('INVALID_ARGUMENTS');
      expect(error.message).toBe(`${text} is not newer than the current release 2025.7.0.`);
    }
  });

  it('refuses a version that is already a tag, even a newer one', () => {
    expect(failure(manual('2025.8.0')).message).toBe(
      'The tag 2025.8.0 already exists. Choose a version that has not been released.',
    );
  });

  it('refuses text that is not a version of the scheme', () => {
    expect(failure(manual('v2025.9')).message).toBe('"v2025.9" is not a CalVer YYYY.N.P version (e.g. 2026.3.0).');
    expect(failure(manual('1.2.3')).code).toBe('INVALID_ARGUMENTS');
  });

  it('takes SemVer with or without the prefix, and counts prereleases', () => {
    const current = release('v1.2.0-rc.1', 'semver', 'v');
    const semver = (text: string) => () =>
      validateManualVersion({ format: SEMVER_V, current, manual: text, existingTags: new Set(['v1.2.0-rc.1']) });
    expect(semver('v1.2.0')().tag).toBe('v1.2.0');
    expect(semver('1.2.0-rc.2')().tag).toBe('v1.2.0-rc.2');
    expect(failure(semver('1.2.0-rc.1')).message).toContain('already exists');
    expect(failure(semver('1.2.0-beta.1')).message).toBe(
      '1.2.0-beta.1 is not newer than the current release 1.2.0-rc.1.',
    );
  });
});

describe('the next version of a real repository', () => {
  let train: TrainRepo;
  let restoreEnv: () => void;
  const versionOf = async (request: { date: string; version?: string }) =>
    (
      await generateNotes(
        { dir: train.dir, date: day(request.date), ...(request.version ? { version: request.version } : {}) },
        { hooksDir: join(train.sandbox.root, 'hooks') },
      )
    ).version;

  beforeEach(() => {
    train = createTrainRepo();
    restoreEnv = train.sandbox.activate();
  });
  afterEach(() => {
    restoreEnv();
    train.dispose();
  });

  it('CalVer: rolls over at the new year, else feature → N+1, fixes → P+1', async () => {
    train.tag('2025.6.0', 'main');
    train.squash('main', 1, 'a fix', 'fix(tasks)');
    train.tag('2025.7.0', 'main');
    train.squash('main', 2, 'another fix', 'fix(tasks)');
    expect(await versionOf({ date: '2025-12-01' })).toMatchObject({ current: '2025.7.0', next: '2025.7.1' });
    expect(await versionOf({ date: '2026-01-05' })).toMatchObject({
      current: '2025.7.0',
      next: '2026.1.0',
      reason: expect.stringContaining('rolls over'),
    });
    train.squash('main', 3, 'a feature', 'feat(tasks)');
    expect(await versionOf({ date: '2025-12-01' })).toMatchObject({ next: '2025.8.0' });
  });

  it('SemVer 0.x with a `v` prefix: a breaking change bumps the minor; other tag families are ignored', async () => {
    train.tag('v0.3.0', 'main');
    train.squash('main', 1, 'first', 'feat');
    train.tag('v0.3.1', 'main');
    train.tag('osm-fieldwork-0.22.0', 'main');
    train.squash('main', 2, 'drop the old API', 'feat(api)!');
    expect(await versionOf({ date: '2026-01-05' })).toEqual({
      scheme: 'semver',
      current: '0.3.1',
      next: '0.4.0',
      tag: 'v0.4.0',
      reason: 'A breaking change before 1.0.0: a minor bump.',
    });
  });

  it('validates a manual version against the tags', async () => {
    train.tag('2025.7.0', 'main');
    train.commit('main', 'fix: x');
    await expect(versionOf({ date: '2025-12-01', version: '2025.7.0' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
      message: 'The tag 2025.7.0 already exists. Choose a version that has not been released.',
    });
    await expect(versionOf({ date: '2025-12-01', version: '2025.6.9' })).rejects.toMatchObject({
      message: '2025.6.9 is not newer than the current release 2025.7.0.',
    });
    expect(await versionOf({ date: '2025-12-01', version: '2025.9.0' })).toMatchObject({
      next: '2025.9.0',
      reason: 'Chosen by hand.',
    });
  });
});
