import { describe, expect, it } from 'vitest';
import { parseVersionFileSpec } from '../config/commitizen';
import { versionFileEdit, type VersionFileEdit } from './version-file-edits';

/** field-tm's version files at 2025.5.0 (src/backend/pyproject.toml, app/__version__.py, chart/Chart.yaml), abridged. */
const PYPROJECT = `[project]
name = "fmtm"
version = "2025.5.0"
description = "Field Tasking Manager - coordinated field mapping."
dependencies = [
    "uvicorn==0.34.2",
]

[dependency-groups]
dev = [
    "commitizen==3.31.0",
]

[tool.commitizen]
name = "cz_conventional_commits"
version_provider = "uv"
version_files = [
    "pyproject.toml:version",
    "app/__version__.py",
    "../../chart/Chart.yaml:appVersion",
]
`;
const VERSION_PY = '__version__ = "2025.5.0"\n';
const CHART = `apiVersion: v2
type: application
name: fmtm
version: "0.1.0"
appVersion: "2025.5.0"
dependencies:
  - name: postgresql
    version: 15.2.2
`;
const PACKAGE_JSON = `{
  "name": "mapper",
  "private": true,
  "version": "2025.5.0",
  "dependencies": {
    "ol": "10.5.0"
  }
}
`;

const spec = (text: string) => {
  const parsed = parseVersionFileSpec(text);
  if (!parsed) throw new Error(`bad spec ${text}`);
  return parsed;
};

/** Applies an edit to the text, to check the whole file after the bump. */
function applied(text: string, edit: VersionFileEdit): string {
  const lines = text.split('\n');
  expect(lines[edit.line - 1]).toBe(edit.before);
  lines[edit.line - 1] = edit.after;
  return lines.join('\n');
}

describe('versionFileEdit', () => {
  it('pyproject.toml:version — the [project] version line', () => {
    const edit = versionFileEdit(spec('src/backend/pyproject.toml:version'), PYPROJECT, '2025.5.0', '2025.6.0');
    expect(edit).toEqual({
      path: 'src/backend/pyproject.toml',
      line: 3,
      before: 'version = "2025.5.0"',
      after: 'version = "2025.6.0"',
    });
    expect(applied(PYPROJECT, edit as VersionFileEdit)).toBe(PYPROJECT.replace('"2025.5.0"', '"2025.6.0"'));
  });

  it('__version__.py (no pattern) — the line that carries the version', () => {
    expect(versionFileEdit(spec('src/backend/app/__version__.py'), VERSION_PY, '2025.5.0', '2026.1.0')).toEqual({
      path: 'src/backend/app/__version__.py',
      line: 1,
      before: '__version__ = "2025.5.0"',
      after: '__version__ = "2026.1.0"',
    });
  });

  it('Chart.yaml:appVersion — appVersion only, not the chart’s own version', () => {
    const chart = CHART.replace('version: "0.1.0"', 'version: "2025.5.0"');
    const edit = versionFileEdit(spec('chart/Chart.yaml:appVersion'), chart, '2025.5.0', '2025.5.1');
    expect(edit).toEqual({
      path: 'chart/Chart.yaml',
      line: 5,
      before: 'appVersion: "2025.5.0"',
      after: 'appVersion: "2025.5.1"',
    });
  });

  it('package.json, with and without the key', () => {
    const expected = {
      path: 'src/mapper/package.json',
      line: 4,
      before: '  "version": "2025.5.0",',
      after: '  "version": "2025.6.0",',
    };
    expect(versionFileEdit(spec('src/mapper/package.json'), PACKAGE_JSON, '2025.5.0', '2025.6.0')).toEqual(expected);
    expect(versionFileEdit(spec('src/mapper/package.json:version'), PACKAGE_JSON, '2025.5.0', '2025.6.0')).toEqual(
      expected,
    );
    const next = JSON.parse(applied(PACKAGE_JSON, expected)) as { version: string; dependencies: unknown };
    expect(next).toEqual({ name: 'mapper', private: true, version: '2025.6.0', dependencies: { ol: '10.5.0' } });
  });

  it('a regex pattern (commitizen’s file:regex form) picks the line it matches', () => {
    const text = 'const API = "1.4.2";\nexport const VERSION = "1.4.2";\n';
    expect(versionFileEdit(spec('src/version.ts:^export const VERSION\\s*='), text, '1.4.2', '1.5.0')).toEqual({
      path: 'src/version.ts',
      line: 2,
      before: 'export const VERSION = "1.4.2";',
      after: 'export const VERSION = "1.5.0";',
    });
  });

  it('reports a problem, not an edit, for a file without the current version', () => {
    expect(
      versionFileEdit(spec('src/backend/app/__version__.py'), '__version__ = "2025.4.3"\n', '2025.5.0', '2025.6.0'),
    ).toEqual({
      path: 'src/backend/app/__version__.py',
      problem: 'No line contains the current version 2025.5.0. Fix the file (or its pattern) before the bump.',
    });
    // The version is there, but not on a line the pattern matches.
    const result = versionFileEdit(
      spec('chart/Chart.yaml:appVersion'),
      CHART.replace('appVersion: "2025.5.0"', 'appVersion: "2025.4.0"'),
      '2025.5.0',
      '2025.6.0',
    );
    expect(result).toEqual({
      path: 'chart/Chart.yaml',
      problem:
        'No line matching "appVersion" contains the current version 2025.5.0. Fix the file (or its pattern) before the bump.',
    });
    expect('line' in result).toBe(false);
  });

  it('reports an invalid pattern as a problem', () => {
    expect(versionFileEdit({ path: 'x.txt', pattern: '(' }, 'v 1.0.0', '1.0.0', '1.1.0')).toEqual({
      path: 'x.txt',
      problem: 'The pattern "(" is not a valid regular expression.',
    });
  });
});
