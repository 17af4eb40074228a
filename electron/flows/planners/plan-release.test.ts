import { describe, expect, it } from 'vitest';
import { bumpRoute, pinCompareLink, planRelease } from './plan-release';
import { literalFacts, SHA } from './testing/literal-facts';
import type { FlowFacts } from './flow-facts';

const REPO = '/repos/hotosm/tasking-manager';

function stepOf(plan: ReturnType<typeof planRelease>, id: string) {
  const found = plan.steps.find((step) => step.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

function withMain(main: Partial<NonNullable<FlowFacts['github']>['main']>): FlowFacts {
  const facts = literalFacts();
  if (!facts.github) throw new Error('expected GitHub facts');
  return { ...facts, github: { ...facts.github, main: { ...facts.github.main, ...main } } };
}

describe('planRelease on an unprotected main', () => {
  const plan = planRelease(literalFacts());

  it('bumps directly, tags the bump commit, drafts, publishes, watches the release and opens the back-merge', () => {
    expect(plan.steps.map((step) => step.id)).toEqual([
      'lock',
      'bump',
      'tag',
      'release',
      'review',
      'publish',
      'release-workflow',
      'backmerge-pr',
      'unlock',
    ]);
    expect(stepOf(plan, 'bump').step).toEqual({
      kind: 'bump-version',
      version: '2026.11.0',
      files: ['frontend/package.json', 'backend/pyproject.toml'],
      branch: 'main',
      via: 'direct',
    });
    expect(stepOf(plan, 'bump').effects).toContain('git push origin HEAD:refs/heads/main');
    expect(stepOf(plan, 'bump').effects).toContain(
      'git commit -m "bump: version 2026.10.1 → 2026.11.0" -- frontend/package.json backend/pyproject.toml',
    );
    expect(stepOf(plan, 'tag').step).toEqual({
      kind: 'create-tag',
      tag: 'v2026.11.0',
      sha: { fromStep: 'bump', output: 'sha' },
      annotated: false,
      message: 'Release 2026.11.0',
    });
    expect(stepOf(plan, 'tag').effects).toContain(
      `POST ${REPO}/git/refs {"ref":"refs/tags/v2026.11.0","sha":"<bump.sha>"}`,
    );
    expect(stepOf(plan, 'release').step).toMatchObject({
      kind: 'create-release',
      tag: 'v2026.11.0',
      body: '## Features\n* Leaderboard (#14)\n',
    });
    expect(stepOf(plan, 'release-workflow').step).toEqual({
      kind: 'watch-workflow',
      workflow: 'release.yml',
      branch: 'v2026.11.0',
      sha: { fromStep: 'bump', output: 'sha' },
      event: 'release',
    });
    expect(stepOf(plan, 'backmerge-pr').step).toMatchObject({ head: 'main', base: 'development' });
    expect(plan.choices).toEqual({
      version: '2026.11.0',
      tag: 'v2026.11.0',
      annotated: 'false',
      via: 'direct',
      sha: SHA.main,
    });
  });

  it('marks the direct bump, the tag and the publish as destructive, and not the draft', () => {
    expect(plan.steps.filter((step) => step.destructive).map((step) => step.id)).toEqual(['bump', 'tag', 'publish']);
  });
});

describe('planRelease on a protected main', () => {
  it('bumps on bump/<version> through a PR and tags the merged sha', () => {
    const plan = planRelease(withMain({ protectedBranch: true, requiredChecks: ['ci'], requiredApprovals: 1 }));
    expect(plan.steps.map((step) => step.id)).toEqual([
      'lock',
      'bump',
      'bump-pr',
      'bump-wait',
      'bump-merge',
      'tag',
      'release',
      'review',
      'publish',
      'release-workflow',
      'backmerge-pr',
      'unlock',
    ]);
    expect(stepOf(plan, 'bump').step).toMatchObject({ via: 'pr', branch: 'main' });
    expect(stepOf(plan, 'bump').effects).toContain('git push origin HEAD:refs/heads/bump/2026.11.0');
    expect(stepOf(plan, 'bump').destructive).toBe(false);
    expect(stepOf(plan, 'bump-pr').step).toMatchObject({ head: 'bump/2026.11.0', base: 'main' });
    expect(stepOf(plan, 'tag').step).toMatchObject({ sha: { fromStep: 'bump-merge', output: 'sha' } });
    expect(stepOf(plan, 'release').step).toMatchObject({ sha: { fromStep: 'bump-merge', output: 'sha' } });
    expect(plan.steps.filter((step) => step.destructive).map((step) => step.id)).toEqual([
      'bump-merge',
      'tag',
      'publish',
    ]);
  });

  it('goes through a PR for required checks alone, approvals alone, unreadable protection, or no GitHub', () => {
    expect(bumpRoute(withMain({ requiredChecks: ['ci'] }))).toBe('pr');
    expect(bumpRoute(withMain({ requiredApprovals: 1 }))).toBe('pr');
    expect(bumpRoute(withMain({ complete: false }))).toBe('pr');
    expect(bumpRoute(literalFacts({ github: null }))).toBe('pr');
    expect(bumpRoute(literalFacts())).toBe('direct');
  });
});

describe('planRelease choices', () => {
  it('makes an annotated tag: a tag object, then its ref', () => {
    const tag = stepOf(planRelease(literalFacts(), { annotated: true }), 'tag');
    expect(tag.step).toMatchObject({ annotated: true });
    expect(tag.effects).toEqual([
      `GET ${REPO}/git/ref/tags/v2026.11.0`,
      `POST ${REPO}/git/tags {"tag":"v2026.11.0","message":"Release 2026.11.0","object":"<bump.sha>","type":"commit"}`,
      `POST ${REPO}/git/refs {"ref":"refs/tags/v2026.11.0","sha":"<tag object sha>"}`,
    ]);
  });

  it('takes a version and notes chosen by hand', () => {
    const plan = planRelease(literalFacts(), { version: 'v2026.10.2', notes: 'Hand-written.' });
    expect(stepOf(plan, 'release').step).toMatchObject({ tag: 'v2026.10.2', body: 'Hand-written.' });
    expect(stepOf(plan, 'publish').title).toBe('Publish the release v2026.10.2');
  });

  it('refuses a taken tag, an older version and a non-version', () => {
    expect(() => planRelease(literalFacts(), { version: '2026.10.1' })).toThrow(/The tag v2026.10.1 already exists/);
    expect(() => planRelease(literalFacts(), { version: '2026.10.0' })).toThrow(/already exists|not newer/);
    expect(() => planRelease(literalFacts(), { version: '2026.9.5' })).toThrow(
      /not newer than the current release 2026.10.1/,
    );
    expect(() => planRelease(literalFacts(), { version: 'latest' })).toThrow(/not a CalVer YYYY.N.P version/);
  });

  it('leaves the release watch out when no workflow runs on a release', () => {
    const plan = planRelease(literalFacts({ releaseWorkflow: null }));
    expect(plan.steps.some((step) => step.id === 'release-workflow')).toBe(false);
  });

  it('refuses to plan without version files', () => {
    expect(() => planRelease(literalFacts({ release: { versionFiles: [] } }))).toThrow(
      /No version files are configured/,
    );
  });
});

describe('pinCompareLink', () => {
  it('points the Full Changelog link at the new tag, not the moving branch', () => {
    const notes = [
      '## Fixes',
      '* Fix login (https://github.com/o/r/pull/4)',
      '',
      '**Full Changelog**: https://github.com/o/r/compare/v2026.10.1...main',
      '',
    ].join('\n');
    expect(pinCompareLink(notes, 'main', 'v2026.11.0')).toBe(
      notes.replace('compare/v2026.10.1...main', 'compare/v2026.10.1...v2026.11.0'),
    );
  });

  it('leaves other links, and branches that merely start with the name, alone', () => {
    const notes = 'See https://github.com/o/r/compare/v1...main-next and https://github.com/o/r/tree/main\n';
    expect(pinCompareLink(notes, 'main', 'v2')).toBe(notes);
    expect(pinCompareLink('[diff](https://x.test/compare/a...main)', 'main', 'v2')).toBe(
      '[diff](https://x.test/compare/a...v2)',
    );
  });
});
