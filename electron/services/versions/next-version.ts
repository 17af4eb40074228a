import semver from 'semver';
import type { NotesEntry } from '../../../shared/domain/notes/notes-model';
import type { NextVersion } from '../../../shared/domain/notes/notes-view';
import {
  compareVersions,
  formatVersion,
  parseVersion,
  type ReleaseTag,
  type TagFormat,
} from '../../../shared/domain/versions/release-tags';
import { AppError } from '../../../shared/ipc/errors';

export type { NextVersion };

type Change = 'breaking' | 'feature' | 'fix';

function strongestChange(entries: readonly Pick<NotesEntry, 'breaking' | 'type'>[]): Change {
  if (entries.some((entry) => entry.breaking)) return 'breaking';
  if (entries.some((entry) => entry.type === 'feat')) return 'feature';
  return 'fix';
}

function calverNext(current: ReleaseTag | null, change: Change, date: Date): { next: string; reason: string } {
  const year = date.getUTCFullYear();
  if (!current) return { next: `${year}.1.0`, reason: `First release of ${year}.` };
  const { major, minor, patch } = current.version;
  if (year > major)
    return { next: `${year}.1.0`, reason: `The release date is in ${year}, after ${major}: the year rolls over.` };
  if (change !== 'fix') {
    return {
      next: `${major}.${minor + 1}.0`,
      reason:
        change === 'breaking'
          ? 'There is a breaking change: a new minor release.'
          : 'There are new features: a new minor release.',
    };
  }
  return { next: `${major}.${minor}.${patch + 1}`, reason: 'Only fixes and other changes: a patch release.' };
}

function semverNext(current: ReleaseTag | null, change: Change): { next: string; reason: string } {
  if (!current) return { next: '0.1.0', reason: 'First release.' };
  const text = formatVersion(current.version);
  // Before 1.0.0 the public API is not stable (SemVer §4): a breaking change bumps the minor, as
  // commitizen's `major_version_zero` and release-please's `bump-minor-pre-major` do.
  const zero = current.version.major === 0;
  const bump: semver.ReleaseType =
    change === 'breaking' ? (zero ? 'minor' : 'major') : change === 'feature' ? 'minor' : 'patch';
  const next = semver.inc(text, bump);
  if (!next) throw new AppError('INTERNAL', `Could not bump ${text}.`);
  const reasons: Record<Change, string> = {
    breaking: zero ? 'A breaking change before 1.0.0: a minor bump.' : 'A breaking change: a major bump.',
    feature: 'New features: a minor bump.',
    fix: 'Only fixes and other changes: a patch bump.',
  };
  return { next, reason: reasons[change] };
}

/**
 * Suggests the next version from the changes since `current`. CalVer `YYYY.N.P`: a new year rolls over
 * to `YYYY.1.0`; a feature or breaking change bumps N; otherwise P. SemVer: the conventional bump.
 */
export function suggestNextVersion(input: {
  format: TagFormat;
  current: ReleaseTag | null;
  entries: readonly Pick<NotesEntry, 'breaking' | 'type'>[];
  date: Date;
}): NextVersion {
  const change = strongestChange(input.entries);
  const { next, reason } =
    input.format.scheme === 'calver'
      ? calverNext(input.current, change, input.date)
      : semverNext(input.current, change);
  return {
    scheme: input.format.scheme,
    current: input.current ? formatVersion(input.current.version) : null,
    next,
    tag: `${input.format.prefix}${next}`,
    reason,
  };
}

/**
 * Validates a manual version: it must be a version of the scheme, newer than the current release,
 * and not already a tag.
 */
export function validateManualVersion(input: {
  format: TagFormat;
  current: ReleaseTag | null;
  manual: string;
  existingTags: ReadonlySet<string>;
}): NextVersion {
  const text = input.manual
    .trim()
    .replace(new RegExp(`^${input.format.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '');
  const version = parseVersion(text, input.format.scheme);
  const example = input.format.scheme === 'calver' ? 'e.g. 2026.3.0' : 'e.g. 1.4.0';
  if (!version)
    throw new AppError(
      'INVALID_ARGUMENTS',
      `"${input.manual}" is not a ${input.format.scheme === 'calver' ? 'CalVer YYYY.N.P' : 'SemVer'} version (${example}).`,
    );
  const tag = `${input.format.prefix}${formatVersion(version)}`;
  if (input.existingTags.has(tag))
    throw new AppError(
      'INVALID_ARGUMENTS',
      `The tag ${tag} already exists. Choose a version that has not been released.`,
    );
  if (input.current) {
    const current = input.current.version;
    // Prereleases count: 1.2.0 is newer than 1.2.0-rc.1, and 1.2.0-rc.2 than 1.2.0-rc.1 (SemVer §11).
    if (compareVersions(version, current) <= 0)
      throw new AppError(
        'INVALID_ARGUMENTS',
        `${formatVersion(version)} is not newer than the current release ${formatVersion(current)}.`,
      );
  }
  return {
    scheme: input.format.scheme,
    current: input.current ? formatVersion(input.current.version) : null,
    next: formatVersion(version),
    tag,
    reason: 'Chosen by hand.',
  };
}
