import { describe, expect, it } from 'vitest';
import { describeConfigIssues, projectConfigSchema, type ProjectConfig } from './project-config';

const DEFAULTS: ProjectConfig = {
  branches: { development: 'development', staging: 'staging', main: 'main' },
  versioning: { scheme: 'auto', tagPrefix: 'auto', ignoredTagFormats: [] },
  versionFiles: [],
  notes: { categories: [], exclude: { labels: [], authors: [] } },
  deployments: {},
  freeze: { mode: 'branch', method: 'merge' },
  demos: { mode: 'ssh', expiryDays: 14 },
};

const issuesOf = (raw: unknown): string[] => {
  const parsed = projectConfigSchema.safeParse(raw);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return describeConfigIssues(parsed.error);
};

describe('projectConfigSchema', () => {
  it('turns an empty file into the train of DESIGN.md', () => {
    expect(projectConfigSchema.parse({})).toEqual(DEFAULTS);
  });

  it('fills the fields a partial config leaves out', () => {
    const config = projectConfigSchema.parse({
      branches: { development: 'dev' },
      versioning: { scheme: 'calver' },
      notes: { categories: [{ title: 'Features' }] },
      demos: { urlTemplate: 'https://{name}.demo.example' },
    });
    expect(config.branches).toEqual({ development: 'dev', staging: 'staging', main: 'main' });
    expect(config.versioning).toEqual({ scheme: 'calver', tagPrefix: 'auto', ignoredTagFormats: [] });
    expect(config.notes.categories).toEqual([{ title: 'Features', labels: [], types: [] }]);
    expect(config.demos).toEqual({ mode: 'ssh', urlTemplate: 'https://{name}.demo.example', expiryDays: 14 });
  });

  it('keeps a full config as given', () => {
    const full: ProjectConfig = {
      branches: { development: 'dev', staging: 'stage', main: 'prod' },
      versioning: { scheme: 'semver', tagPrefix: 'v', ignoredTagFormats: ['osm-fieldwork-$version'] },
      versionFiles: ['chart/Chart.yaml:appVersion'],
      notes: {
        categories: [{ title: 'Fixes', labels: ['bug'], types: ['fix'] }],
        exclude: { labels: ['skip-changelog'], authors: ['dependabot'] },
      },
      deployments: { staging: { workflow: 'deploy.yml', environment: 'stage' } },
      freeze: { mode: 'direct', method: 'squash' },
      demos: { mode: 'ssh', script: 'scripts/demo.sh', expiryDays: 30 },
    };
    expect(projectConfigSchema.parse(full)).toEqual(full);
  });
});

describe('describeConfigIssues', () => {
  it('names the field and the allowed values of a bad choice', () => {
    expect(issuesOf({ versioning: { scheme: 'calvar' } })).toEqual([
      'versioning.scheme: expected one of "auto", "calver", "semver"',
    ]);
  });

  it('names unknown fields at the top level and inside a section', () => {
    expect(issuesOf({ brnaches: { development: 'dev' } })).toEqual(['(top level): unknown field(s) "brnaches"']);
    expect(issuesOf({ branches: { dev: 'x', prod: 'y' } })).toEqual(['branches: unknown field(s) "dev", "prod"']);
    expect(issuesOf({ notes: { categories: [{ title: 'A', label: ['x'] }] } })).toEqual([
      'notes.categories.0: unknown field(s) "label"',
    ]);
  });

  it('refuses a branch name that git would refuse, or that starts with "-", naming the field', () => {
    expect(issuesOf({ branches: { staging: '-x' } })).toEqual([
      'branches.staging: "-x" is not a valid ref name: it cannot start with "-".',
    ]);
    expect(issuesOf({ branches: { development: 'dev..main' } })).toEqual([
      'branches.development: "dev..main" is not a valid ref name: it cannot contain "..".',
    ]);
  });

  it('names the field of a wrong type or an out-of-range number', () => {
    expect(issuesOf({ versionFiles: 'VERSION' })[0]).toMatch(/^versionFiles: .*expected array/);
    expect(issuesOf({ demos: { expiryDays: 0 } })[0]).toMatch(/^demos\.expiryDays: /);
    expect(issuesOf({ demos: { expiryDays: 91 } })[0]).toMatch(/^demos\.expiryDays: /);
    expect(issuesOf({ deployments: { staging: {} } })[0]).toMatch(/^deployments\.staging\.workflow: /);
    expect(issuesOf([])[0]).toMatch(/^\(top level\): .*expected object/);
  });

  it('lists every problem, one line each', () => {
    // An empty branch name is both too short and not a ref name: two lines for that field.
    const issues = issuesOf({ versioning: { scheme: 'x' }, branches: { main: '' }, extra: 1 });
    expect(issues.map((line) => line.split(':')[0]).sort()).toEqual(
      ['(top level)', 'branches.main', 'branches.main', 'versioning.scheme'].sort(),
    );
  });
});
