import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainStatus } from '../../../shared/domain/train/train-status';
import { loadEffectiveConfig, type EffectiveConfig } from '../config/config-loader';
import { openRepository } from '../git/git-repository';
import { createGitSandbox, type GitSandbox } from '../testing/git-sandbox';
import { computeTrainStatus } from './train-status';

/** The field-tm replica (DESIGN.md): every branch, tag, subject and merge of the real history. */
const BUNDLE = resolve(import.meta.dirname, '../../../../shared/fixtures/field-tm-history.bundle');
const VERSION_FILES = ['src/backend/pyproject.toml', 'src/backend/app/__version__.py', 'chart/Chart.yaml'];

/** PR numbers read with the two GitHub conventions, independently of the code under test. */
function prsOf(subjects: string[]): number[] {
  const prs: number[] = [];
  for (const subject of subjects) {
    const match = /^Merge pull request #(\d+) from /.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
    const pr = match ? Number(match[1]) : null;
    if (pr !== null && !prs.includes(pr)) prs.push(pr);
  }
  return prs;
}

describe('train status of the field-tm replica (real history)', () => {
  let sandbox: GitSandbox;
  let restoreEnv: () => void;
  let mirror: string;
  let effective: EffectiveConfig;
  let status: TrainStatus;
  const git = (args: string[]): string => sandbox.git(args, mirror);
  const lines = (args: string[]): string[] => git(args).split('\n').filter(Boolean);

  beforeAll(async () => {
    sandbox = createGitSandbox();
    restoreEnv = sandbox.activate();
    mirror = join(sandbox.root, 'field-tm.git');
    sandbox.git(['clone', '--mirror', '--', BUNDLE, mirror]);
    const configFile = join(sandbox.root, 'field-tm.yml');
    writeFileSync(configFile, 'branches: { development: dev }\n');
    const repo = openRepository(mirror, { hooksDir: join(sandbox.root, 'hooks') });
    effective = await loadEffectiveConfig(repo, configFile);
    status = await computeTrainStatus(repo, effective);
  });
  afterAll(() => {
    restoreEnv();
    sandbox.dispose();
  });

  it('is the replica DESIGN.md describes: about 10,500 commits on dev, staging and main', () => {
    expect(Number(git(['rev-list', '--count', '--all']))).toBeGreaterThan(10_000);
    expect(lines(['for-each-ref', '--format=%(refname:short)', 'refs/heads'])).toEqual(
      expect.arrayContaining(['dev', 'staging', 'main']),
    );
  });

  it('reads the lane heads from the branches', () => {
    expect(status.lanes.map((lane) => [lane.name, lane.branch, lane.ref])).toEqual([
      ['development', 'dev', 'refs/heads/dev'],
      ['staging', 'staging', 'refs/heads/staging'],
      ['main', 'main', 'refs/heads/main'],
    ]);
    for (const lane of status.lanes) {
      expect(lane.head).toEqual({
        sha: git(['rev-parse', lane.branch]),
        date: git(['log', '-1', '--format=%cI', lane.branch]),
        subject: git(['log', '-1', '--format=%s', lane.branch]),
        author: git(['log', '-1', '--format=%an', lane.branch]),
      });
    }
  });

  it('counts what waits in dev for staging, with the PRs of its subjects', () => {
    const pair = status.pairs.find((candidate) => candidate.from === 'development');
    expect(pair).toBeDefined();
    expect(pair?.ahead).toBe(Number(git(['rev-list', '--count', 'staging..dev'])));
    expect(pair?.behind).toBe(Number(git(['rev-list', '--count', 'dev..staging'])));
    expect(pair?.ahead).toBeGreaterThan(0);
    expect(pair?.commits).toEqual(lines(['rev-list', 'staging..dev']));
    expect(pair?.commits.every((sha) => /^[0-9a-f]{40}$/.test(sha))).toBe(true);
    const prs = prsOf(lines(['log', '--format=%s', 'staging..dev']));
    expect(prs.length).toBeGreaterThan(0);
    expect(pair?.prs).toEqual(prs);
  });

  it('counts staging against main, and warns that staging is behind main', () => {
    const pair = status.pairs.find((candidate) => candidate.from === 'staging');
    const behind = Number(git(['rev-list', '--count', 'staging..main']));
    expect(pair?.ahead).toBe(Number(git(['rev-list', '--count', 'main..staging'])));
    expect(pair?.behind).toBe(behind);
    expect(behind).toBeGreaterThan(0);
    expect(status.laneWarnings.staging).toContain(
      `staging is ${behind} commits behind main: main has changes staging does not. Merge main back into staging.`,
    );
  });

  it('finds the same back-merge debt as git’s cherry-mark plus the PR numbers in dev', () => {
    const prsInDev = new Set(prsOf(lines(['log', '--format=%s', 'dev'])));
    for (const lane of ['staging', 'main'] as const) {
      const missing = lines([
        'log',
        '--no-merges',
        '--cherry-mark',
        '--right-only',
        '--format=%m %H %s',
        `dev...${lane}`,
      ])
        .filter((line) => !line.startsWith('='))
        .filter((line) => {
          const [pr] = prsOf([line.split(' ').slice(2).join(' ')]);
          return pr === undefined || !prsInDev.has(pr);
        })
        .map((line) => line.split(' ')[1]);
      expect(status.backMerge.find((debt) => debt.lane === lane)?.commits).toEqual(missing);
    }
  });

  it('takes 2026.2.0 as the last release, which is not in main: 2026.1.3 is the newest tag main has', () => {
    expect(status.tagFormat).toEqual({ scheme: 'calver', prefix: '' });
    expect(status.lastRelease).toEqual({
      tag: '2026.2.0',
      sha: git(['rev-parse', '2026.2.0^{commit}']),
      version: '2026.2.0',
      isAncestor: false,
      unreleasedCommits: Number(git(['rev-list', '--count', '2026.2.0..main'])),
      newestAncestorTag: '2026.1.3',
    });
    expect(() => git(['merge-base', '--is-ancestor', '2026.2.0', 'main'])).toThrow();
    git(['merge-base', '--is-ancestor', '2026.1.3', 'main']);
    expect(status.laneWarnings.main.some((warning) => warning.startsWith('The newest release tag 2026.2.0 '))).toBe(
      true,
    );
    expect(
      status.laneWarnings.main.some((warning) => warning.includes('The newest release in its history is 2026.1.3.')),
    ).toBe(true);
  });

  it('ignores the osm-fieldwork-* and area-splitter-* tag families, as commitizen does', () => {
    expect(lines(['tag', '--list', 'osm-fieldwork-*']).length).toBeGreaterThan(0);
    expect(lines(['tag', '--list', 'area-splitter-*']).length).toBeGreaterThan(0);
    expect(effective.ignoredTagFormats).toEqual(['osm-fieldwork-$version', 'area-splitter-$version']);
    expect(status.lastRelease?.tag).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(status.lastRelease?.newestAncestorTag).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(status.warnings.filter((warning) => /osm-fieldwork|area-splitter/.test(warning))).toEqual([]);
  });

  it('reads the three version files from commitizen: 2026.1.3, which does not match the tag', () => {
    expect(effective.sources.commitizen).toBe('src/backend/pyproject.toml');
    expect(status.versionFiles).toEqual(
      VERSION_FILES.map((path) => ({ path, version: '2026.1.3', matchesTag: false })),
    );
    expect(git(['show', 'main:src/backend/app/__version__.py'])).toContain('2026.1.3');
    for (const path of VERSION_FILES) {
      expect(status.laneWarnings.main).toContain(`${path} says 2026.1.3, but the last release tag is 2026.2.0.`);
    }
  });
});
