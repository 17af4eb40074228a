import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../git/git-repository';
import { createGitSandbox, type GitSandbox } from '../testing/git-sandbox';
import { versionFileReport } from './version-file-report';

describe('versionFileReport (real git)', () => {
  let sandbox: GitSandbox;
  let dir: string;

  beforeAll(() => {
    sandbox = createGitSandbox();
    dir = join(sandbox.root, 'repo');
    mkdirSync(join(dir, 'chart'), { recursive: true });
    sandbox.git(['init', '--initial-branch=main'], dir);
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\nversion = "2025.4.1"\n');
    writeFileSync(join(dir, 'chart', 'Chart.yaml'), 'version: "0.4.4"\nappVersion: "2025.4.0"\n');
    sandbox.git(['add', '.'], dir);
    sandbox.git(['commit', '-m', 'chore: files'], dir);
  });
  afterAll(() => sandbox.dispose());

  it('reports per file whether it agrees with the current release, and the line the bump changes', async () => {
    const repo = openRepository(dir, { hooksDir: join(sandbox.root, 'hooks') });
    const report = await versionFileReport(
      repo,
      'main',
      [
        { path: 'pyproject.toml', pattern: 'version' },
        { path: 'chart/Chart.yaml', pattern: 'appVersion' },
        { path: 'missing/__version__.py', pattern: null },
      ],
      '2025.4.1',
      '2025.5.0',
    );
    expect(report).toEqual([
      {
        path: 'pyproject.toml',
        declared: '2025.4.1',
        matchesCurrent: true,
        edit: { line: 3, before: 'version = "2025.4.1"', after: 'version = "2025.5.0"' },
        problem: null,
      },
      {
        path: 'chart/Chart.yaml',
        declared: '2025.4.0',
        matchesCurrent: false,
        edit: null,
        problem:
          'No line matching "appVersion" contains the current version 2025.4.1. Fix the file (or its pattern) before the bump.',
      },
      {
        path: 'missing/__version__.py',
        declared: null,
        matchesCurrent: false,
        edit: null,
        problem: 'The file does not exist at the release target.',
      },
    ]);
  });
});
