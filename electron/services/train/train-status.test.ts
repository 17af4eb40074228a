import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackMergeDebt, PairStatus, TrainStatus } from '../../../shared/domain/train/train-status';
import { AppError } from '../../../shared/ipc/errors';
import { loadEffectiveConfig, parseProjectConfig, type EffectiveConfig } from '../config/config-loader';
import { openRepository, type GitRepository } from '../git/git-repository';
import { createTrainRepo, type TrainRepo } from '../testing/train-repo';
import { computeTrainStatus } from './train-status';

const NOW = new Date('2026-05-01T12:00:00Z');

describe('train status (real git)', () => {
  let train: TrainRepo;
  let restoreEnv: () => void;
  let configCount = 0;
  let development: string;
  let staging: string;
  let main: string;

  beforeEach(() => {
    train = createTrainRepo();
    ({ development, staging, main } = train.branches);
    restoreEnv = train.sandbox.activate();
  });
  afterEach(() => {
    restoreEnv();
    train.dispose();
  });

  const open = (dir = train.dir): GitRepository => openRepository(dir, { hooksDir: join(train.sandbox.root, 'hooks') });
  /** The status as `release-desk status --repo DIR [--config FILE]` computes it. */
  const statusOf = async (options: { dir?: string; config?: string } = {}): Promise<TrainStatus> => {
    const repo = open(options.dir);
    let file: string | undefined;
    if (options.config !== undefined) {
      configCount += 1;
      file = join(train.sandbox.root, `config-${configCount}.yml`);
      writeFileSync(file, options.config);
    }
    return computeTrainStatus(repo, await loadEffectiveConfig(repo, file), () => NOW);
  };
  const pair = (status: TrainStatus, from: string): PairStatus => {
    const found = status.pairs.find((candidate) => candidate.from === from);
    if (!found) throw new Error(`no pair from ${from}`);
    return found;
  };
  const debt = (status: TrainStatus, lane: string): BackMergeDebt => {
    const found = status.backMerge.find((candidate) => candidate.lane === lane);
    if (!found) throw new Error(`no back-merge entry for ${lane}`);
    return found;
  };
  /** Back-merges main into staging and staging into development, so only release warnings remain. */
  const settle = (): void => {
    train.merge(staging, main);
    train.merge(development, staging);
  };
  const revList = (range: string): string[] => train.git(['rev-list', range]).split('\n').filter(Boolean);

  describe('lanes and what is waiting', () => {
    it('reads each lane head: sha, committer date, subject, author', async () => {
      const head = train.squash(development, 12, 'x');
      const status = await statusOf();
      expect(status.lanes.map((lane) => [lane.name, lane.branch, lane.ref])).toEqual([
        ['development', 'development', 'refs/heads/development'],
        ['staging', 'staging', 'refs/heads/staging'],
        ['main', 'main', 'refs/heads/main'],
      ]);
      expect(status.lanes[0]?.head).toEqual({
        sha: head,
        date: train.git(['log', '-1', '--format=%cI', head]),
        subject: 'feat(tasks): x (#12)',
        author: 'Test Author',
      });
      expect(status.lanes[2]?.head?.subject).toBe('chore: initial commit');
      expect(status.computedAt).toBe(NOW.toISOString());
    });

    it('counts the commits waiting each way and reads PR numbers from squash and merge subjects', async () => {
      train.squash(development, 12, 'x');
      const merged = train.mergePr(development, 13, { commits: ['feat: part one', 'feat: part two'] });
      const direct = train.commit(development, 'chore: tidy');
      const hotfix = train.squash(staging, 20, 'crash', 'fix(api)');

      const status = await statusOf();
      const toStaging = pair(status, 'development');
      expect(toStaging).toMatchObject({ from: 'development', to: 'staging', ahead: 5, behind: 1, prs: [13, 12] });
      expect(toStaging.commits).toEqual(revList(`${staging}..${development}`));
      expect(toStaging.commits[0]).toBe(direct);
      expect(toStaging.details.find((commit) => commit.sha === merged)?.isMerge).toBe(true);
      expect(toStaging.details.filter((commit) => commit.isMerge)).toHaveLength(1);

      const toMain = pair(status, 'staging');
      expect(toMain).toMatchObject({ from: 'staging', to: 'main', ahead: 1, behind: 0, prs: [20], commits: [hotfix] });
      expect(status.laneWarnings.development).toContain(
        'development is 1 commit behind staging: staging has changes development does not. Merge staging back into development.',
      );
    });

    it('shows nothing waiting on a train at rest, with no warnings', async () => {
      const status = await statusOf();
      expect(
        status.pairs.map(({ from, to, ahead, behind, prs, commits }) => ({ from, to, ahead, behind, prs, commits })),
      ).toEqual([
        { from: 'development', to: 'staging', ahead: 0, behind: 0, prs: [], commits: [] },
        { from: 'staging', to: 'main', ahead: 0, behind: 0, prs: [], commits: [] },
      ]);
      expect(status.warnings).toEqual([]);
      expect(status.lastRelease).toBeNull();
    });
  });

  describe('back-merge debt', () => {
    it('counts a hotfix only on staging, and forgives it once cherry-picked into development', async () => {
      const hotfix = train.squash(staging, 20, 'crash', 'fix(api)');
      const before = await statusOf();
      expect(debt(before, 'staging')).toMatchObject({
        commits: [hotfix],
        prs: [20],
        message: '1 hotfix on staging is not in development',
      });
      expect(before.laneWarnings.staging).toContain(
        '1 hotfix on staging is not in development. Back-merge staging into development.',
      );
      expect(debt(before, 'main')).toMatchObject({ commits: [], message: 'Everything on main is in development.' });

      train.cherryPick(development, hotfix);
      const after = await statusOf();
      expect(debt(after, 'staging')).toMatchObject({
        commits: [],
        prs: [],
        message: 'Everything on staging is in development.',
      });
      expect(after.laneWarnings.staging.filter((warning) => warning.includes('Back-merge'))).toEqual([]);
    });

    it('forgives a cherry-pick whose patch differs (a resolved conflict) when the PR number is in development', async () => {
      const squashed = train.squash(staging, 21, 'login');
      train.cherryPick(development, squashed, { resolve: true });
      const viaMergeCommit = train.squash(staging, 22, 'logout');
      train.mergePr(development, 22, { commits: ['fix: logout, reworked for development'] });
      // Git itself sees different patches: only the PR number says they are the same change.
      const marks = train.git([
        'rev-list',
        '--cherry-mark',
        '--right-only',
        '--no-merges',
        `${development}...${staging}`,
      ]);
      expect(marks.split('\n').sort()).toEqual([`+${squashed}`, `+${viaMergeCommit}`].sort());

      const status = await statusOf();
      expect(debt(status, 'staging')).toMatchObject({
        commits: [],
        message: 'Everything on staging is in development.',
      });
    });

    it('still counts a resolved cherry-pick with no PR number, and a different PR', async () => {
      const direct = train.commit(staging, 'fix: direct hotfix');
      train.cherryPick(development, direct, { resolve: true });
      const other = train.squash(staging, 23, 'other');
      train.squash(development, 24, 'other, but a different PR');

      const status = await statusOf();
      expect(debt(status, 'staging')).toMatchObject({
        commits: [other, direct],
        prs: [23],
        message: '2 hotfixes on staging are not in development',
      });
    });

    it('counts a commit only on main, but not the merge commit of a promotion', async () => {
      const picked = train.squash(staging, 30, 'promoted hotfix');
      train.cherryPick(development, picked);
      train.merge(main, staging, 'Merge branch staging into main');
      const serverFix = train.commit(main, 'fix: patched on the server');

      const status = await statusOf();
      expect(debt(status, 'main')).toMatchObject({
        lane: 'main',
        commits: [serverFix],
        prs: [],
        message: '1 commit on main is not in development',
      });
      expect(status.laneWarnings.main).toContain(
        '1 commit on main is not in development. Back-merge main into development.',
      );
      expect(debt(status, 'staging').commits).toEqual([]);
    });
  });

  describe('the last release', () => {
    it('is the newest tag by version, not by date, and other tag families are ignored', async () => {
      const released = train.commit(main, 'feat: released');
      train.tag('2025.2.0', released);
      const later = train.commit(main, 'fix: later');
      train.tag('2025.1.5', later, { annotated: true });
      train.tag('osm-fieldwork-0.22.0', later);
      train.commit(main, 'fix: latest');
      train.tag('area-splitter-3.0.0', main);
      train.tag('0.1.0', main);
      settle();

      const status = await statusOf();
      expect(status.tagFormat).toEqual({ scheme: 'calver', prefix: '' });
      expect(status.lastRelease).toEqual({
        tag: '2025.2.0',
        sha: released,
        version: '2025.2.0',
        isAncestor: true,
        unreleasedCommits: 2,
        newestAncestorTag: null,
      });
      expect(Number(train.git(['rev-list', '--count', `2025.2.0..${main}`]))).toBe(2);
      expect(status.warnings).toEqual([]);
    });

    it('detects SemVer with a "v" prefix and orders by number', async () => {
      train.tag('v1.2.3', train.commit(main, 'feat: a'));
      const newest = train.commit(main, 'feat: b');
      train.tag('v1.10.0', newest, { annotated: true });
      train.tag('v1.9.0', train.commit(main, 'feat: c'));

      const status = await statusOf();
      expect(status.tagFormat).toEqual({ scheme: 'semver', prefix: 'v' });
      expect(status.lastRelease).toMatchObject({
        tag: 'v1.10.0',
        sha: newest,
        version: '1.10.0',
        isAncestor: true,
        unreleasedCommits: 1,
      });
    });

    it('warns when the newest tag was made on a commit main does not have, and names the newest one it has', async () => {
      train.tag('2025.1.0', train.commit(main, 'feat: first release'));
      train.merge(staging, main);
      const onStaging = train.commit(staging, 'bump: version 2025.1.0 → 2025.2.0');
      train.tag('2025.2.0', onStaging);

      const status = await statusOf();
      expect(status.lastRelease).toEqual({
        tag: '2025.2.0',
        sha: onStaging,
        version: '2025.2.0',
        isAncestor: false,
        unreleasedCommits: 0,
        newestAncestorTag: '2025.1.0',
      });
      expect(status.laneWarnings.main).toContain(
        'The newest release tag 2025.2.0 was made on a commit main does not have (it was tagged on another branch). ' +
          'Releases should be tagged on main. The newest release in its history is 2025.1.0.',
      );
    });

    it('says "reset or rewritten" when main no longer contains the tag and has commits the tag does not', async () => {
      const first = train.commit(main, 'feat: first');
      train.tag('2025.1.0', first);
      train.tag('2025.2.0', train.commit(main, 'feat: second'), { annotated: true });
      train.resetBranch(main, first);
      train.commit(main, 'feat: second, rewritten');
      train.commit(main, 'feat: third');

      const status = await statusOf();
      expect(status.lastRelease).toMatchObject({
        tag: '2025.2.0',
        isAncestor: false,
        unreleasedCommits: 2,
        newestAncestorTag: '2025.1.0',
      });
      expect(status.laneWarnings.main).toContain(
        'The newest release tag 2025.2.0 is not in the history of main (the history was reset or rewritten), ' +
          'so a changelog from it would be wrong. The newest release in its history is 2025.1.0.',
      );
    });

    it('says so when no release tag at all is in main’s history', async () => {
      const base = train.sha(main);
      train.tag('2025.2.0', train.commit(main, 'feat: released'));
      train.resetBranch(main, base);
      train.commit(main, 'feat: instead');

      const status = await statusOf();
      expect(status.lastRelease).toMatchObject({ isAncestor: false, newestAncestorTag: null, unreleasedCommits: 1 });
      expect(status.warnings.some((warning) => warning.endsWith(' No release tag is in its history.'))).toBe(true);
    });

    it('counts the commits on main since the release', async () => {
      train.tag('2025.1.0', main);
      for (let index = 0; index < 3; index += 1) train.commit(main, `fix: after ${index}`);
      train.mergePr(main, 40);
      const status = await statusOf();
      // Three direct commits, the PR's commit and its merge commit.
      expect(status.lastRelease?.unreleasedCommits).toBe(5);
      expect(status.lastRelease?.unreleasedCommits).toBe(revList(`2025.1.0..${main}`).length);
    });
  });

  describe('version files', () => {
    it('compares each file on main with the tag, with a warning per file that disagrees', async () => {
      train.writeFiles(
        main,
        {
          VERSION: '2025.2.0\n',
          'chart/Chart.yaml': 'apiVersion: v2\nversion: "0.4.4"\nappVersion: "2025.1.0"\n',
        },
        'bump: version 2025.1.0 → 2025.2.0',
      );
      train.tag('2025.2.0', main);
      settle();
      // What development says does not matter: the files are read where releases are made.
      train.writeFiles(development, { VERSION: '2099.1.0\n' }, 'chore: bump dev');

      const status = await statusOf({
        config: 'versionFiles: ["VERSION", "chart/Chart.yaml:appVersion", "missing/VERSION"]\n',
      });
      expect(status.versionFiles).toEqual([
        { path: 'VERSION', version: '2025.2.0', matchesTag: true },
        { path: 'chart/Chart.yaml', version: '2025.1.0', matchesTag: false },
        { path: 'missing/VERSION', version: null, matchesTag: false },
      ]);
      expect(status.laneWarnings.main).toEqual([
        'chart/Chart.yaml says 2025.1.0, but the last release tag is 2025.2.0.',
        'missing/VERSION has no readable version on main. Check the file and its pattern.',
      ]);
    });

    it('uses commitizen’s version_files and matches a "v" tag by its version', async () => {
      train.writeFiles(
        main,
        {
          'src/backend/pyproject.toml':
            '[project]\nversion = "1.4.0"\n\n[tool.commitizen]\nversion_files = ["pyproject.toml:version", "app/__version__.py", "../../chart/Chart.yaml:appVersion"]\n',
          'src/backend/app/__version__.py': '__version__ = "1.4.0"\n',
          'chart/Chart.yaml': 'version: "0.4.4"\nappVersion: "1.3.9"\n',
        },
        'bump: version 1.4.0',
      );
      train.tag('v1.4.0', main, { annotated: true });
      settle();

      const status = await statusOf();
      expect(status.versionFiles).toEqual([
        { path: 'src/backend/pyproject.toml', version: '1.4.0', matchesTag: true },
        { path: 'src/backend/app/__version__.py', version: '1.4.0', matchesTag: true },
        { path: 'chart/Chart.yaml', version: '1.3.9', matchesTag: false },
      ]);
      expect(status.warnings).toEqual(['chart/Chart.yaml says 1.3.9, but the last release tag is v1.4.0.']);
    });

    it('reads the files but warns about none when there is no release yet', async () => {
      train.writeFiles(main, { VERSION: '2025.1.0\n' }, 'chore: version file');
      settle();
      const status = await statusOf({ config: 'versionFiles: [VERSION]\n' });
      expect(status.versionFiles).toEqual([{ path: 'VERSION', version: '2025.1.0', matchesTag: false }]);
      expect(status.warnings).toEqual([]);
    });
  });

  describe('lane warnings', () => {
    it('warns about a missing branch and leaves out the pairs it would be part of', async () => {
      const status = await statusOf({ config: 'branches:\n  staging: stage\n' });
      expect(status.lanes[1]).toEqual({ name: 'staging', branch: 'stage', ref: null, head: null });
      expect(status.pairs).toEqual([]);
      expect(status.backMerge.map((entry) => entry.lane)).toEqual(['main']);
      expect(status.laneWarnings.staging).toEqual([
        'The staging branch "stage" does not exist. Create it, or set branches.staging in .release-desk.yml.',
      ]);
    });

    it('has no release without a main branch, even with tags', async () => {
      train.tag('2025.1.0', main);
      const status = await statusOf({ config: 'branches:\n  main: production\nversionFiles: [README.md]\n' });
      expect(status.lastRelease).toBeNull();
      expect(status.versionFiles).toEqual([]);
      expect(status.laneWarnings.main).toEqual([
        'The main branch "production" does not exist. Create it, or set branches.main in .release-desk.yml.',
      ]);
    });

    it('warns when a lane is behind the next lane', async () => {
      train.commit(main, 'fix: straight onto main');
      train.commit(main, 'fix: and again');
      const status = await statusOf();
      expect(pair(status, 'staging')).toMatchObject({ ahead: 0, behind: 2 });
      expect(status.laneWarnings.staging).toEqual([
        'staging is 2 commits behind main: main has changes staging does not. Merge main back into staging.',
      ]);
    });
  });

  describe('unsafe branch names in the config', () => {
    /** The real repository, with every call recorded: nothing may reach git with a bad name. */
    const recording = (repo: GitRepository, calls: string[]): GitRepository =>
      new Proxy(repo, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            calls.push(String(property));
            return (value as (...inner: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    const withDevelopment = (effective: EffectiveConfig, name: string): EffectiveConfig => ({
      ...effective,
      config: { ...effective.config, branches: { ...effective.config.branches, development: name } },
    });

    it.each([
      ['-x', 'it cannot start with "-"'],
      ['--output=/tmp/x', 'it cannot start with "-"'],
      ['a..b', 'it cannot contain ".."'],
      ['main --all', 'it cannot contain spaces'],
      ['main@{1}', 'it cannot contain "@{"'],
    ])('refuses %j before any git command runs', async (name, reason) => {
      const effective = withDevelopment(await loadEffectiveConfig(open()), name);
      const calls: string[] = [];
      const error = await computeTrainStatus(recording(open(), calls), effective).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_ARGUMENTS');
      expect((error as AppError).message).toContain(`"${name}" is not a valid ref name: ${reason}`);
      expect(calls).toEqual([]);
    });

    it('refuses "a..b" or a leading dash already when the config file is read, naming the field', async () => {
      const error = await statusOf({ config: 'branches:\n  development: "a..b"\n' }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect((error as AppError).code).toBe('CONFIG_INVALID');
      expect((error as AppError).message).toContain('branches.development: "a..b" is not a valid ref name');
      expect(() => parseProjectConfig('branches:\n  staging: "-x"\n', 'f.yml')).toThrow(
        'branches.staging: "-x" is not a valid ref name: it cannot start with "-".',
      );
    });
  });

  describe('--repo: a bare repository or a clone', () => {
    const figures = (status: TrainStatus): unknown => ({
      heads: status.lanes.map((lane) => lane.head),
      pairs: status.pairs,
      backMerge: status.backMerge,
      lastRelease: status.lastRelease,
      warnings: status.warnings,
    });
    const buildHistory = (): void => {
      train.tag('2025.1.0', main);
      train.squash(development, 12);
      train.mergePr(development, 13);
      train.squash(staging, 20, 'hotfix', 'fix');
    };

    it('reads a bare mirror from its local branches', async () => {
      buildHistory();
      const expected = await statusOf();
      const bare = train.mirror();
      const status = await statusOf({ dir: bare });
      expect(status.lanes.map((lane) => lane.ref)).toEqual([
        'refs/heads/development',
        'refs/heads/staging',
        'refs/heads/main',
      ]);
      expect(figures(status)).toEqual(figures(expected));
      expect(pair(status, 'development').ahead).toBe(3);
    });

    it('reads a clone from origin/*, not from stale local branches', async () => {
      buildHistory();
      const expected = await statusOf();
      const clone = train.clone();
      // Local branches that disagree with the remote: a user's clone after some local work.
      train.git(['branch', '-f', development, `origin/${main}`], clone);
      train.git(['checkout', '-q', main], clone);
      train.git(['commit', '-q', '--allow-empty', '-m', 'wip: local only'], clone);

      const status = await statusOf({ dir: clone });
      expect(status.lanes.map((lane) => lane.ref)).toEqual([
        'refs/remotes/origin/development',
        'refs/remotes/origin/staging',
        'refs/remotes/origin/main',
      ]);
      expect(status.lanes[0]?.head?.sha).toBe(train.sha(development));
      expect(figures(status)).toEqual(figures(expected));
    });
  });
});
