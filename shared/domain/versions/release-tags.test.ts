import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  formatVersion,
  ignoredTagMatcher,
  inferTagFormat,
  parseVersion,
  releaseTags,
  type Version,
} from './release-tags';

const v = (major: number, minor: number, patch: number, prerelease: string | null = null): Version => ({
  major,
  minor,
  patch,
  prerelease,
});

describe('parseVersion', () => {
  it.each([
    ['2026.1.3', v(2026, 1, 3)],
    ['2025.12.0', v(2025, 12, 0)],
    ['2000.0.0', v(2000, 0, 0)],
  ])('reads CalVer %j', (text, version) => {
    expect(parseVersion(text, 'calver')).toEqual(version);
  });

  it.each(['1999.1.0', '3000.1.0', '26.1.3', '2026.1', '2026.1.3.4', 'v2026.1.3', '2026.1.3-rc1', '2026.a.3', ''])(
    'refuses %j as CalVer',
    (text) => {
      expect(parseVersion(text, 'calver')).toBeNull();
    },
  );

  it.each([
    ['1.2.3', v(1, 2, 3)],
    ['0.22.0', v(0, 22, 0)],
    ['10.0.1', v(10, 0, 1)],
    ['1.0.0-rc.1', v(1, 0, 0, 'rc.1')],
    ['2.0.0-beta-2', v(2, 0, 0, 'beta-2')],
  ])('reads SemVer %j', (text, version) => {
    expect(parseVersion(text, 'semver')).toEqual(version);
  });

  it.each(['01.2.3', '1.02.3', '1.2', '1.2.3.4', 'v1.2.3', '1.2.3-', '1.2.3+build', 'osm-fieldwork-0.22.0'])(
    'refuses %j as SemVer',
    (text) => {
      expect(parseVersion(text, 'semver')).toBeNull();
    },
  );

  it('keeps CalVer out of SemVer: a four-digit year is not a major version', () => {
    expect(parseVersion('2026.1.3', 'semver')).toBeNull();
    expect(parseVersion('1999.1.0', 'semver')).toEqual(v(1999, 1, 0));
  });
});

describe('formatVersion', () => {
  it('writes the version back as text', () => {
    expect(formatVersion(v(2026, 1, 3))).toBe('2026.1.3');
    expect(formatVersion(v(1, 0, 0, 'rc.1'))).toBe('1.0.0-rc.1');
  });
});

describe('compareVersions', () => {
  const sorted = (texts: string[]): string[] =>
    texts
      .map((text) => parseVersion(text, 'semver') as Version)
      .sort(compareVersions)
      .map(formatVersion);

  it('orders by number, not by text', () => {
    expect(sorted(['1.10.0', '1.9.0', '1.2.10', '1.2.9', '10.0.0', '2.0.0'])).toEqual([
      '1.2.9',
      '1.2.10',
      '1.9.0',
      '1.10.0',
      '2.0.0',
      '10.0.0',
    ]);
  });

  it('puts a prerelease before its release', () => {
    expect(compareVersions(v(1, 0, 0, 'rc.1'), v(1, 0, 0))).toBeLessThan(0);
    expect(compareVersions(v(1, 0, 0), v(1, 0, 0, 'rc.1'))).toBeGreaterThan(0);
    expect(compareVersions(v(1, 0, 0), v(1, 0, 0))).toBe(0);
  });

  it('orders prereleases as SemVer 2.0.0 §11 does: numeric identifiers as numbers, fewer fields first', () => {
    // The example from the SemVer spec, in order.
    expect(
      sorted([
        '1.0.0',
        '1.0.0-rc.1',
        '1.0.0-beta.11',
        '1.0.0-beta.2',
        '1.0.0-beta',
        '1.0.0-alpha.beta',
        '1.0.0-alpha.1',
        '1.0.0-alpha',
      ]),
    ).toEqual([
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ]);
    expect(compareVersions(v(1, 0, 0, 'rc.2'), v(1, 0, 0, 'rc.10'))).toBeLessThan(0);
  });
});

