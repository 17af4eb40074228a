import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSandbox, type GitSandbox } from '../services/testing/git-sandbox';
import { createTrainRepo, type TrainRepo } from '../services/testing/train-repo';
import { assertFreshBuild, ROOT, runBuiltCli, type CliRun } from './testing/built-cli';

const BUNDLE = resolve(ROOT, '..', 'shared', 'fixtures', 'field-tm-history.bundle');
const SHA = /^[0-9a-f]{40}$/;

/** The sources `status` and `config check` are built from; a change to any of them needs a rebuild. */
const SOURCES = [
  'electron/cli',
  'electron/services/train',
  'electron/services/config',
  'electron/services/git',
  'shared/domain',
];

/** The `status --json` document, as far as the issue promises it. */
interface StatusDocument {
  lanes: {
    name: string;
    branch: string;
    ref: string | null;
    head: { sha: string; date: string; subject: string } | null;
  }[];
  pairs: { from: string; to: string; ahead: number; behind: number; prs: number[]; commits: string[] }[];
  backMerge: { lane: string; commits: string[]; prs: number[]; message: string }[];
  lastRelease: {
    tag: string;
    sha: string;
    version: string;
    isAncestor: boolean;
    unreleasedCommits: number;
    newestAncestorTag: string | null;
  } | null;
  versionFiles: { path: string; version: string | null; matchesTag: boolean }[];
  warnings: string[];
}

