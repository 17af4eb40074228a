import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { openRepository } from '../git/git-repository';
import { createTrainRepo, type TrainRepo } from '../testing/train-repo';
import { CONFIG_FILE_NAME, loadEffectiveConfig, parseProjectConfig } from './config-loader';

const PYPROJECT = `[project]
name = "field-tm"
version = "2026.1.3"

[tool.commitizen]
name = "cz_conventional_commits"
version = "2026.1.3"
version_provider = "uv"
version_files = [
    "pyproject.toml:version",
    "app/__version__.py",
    "../../chart/Chart.yaml:appVersion",
    "../../../outside.txt",
]
ignored_tag_formats = ["osm-fieldwork-$version", "area-splitter-$version"]
`;

const errorOf = async (work: Promise<unknown>): Promise<AppError> => {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('parseProjectConfig', () => {
  it('names the line of a YAML error', () => {
    const error = (() => {
      try {
        parseProjectConfig('branches:\n  development: dev\n\tstaging: stage\n', 'team.yml');
      } catch (caught) {
        return caught as AppError;
      }
      throw new Error('expected a YAML error');
    })();
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('team.yml is not valid YAML at line 3. Fix the file and try again.');
    expect(error.detail).toMatch(/line 3/);
  });

  it('names the field and the allowed values of a bad choice', () => {
    expect(() => parseProjectConfig('versioning:\n  scheme: calvar\n', 'team.yml')).toThrow(
      'team.yml has an invalid field:\n  - versioning.scheme: expected one of "auto", "calver", "semver"',
    );
  });

  it('lists several bad fields', () => {
    let message = '';
    try {
      parseProjectConfig('brnaches: {}\ndemos:\n  expiryDays: 0\n', 'team.yml');
    } catch (error) {
      message = (error as Error).message;
    }
    const [head, ...lines] = message.split('\n');
    expect(head).toBe('team.yml has invalid fields:');
    expect(lines).toHaveLength(2);
    expect(lines).toContain('  - (top level): unknown field(s) "brnaches"');
    expect(lines.some((line) => line.startsWith('  - demos.expiryDays: '))).toBe(true);
  });

  it('reads an empty file (or one with only comments) as the defaults', () => {
    expect(parseProjectConfig('', 'x').branches).toEqual({
      development: 'development',
      staging: 'staging',
      main: 'main',
    });
    expect(parseProjectConfig('# nothing yet\n', 'x').versioning.scheme).toBe('auto');
  });
});

describe('loadEffectiveConfig (real git)', () => {
  let train: TrainRepo;
  let restoreEnv: () => void;
  const open = (dir = train.dir) => openRepository(dir, { hooksDir: join(train.sandbox.root, 'hooks') });

  beforeEach(() => {
    train = createTrainRepo();
    restoreEnv = train.sandbox.activate();
  });
  afterEach(() => {
    restoreEnv();
    train.dispose();
  });

  it('uses the defaults when the repository has no config and no commitizen', async () => {
    const effective = await loadEffectiveConfig(open());
    expect(effective.config.branches).toEqual({ development: 'development', staging: 'staging', main: 'main' });
    expect(effective.versionFiles).toEqual([]);
    expect(effective.ignoredTagFormats).toEqual([]);
    expect(effective.sources).toEqual({ file: null, commitizen: null });
  });

  it('reads .release-desk.yml from the repository', async () => {
    train.writeFiles(
      'main',
      { [CONFIG_FILE_NAME]: 'branches:\n  development: dev\nversionFiles: [VERSION]\n' },
      'chore: config',
    );
    const effective = await loadEffectiveConfig(open());
    expect(effective.config.branches.development).toBe('dev');
    expect(effective.versionFiles).toEqual([{ path: 'VERSION', pattern: null }]);
    expect(effective.sources.file).toBe(CONFIG_FILE_NAME);
  });

  it('refuses an invalid field in the repository file, naming the field and the allowed values', async () => {
    train.writeFiles('main', { [CONFIG_FILE_NAME]: 'versioning:\n  scheme: calvar\n' }, 'chore: config');
    const error = await errorOf(loadEffectiveConfig(open()));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('.release-desk.yml has an invalid field');
    expect(error.message).toContain('versioning.scheme: expected one of "auto", "calver", "semver"');
  });

  it('lets --config FILE replace the repository file, even a broken one', async () => {
    train.writeFiles('main', { [CONFIG_FILE_NAME]: 'branches:\n  development: develop\nbogus: 1\n' }, 'chore: config');
    const outside = join(train.sandbox.root, 'team-config.yml');
    writeFileSync(outside, 'branches:\n  development: dev\n  staging: stage\n');
    const effective = await loadEffectiveConfig(open(), outside);
    expect(effective.config.branches).toEqual({ development: 'dev', staging: 'stage', main: 'main' });
    expect(effective.sources.file).toBe(outside);
  });

  it('names a --config file it cannot read, and one that is invalid', async () => {
    const missing = join(train.sandbox.root, 'nope.yml');
    const notFound = await errorOf(loadEffectiveConfig(open(), missing));
    expect(notFound.code).toBe('NOT_FOUND');
    expect(notFound.message).toBe(`The config file "${missing}" could not be read. Check the path.`);

    const bad = join(train.sandbox.root, 'bad.yml');
    writeFileSync(bad, 'versioning:\n  scheme: calvar\n');
    const invalid = await errorOf(loadEffectiveConfig(open(), bad));
    expect(invalid.code).toBe('CONFIG_INVALID');
    expect(invalid.message).toContain(`${bad} has an invalid field`);
    expect(invalid.message).toContain('versioning.scheme');
  });

  it('reads commitizen version_files relative to the pyproject.toml, and its ignored_tag_formats', async () => {
    train.writeFiles(
      'main',
      {
        // A root pyproject without [tool.commitizen] is passed over for the one that has it.
        'pyproject.toml': '[project]\nname = "workspace"\n',
        'src/backend/pyproject.toml': PYPROJECT,
      },
      'chore: commitizen',
    );
    const effective = await loadEffectiveConfig(open());
    expect(effective.versionFiles).toEqual([
      { path: 'src/backend/pyproject.toml', pattern: 'version' },
      { path: 'src/backend/app/__version__.py', pattern: null },
      { path: 'chart/Chart.yaml', pattern: 'appVersion' },
    ]);
    expect(effective.ignoredTagFormats).toEqual(['osm-fieldwork-$version', 'area-splitter-$version']);
    expect(effective.commitizen).toMatchObject({ file: 'src/backend/pyproject.toml', version: '2026.1.3' });
    expect(effective.sources).toEqual({ file: null, commitizen: 'src/backend/pyproject.toml' });
  });

  it('prefers the config’s versionFiles over commitizen’s, and merges the ignored tag formats', async () => {
    train.writeFiles(
      'main',
      {
        'src/backend/pyproject.toml': PYPROJECT,
        [CONFIG_FILE_NAME]:
          'versionFiles: ["VERSION", "chart/Chart.yaml:appVersion"]\n' +
          'versioning:\n  ignoredTagFormats: ["legacy-$version", "osm-fieldwork-$version"]\n',
      },
      'chore: both',
    );
    const effective = await loadEffectiveConfig(open());
    expect(effective.versionFiles).toEqual([
      { path: 'VERSION', pattern: null },
      { path: 'chart/Chart.yaml', pattern: 'appVersion' },
    ]);
    expect(effective.ignoredTagFormats).toEqual([
      'legacy-$version',
      'osm-fieldwork-$version',
      'area-splitter-$version',
    ]);
  });

  it('reads commitizen from the main branch, where versions are compared, not from the checked-out branch', async () => {
    train.writeFiles(
      'main',
      { 'pyproject.toml': '[tool.commitizen]\nversion_files = ["MAIN_VERSION"]\n' },
      'chore: cz',
    );
    train.writeFiles(
      'development',
      { 'pyproject.toml': '[tool.commitizen]\nversion_files = ["DEV_VERSION"]\n' },
      'chore: cz',
    );
    train.checkout('development');
    const effective = await loadEffectiveConfig(open());
    expect(effective.versionFiles).toEqual([{ path: 'MAIN_VERSION', pattern: null }]);
  });

  it('reads the config of a bare repository whose HEAD names a branch that does not exist', async () => {
    train.writeFiles('main', { [CONFIG_FILE_NAME]: 'branches:\n  development: dev\n' }, 'chore: config');
    const bare = train.mirror();
    train.git(['symbolic-ref', 'HEAD', 'refs/heads/master'], bare);
    expect(() => train.git(['rev-parse', '--verify', 'HEAD'], bare)).toThrow();

    const effective = await loadEffectiveConfig(open(bare));
    expect(effective.config.branches.development).toBe('dev');
    expect(effective.sources.file).toBe(CONFIG_FILE_NAME);
  });
});
