import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergePullRequest } from '../services/testing/notes-history';
import { createTrainRepo, type TrainRepo } from '../services/testing/train-repo';
import { assertFreshBuild, runBuiltCli, type CliRun } from './testing/built-cli';

/** What `notes` and `version` run: a change in any of these needs a new build before these tests. */
const SOURCES = ['electron/cli', 'electron/services/notes', 'electron/services/versions', 'shared/domain/notes'];

interface NotesJson {
  range: { from: string | null; to: string; mode: string };
  entries: {
    pr: number | null;
    title: string;
    type: string | null;
    scope: string | null;
    breaking: boolean;
    category: string;
    authors: string[];
    commits: string[];
  }[];
  contributors: string[];
  warnings: string[];
}

describe('release-desk notes and version, the built binary on a real repository', () => {
  let train: TrainRepo;
  let mirror: string;
  let env: NodeJS.ProcessEnv;
  const shas = { squash: '', merge: '', branchNew: '', branchOld: '', direct: '', promotion: '' };
  const cli = (...args: string[]): Promise<CliRun> => runBuiltCli(args, { env });

  beforeAll(() => {
    assertFreshBuild(SOURCES);
    train = createTrainRepo();
    env = { ...train.sandbox.env, RELEASE_DESK_HOME: mkdtempSync(join(train.sandbox.root, 'data-')) };
    train.tag('2025.1.0', 'main');
    shas.squash = train.squash('development', 2802, 'correct assignee', 'fix(tasks)');
    const merged = mergePullRequest(train, 'development', 2803, 'feat(mapper)!: new basemap picker', {
      commits: ['feat(mapper): picker', 'fix(mapper): picker layout'],
    });
    shas.merge = merged.merge;
    shas.branchNew = merged.commits[1] as string;
    shas.branchOld = merged.commits[0] as string;
    shas.direct = train.commit('development', 'docs: explain basemaps');
    shas.promotion = train.merge('main', 'development');
    mirror = train.mirror();
  });
  afterAll(() => train.dispose());

  it('notes --format json has the range, entries with full shas, contributors and warnings', async () => {
    const run = await cli('notes', '--repo', mirror, '--format', 'json', '--date', '2025-06-01');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as NotesJson;
    expect(json.range).toMatchObject({ from: '2025.1.0', to: 'main', mode: 'ancestry' });
    expect(json.entries).toEqual([
      {
        pr: null,
        title: 'docs: explain basemaps',
        type: 'docs',
        scope: null,
        breaking: false,
        category: 'Documentation',
        authors: ['Test Author'],
        commits: [shas.direct],
      },
      {
        pr: 2803,
        title: 'feat(mapper)!: new basemap picker',
        type: 'feat',
        scope: 'mapper',
        breaking: true,
        category: 'Breaking changes',
        authors: ['Test Author'],
        commits: [shas.merge, shas.branchNew, shas.branchOld],
      },
      {
        pr: 2802,
        title: 'fix(tasks): correct assignee',
        type: 'fix',
        scope: 'tasks',
        breaking: false,
        category: 'Bug fixes',
        authors: ['Test Author'],
        commits: [shas.squash],
      },
    ]);
    for (const entry of json.entries) for (const sha of entry.commits) expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(json.contributors).toEqual(['Test Author']);
    expect(json.warnings).toEqual([]);
  });

  it('notes --format json carries the warnings (and prints them on stderr) when --from is not an ancestor', async () => {
    const run = await cli('notes', '--repo', mirror, '--format', 'json', '--from', shas.branchOld, '--to', '2025.1.0');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as NotesJson;
    expect(json.range).toMatchObject({ from: shas.branchOld, to: '2025.1.0', mode: 'ancestry' });
    expect(json.warnings).toHaveLength(1);
    expect(json.warnings[0]).toContain(`${shas.branchOld} is not in the history of 2025.1.0`);
    expect(run.stderr).toBe(`warning: ${json.warnings[0]}\n`);
  });

  it('reads a clone (origin/* refs) the same as the bare mirror', async () => {
    const clone = train.clone();
    const [fromMirror, fromClone] = await Promise.all([
      cli('notes', '--repo', mirror, '--format', 'json'),
      cli('notes', '--repo', clone, '--format', 'json'),
    ]);
    expect(fromClone.code).toBe(0);
    const entries = (run: CliRun): unknown => (JSON.parse(run.stdout) as NotesJson).entries;
    expect(entries(fromClone)).toEqual(entries(fromMirror));
    expect((JSON.parse(fromClone.stdout) as NotesJson).range.to).toBe('main');
  });

  it('notes --format markdown and changelog', async () => {
    const markdown = await cli('notes', '--repo', mirror);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('<details><summary>Technical summary</summary>');
    expect(markdown.stdout).toContain('* fix(tasks): correct assignee (#2802) by Test Author\n');

    const changelog = await cli('notes', '--repo', mirror, '--format', 'changelog', '--date', '2025-06-01');
    expect(changelog.code).toBe(0);
    expect(changelog.stdout).toBe(
      [
        '## 2025.2.0 (2025-06-01)',
        '',
        '### BREAKING CHANGE',
        '',
        '- **mapper**: new basemap picker (#2803)',
        '',
        '### Fix',
        '',
        '- **tasks**: correct assignee (#2802)',
        '',
      ].join('\n'),
    );
  });

  it('version --json prints { scheme, current, next, tag, reason }', async () => {
    const run = await cli('version', '--repo', mirror, '--json', '--date', '2025-06-01');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      scheme: 'calver',
      current: '2025.1.0',
      next: '2025.2.0',
      tag: '2025.2.0',
      reason: 'There is a breaking change: a new minor release.',
    });

    const rollover = await cli('version', '--repo', mirror, '--json', '--date', '2026-01-05');
    expect(JSON.parse(rollover.stdout)).toMatchObject({
      current: '2025.1.0',
      next: '2026.1.0',
      reason: 'The release date is in 2026, after 2025: the year rolls over.',
    });

    const text = await cli('version', '--repo', mirror, '--date', '2025-06-01');
    expect(text.stdout).toBe('2025.2.0  (after 2025.1.0; There is a breaking change: a new minor release.)\n');
  });

  it('exits 2 for an invalid --format or --date', async () => {
    const format = await cli('notes', '--repo', mirror, '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stdout).toBe('');
    expect(format.stderr).toBe('error: --format must be one of markdown, changelog, json, not "xml".\n');

    for (const date of ['2026-02-30', '05/01/2026', 'tomorrow']) {
      const run = await cli('notes', '--repo', mirror, '--date', date);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`error: --date must be a real day as YYYY-MM-DD, not "${date}".\n`);
    }
    const json = await cli('version', '--repo', mirror, '--json', '--date', '2026-13-01');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'INVALID_ARGUMENTS', message: '--date must be a real day as YYYY-MM-DD, not "2026-13-01".' },
    });
  });

  it('exits 1 with REF_MISSING naming an unknown --from', async () => {
    const text = await cli('notes', '--repo', mirror, '--from', 'v9.9.9');
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^error: The starting point "v9\.9\.9" does not exist in this repository\./);

    const json = await cli('version', '--repo', mirror, '--json', '--from', 'v9.9.9');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'REF_MISSING', message: expect.stringContaining('"v9.9.9"') },
    });
  });
});