describe('ignoredTagMatcher', () => {
  it('matches commitizen formats with $placeholders', () => {
    const ignored = ignoredTagMatcher(['osm-fieldwork-$version', 'area-splitter-$version', 'v$major.$minor']);
    expect(ignored('osm-fieldwork-0.22.0')).toBe(true);
    expect(ignored('area-splitter-3.0.1')).toBe(true);
    expect(ignored('v1.2')).toBe(true);
    expect(ignored('2026.1.3')).toBe(false);
    expect(ignored('osm-fieldwork')).toBe(false);
    expect(ignored('x-osm-fieldwork-0.22.0')).toBe(false);
  });

  it('treats regex characters in a format literally', () => {
    const ignored = ignoredTagMatcher(['legacy.$version']);
    expect(ignored('legacy.1.0.0')).toBe(true);
    expect(ignored('legacyX1.0.0')).toBe(false);
  });

  it('does not let a placeholder cross a "/"', () => {
    expect(ignoredTagMatcher(['old-$version'])('old-1/2')).toBe(false);
  });

  it('matches nothing with no formats', () => {
    expect(ignoredTagMatcher([])('anything')).toBe(false);
  });
});

describe('inferTagFormat', () => {
  it('reads the field-tm mix as CalVer without a prefix', () => {
    expect(
      inferTagFormat(['2026.1.3', '2026.2.0', '2025.4.1', '0.1.0', 'osm-fieldwork-0.22.0', 'area-splitter-3.0.0']),
    ).toEqual({ scheme: 'calver', prefix: '' });
  });

  it('reads v-prefixed SemVer', () => {
    expect(inferTagFormat(['v1.2.3', 'v1.10.0', '1.0.0', 'nightly'])).toEqual({ scheme: 'semver', prefix: 'v' });
  });

  it('reads v-prefixed CalVer', () => {
    expect(inferTagFormat(['v2025.1.0', 'v2025.2.0'])).toEqual({ scheme: 'calver', prefix: 'v' });
  });

  it('prefers CalVer on a tie, and no tags at all give CalVer without a prefix', () => {
    expect(inferTagFormat(['1.0.0', '2025.1.0'])).toEqual({ scheme: 'calver', prefix: '' });
    expect(inferTagFormat([])).toEqual({ scheme: 'calver', prefix: '' });
  });
});

describe('releaseTags', () => {
  it('keeps only the scheme and prefix in force, newest version first', () => {
    const tags = ['2025.9.0', '2026.1.3', 'osm-fieldwork-0.22.0', '2026.2.0', 'v2027.1.0', '0.1.0', '2026.1.10'];
    expect(releaseTags(tags, { scheme: 'calver', prefix: '' }).map((release) => release.tag)).toEqual([
      '2026.2.0',
      '2026.1.10',
      '2026.1.3',
      '2025.9.0',
    ]);
  });

  it('leaves out ignored formats even when they parse as versions', () => {
    const tags = ['1.0.0', '2.0.0', 'legacy-3.0.0'];
    expect(releaseTags(tags, { scheme: 'semver', prefix: '' }, ['$major.0.0']).map((release) => release.tag)).toEqual(
      [],
    );
    expect(releaseTags(tags, { scheme: 'semver', prefix: '' }, ['2.$minor.$patch'])).toEqual([
      { tag: '1.0.0', version: v(1, 0, 0) },
    ]);
  });

  it('strips the prefix before reading the version', () => {
    expect(releaseTags(['v1.2.3', 'v1.10.0', '1.99.0'], { scheme: 'semver', prefix: 'v' })).toEqual([
      { tag: 'v1.10.0', version: v(1, 10, 0) },
      { tag: 'v1.2.3', version: v(1, 2, 3) },
    ]);
  });
});