describe('release-desk status and config check, the built binary (real git)', () => {
  let sandbox: GitSandbox;
  let train: TrainRepo;
  let env: NodeJS.ProcessEnv;
  let bare: string;
  let replica: string;
  let replicaConfig: string;
  const shas: Record<string, string> = {};

  const cli = (args: string[], cwd = sandbox.root): Promise<CliRun> => runBuiltCli(args, { env, cwd });
  const statusJson = async (args: string[], cwd?: string): Promise<StatusDocument> => {
    const run = await cli(['status', ...args, '--json'], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as StatusDocument;
  };
  const git = (args: string[], cwd: string): string => sandbox.git(args, cwd);

  beforeAll(() => {
    assertFreshBuild(SOURCES);
    sandbox = createGitSandbox();
    env = { ...sandbox.env, RELEASE_DESK_HOME: mkdtempSync(join(sandbox.root, 'data-')) };
    train = createTrainRepo({ sandbox, branches: { development: 'dev' } });
    const { main, staging } = train.branches;
    train.writeFiles(
      main,
      {
        'src/backend/pyproject.toml':
          '[tool.commitizen]\nversion_files = ["app/__version__.py", "../../chart/Chart.yaml:appVersion"]\nignored_tag_formats = ["osm-fieldwork-$version"]\n',
        'src/backend/app/__version__.py': '__version__ = "2025.1.0"\n',
        'chart/Chart.yaml': 'version: "0.4.4"\nappVersion: "2024.9.0"\n',
        '.release-desk.yml': 'branches:\n  development: dev\n',
      },
      'bump: version 2025.1.0',
    );
    train.tag('2025.1.0', main, { annotated: true });
    train.tag('osm-fieldwork-9.9.9', main);
    train.merge(staging, main);
    train.merge('dev', staging);
    shas.squash = train.squash('dev', 12, 'x');
    shas.merge = train.mergePr('dev', 13);
    shas.hotfix = train.squash(staging, 20, 'crash', 'fix(api)');
    train.checkout(main);
    bare = train.mirror();

    replica = join(sandbox.root, 'field-tm.git');
    sandbox.git(['clone', '--mirror', '--', BUNDLE, replica]);
    replicaConfig = join(sandbox.root, 'field-tm.yml');
    writeFileSync(replicaConfig, 'branches: { development: dev }\n');
  });
  afterAll(() => sandbox?.dispose());

  it('prints the JSON the issue promises for a bare repository, with full shas', async () => {
    const doc = await statusJson(['--repo', bare]);
    expect(doc.lanes).toEqual([
      {
        name: 'development',
        branch: 'dev',
        ref: 'refs/heads/dev',
        head: {
          sha: git(['rev-parse', 'dev'], bare),
          date: git(['log', '-1', '--format=%cI', 'dev'], bare),
          subject: 'Merge pull request #13 from org/feature/pr-13',
          author: 'Test Author',
        },
      },
      expect.objectContaining({ name: 'staging', branch: 'staging', ref: 'refs/heads/staging' }),
      expect.objectContaining({ name: 'main', branch: 'main', ref: 'refs/heads/main' }),
    ]);
    expect(doc.pairs).toEqual([
      {
        from: 'development',
        to: 'staging',
        // The squash, the PR's commit and its merge, and the back-merge of staging.
        ahead: 4,
        behind: 1,
        prs: [13, 12],
        commits: git(['rev-list', 'staging..dev'], bare).split('\n'),
      },
      {
        from: 'staging',
        to: 'main',
        ahead: 2,
        behind: 0,
        prs: [20],
        commits: [shas.hotfix, git(['rev-parse', 'staging^'], bare)],
      },
    ]);
    for (const pair of doc.pairs) for (const sha of pair.commits) expect(sha).toMatch(SHA);
    expect(doc.backMerge).toEqual([
      { lane: 'staging', commits: [shas.hotfix], prs: [20], message: '1 hotfix on staging is not in development' },
      { lane: 'main', commits: [], prs: [], message: 'Everything on main is in development.' },
    ]);
    expect(doc.lastRelease).toEqual({
      tag: '2025.1.0',
      sha: git(['rev-parse', 'main'], bare),
      version: '2025.1.0',
      isAncestor: true,
      unreleasedCommits: 0,
      newestAncestorTag: null,
    });
    expect(doc.versionFiles).toEqual([
      { path: 'src/backend/app/__version__.py', version: '2025.1.0', matchesTag: true },
      { path: 'chart/Chart.yaml', version: '2024.9.0', matchesTag: false },
    ]);
    expect(doc.warnings).toEqual([
      'development is 1 commit behind staging: staging has changes development does not. Merge staging back into development.',
      '1 hotfix on staging is not in development. Back-merge staging into development.',
      'chart/Chart.yaml says 2024.9.0, but the last release tag is 2025.1.0.',
    ]);
    expect(Object.keys(doc.pairs[0] ?? {})).not.toContain('details');
  });

  it('reads a clone from origin/*, and takes --config relative to the working directory', async () => {
    const clone = join(sandbox.root, 'clone');
    git(['clone', '-q', '--', bare, clone], sandbox.root);
    git(['branch', '-f', 'staging', 'origin/main'], clone);
    writeFileSync(
      join(sandbox.root, 'team.yml'),
      'branches:\n  development: dev\n  staging: staging\nversionFiles: [chart/Chart.yaml]\n',
    );

    const doc = await statusJson(['--repo', 'clone', '--config', 'team.yml'], sandbox.root);
    expect(doc.lanes.map((lane) => lane.ref)).toEqual([
      'refs/remotes/origin/dev',
      'refs/remotes/origin/staging',
      'refs/remotes/origin/main',
    ]);
    expect(doc.lanes[1]?.head?.sha).toBe(git(['rev-parse', 'staging'], bare));
    expect(doc.pairs.map((pair) => pair.ahead)).toEqual([4, 2]);
    // The --config file replaced the repository's: its versionFiles (no pattern) read Chart.yaml's first version.
    expect(doc.versionFiles).toEqual([{ path: 'chart/Chart.yaml', version: '0.4.4', matchesTag: false }]);
  });

  it('prints a readable status without --json', async () => {
    const run = await cli(['status', '--repo', bare]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Lanes\n {2}development \(dev\) {2}[0-9a-f]{8} {2}\d{4}-\d{2}-\d{2} {2}Merge pull request #13/,
    );
    expect(run.stdout).toContain('  development → staging: 4 commits waiting, 2 PRs: #13 #12\n');
    expect(run.stdout).toContain('  staging: 1 hotfix on staging is not in development (#20)\n');
    expect(run.stdout).toContain('  2025.1.0 (');
    expect(run.stdout).toContain('!!  chart/Chart.yaml: 2024.9.0\n');
  });

  it('reports the field-tm replica: dev waiting for staging, 2026.2.0 not in main, version files at 2026.1.3', async () => {
    const doc = await statusJson(['--repo', replica, '--config', replicaConfig]);
    const [toStaging, toMain] = doc.pairs;
    expect(toStaging?.ahead).toBe(Number(git(['rev-list', '--count', 'staging..dev'], replica)));
    expect(toStaging?.commits).toEqual(git(['rev-list', 'staging..dev'], replica).split('\n'));
    expect(toMain?.behind).toBe(Number(git(['rev-list', '--count', 'staging..main'], replica)));
    expect(doc.lastRelease).toMatchObject({ tag: '2026.2.0', isAncestor: false, newestAncestorTag: '2026.1.3' });
    expect(doc.lastRelease?.sha).toBe(git(['rev-parse', '2026.2.0^{commit}'], replica));
    expect(doc.versionFiles).toEqual(
      ['src/backend/pyproject.toml', 'src/backend/app/__version__.py', 'chart/Chart.yaml'].map((path) => ({
        path,
        version: '2026.1.3',
        matchesTag: false,
      })),
    );
    expect(doc.warnings.filter((warning) => warning.includes('but the last release tag is 2026.2.0'))).toHaveLength(3);
  });

  it('fails with exit code 1 and a message when --repo is not a repository', async () => {
    const plain = join(sandbox.root, 'plain');
    mkdirSync(plain, { recursive: true });
    const run = await cli(['status', '--repo', plain, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'NOT_A_REPOSITORY' } });
  });

  it('says plainly when --repo does not exist, instead of failing "unexpectedly"', async () => {
    const missing = join(sandbox.root, 'no-such-folder');
    const run = await cli(['status', '--repo', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: "${missing}" does not exist or is not a folder. Give the folder of a clone or a bare repository.\n`,
    );
  });

  it('refuses an unsafe branch name from the config before running git on it', async () => {
    const unsafe = join(sandbox.root, 'unsafe.yml');
    writeFileSync(unsafe, 'branches:\n  development: "dev..main"\n');
    const run = await cli(['status', '--repo', bare, '--config', unsafe]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${unsafe} has an invalid field:\n  - branches.development: "dev..main" is not a valid ref name: it cannot contain "..".\n`,
    );
  });

  describe('config check', () => {
    it('prints the effective config and where it came from', async () => {
      const run = await cli(['config', 'check', '--repo', bare]);
      expect(run.code).toBe(0);
      const [first, ...rest] = run.stdout.split('\n');
      expect(first).toBe('Config OK: .release-desk.yml, commitizen settings from src/backend/pyproject.toml');
      const doc = JSON.parse(rest.join('\n')) as Record<string, unknown>;
      expect(doc).toMatchObject({
        sources: { file: '.release-desk.yml', commitizen: 'src/backend/pyproject.toml' },
        config: { branches: { development: 'dev', staging: 'staging', main: 'main' }, versioning: { scheme: 'auto' } },
        versionFiles: [
          { path: 'src/backend/app/__version__.py', pattern: null },
          { path: 'chart/Chart.yaml', pattern: 'appVersion' },
        ],
        ignoredTagFormats: ['osm-fieldwork-$version'],
      });
    });

    it('prints JSON with --json, and a --config file replaces the repository’s', async () => {
      const run = await cli(['config', 'check', '--repo', replica, '--config', replicaConfig, '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        sources: { file: replicaConfig, commitizen: 'src/backend/pyproject.toml' },
        config: { branches: { development: 'dev' } },
        ignoredTagFormats: ['osm-fieldwork-$version', 'area-splitter-$version'],
      });
    });

    it('exits 1 on an invalid config, naming the field and the allowed values', async () => {
      const bad = join(sandbox.root, 'bad.yml');
      writeFileSync(bad, 'versioning:\n  scheme: calvar\n');
      const run = await cli(['config', 'check', '--repo', bare, '--config', bad]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `error: ${bad} has an invalid field:\n  - versioning.scheme: expected one of "auto", "calver", "semver"\n`,
      );

      const json = await cli(['config', 'check', '--repo', bare, '--config', bad, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({
        error: { code: 'CONFIG_INVALID', message: expect.stringContaining('versioning.scheme: expected one of') },
      });

      const status = await cli(['status', '--repo', bare, '--config', bad]);
      expect(status.code).toBe(1);
      expect(status.stderr).toContain('versioning.scheme');
    });

    it('names the line of a YAML error', async () => {
      const broken = join(sandbox.root, 'broken.yml');
      writeFileSync(broken, 'branches:\n  development: dev\n\tstaging: x\n');
      const run = await cli(['config', 'check', '--repo', bare, '--config', broken]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`^error: ${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid YAML at line 3\\.`),
      );
    });
  });

  describe('usage errors exit 2', () => {
    it('needs exactly one of --repo and --project', async () => {
      const neither = await cli(['status']);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toBe(
        'error: Give either --repo DIR (any clone or bare repository) or --project ID (an added project).\n',
      );
      const both = await cli(['status', '--repo', bare, '--project', 'x', '--json']);
      expect(both.code).toBe(2);
      expect(JSON.parse(both.stdout)).toMatchObject({ error: { code: 'INVALID_ARGUMENTS' } });
    });

    it('config check needs --repo', async () => {
      const run = await cli(['config', 'check']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: required option '--repo <dir>' not specified/m);
    });
  });
});
