/** How a project numbers its releases. */
export type VersionScheme = 'calver' | 'semver';

/** A parsed release version: CalVer `YYYY.N.P` or SemVer `MAJOR.MINOR.PATCH[-pre]`. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string | null;
}

/** A tag that names a release of the project. */
export interface ReleaseTag {
  tag: string;
  version: Version;
}

/** The scheme and prefix in force for a repository, given or inferred. */
export interface TagFormat {
  scheme: VersionScheme;
  prefix: string;
}

const CALVER = /^(\d{4})\.(\d{1,4})\.(\d{1,6})$/;
const SEMVER = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,6})(?:-([0-9A-Za-z.-]+))?$/;

/** Parses the version text after the prefix; null when it is not a version of that scheme. */
export function parseVersion(text: string, scheme: VersionScheme): Version | null {
  if (scheme === 'calver') {
    const match = CALVER.exec(text);
    if (!match) return null;
    const year = Number(match[1]);
    if (year < 2000 || year > 2999) return null;
    return { major: year, minor: Number(match[2]), patch: Number(match[3]), prerelease: null };
  }
  const match = SEMVER.exec(text);
  if (!match) return null;
  const major = Number(match[1]);
  // A four-digit "major" is a CalVer year, not SemVer: keep the two families apart.
  if (major >= 2000) return null;
  return { major, minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ?? null };
}

/** Formats a version as text, e.g. `2025.5.0`. */
export function formatVersion(version: Version): string {
  const core = `${version.major}.${version.minor}.${version.patch}`;
  return version.prerelease ? `${core}-${version.prerelease}` : core;
}

/** Orders versions ascending; a prerelease sorts before its release, as in SemVer. */
export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === null) return 1;
  if (b.prerelease === null) return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

/**
 * SemVer 2.0.0 §11: dot-separated identifiers compared left to right, numeric ones as numbers (below
 * alphanumeric ones), and a shorter list first when all before it are equal, so `rc.2` < `rc.10`.
 */
function comparePrerelease(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const x = left[index] as string;
    const y = right[index] as string;
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * Turns commitizen-style tag formats (`osm-fieldwork-$version`, `v$major.$minor`) into a matcher.
 * Every `$word` placeholder matches any run of characters except `/`.
 */
export function ignoredTagMatcher(formats: readonly string[]): (tag: string) => boolean {
  const patterns = formats.map((format) => {
    const escaped = format.replace(/[.*+?^${}()|[\]\\]/g, (char) => `\\${char}`);
    return new RegExp(`^${escaped.replace(/\\\$[A-Za-z_]+/g, '[^/]+')}$`);
  });
  return (tag) => patterns.some((pattern) => pattern.test(tag));
}

function splitPrefix(tag: string): { prefix: string; rest: string } {
  return tag.startsWith('v') ? { prefix: 'v', rest: tag.slice(1) } : { prefix: '', rest: tag };
}

/**
 * Infers the scheme and prefix from the tags: the family with the most tags wins (CalVer on a tie,
 * the reference project's scheme), and the prefix most of its tags use.
 */
export function inferTagFormat(tags: readonly string[]): TagFormat {
  const counts = { calver: { '': 0, v: 0 }, semver: { '': 0, v: 0 } };
  for (const tag of tags) {
    const { prefix, rest } = splitPrefix(tag);
    const key = prefix as '' | 'v';
    if (parseVersion(rest, 'calver')) counts.calver[key] += 1;
    else if (parseVersion(rest, 'semver')) counts.semver[key] += 1;
  }
  const total = (scheme: VersionScheme): number => counts[scheme][''] + counts[scheme].v;
  const scheme: VersionScheme = total('semver') > total('calver') ? 'semver' : 'calver';
  return { scheme, prefix: counts[scheme].v > counts[scheme][''] ? 'v' : '' };
}

/**
 * The release tags among `tags`, newest version first. Tags of other families (ignored formats,
 * other schemes, other prefixes) are left out.
 */
export function releaseTags(tags: readonly string[], format: TagFormat, ignored: readonly string[] = []): ReleaseTag[] {
  const isIgnored = ignoredTagMatcher(ignored);
  const result: ReleaseTag[] = [];
  for (const tag of tags) {
    if (isIgnored(tag) || !tag.startsWith(format.prefix)) continue;
    const version = parseVersion(tag.slice(format.prefix.length), format.scheme);
    if (version) result.push({ tag, version });
  }
  return result.sort((a, b) => compareVersions(b.version, a.version));
}
