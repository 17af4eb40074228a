import { describe, expect, it } from 'vitest';
import { readDeclaredVersion } from './version-file';

const CHART = `apiVersion: v2
type: application
name: field-tm
version: "0.4.4"
appVersion: "2026.1.3"
`;

const PYPROJECT = `[project]
name = "field-tm"
version = "2026.1.3"
requires-python = ">=3.11"
dependencies = [
    "commitizen>=4.9.1",
]

[tool.commitizen]
version = "2026.1.3"
version_provider = "uv"
`;

describe('readDeclaredVersion', () => {
  it('takes the line the pattern names, not the first version in the file', () => {
    expect(readDeclaredVersion(CHART, 'appVersion')).toBe('2026.1.3');
    expect(readDeclaredVersion(CHART, null)).toBe('0.4.4');
  });

  it('reads a Python __version__ file without a pattern', () => {
    expect(readDeclaredVersion('"""The version."""\n\n__version__ = "2026.1.3"\n', null)).toBe('2026.1.3');
  });

  it('skips matching lines without a version (version_provider = "uv") and takes the next', () => {
    expect(readDeclaredVersion('version_provider = "uv"\nversion = "2026.1.3"\n', 'version')).toBe('2026.1.3');
    expect(readDeclaredVersion(PYPROJECT, 'version')).toBe('2026.1.3');
  });

  it('uses the pattern as a regular expression', () => {
    expect(readDeclaredVersion('version: 1.0.0\nappVersion: 2.0.0\n', '^appVersion')).toBe('2.0.0');
    expect(readDeclaredVersion('version: 1.0.0\nappVersion: 2.0.0\n', '^version')).toBe('1.0.0');
  });

  it('keeps a prerelease suffix', () => {
    expect(readDeclaredVersion('VERSION=1.4.0-rc.2\n', null)).toBe('1.4.0-rc.2');
  });

  it('is null when no line carries a version, when no line matches, or when the pattern is not a regex', () => {
    expect(readDeclaredVersion('name: x\n', null)).toBeNull();
    expect(readDeclaredVersion(CHART, 'imageTag')).toBeNull();
    expect(readDeclaredVersion(CHART, '(unclosed')).toBeNull();
    expect(readDeclaredVersion('', null)).toBeNull();
  });

  it('reads a version across CRLF line endings', () => {
    expect(readDeclaredVersion('name: x\r\nappVersion: "2026.1.3"\r\n', 'appVersion')).toBe('2026.1.3');
  });
});
