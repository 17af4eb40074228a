import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { planHotfix } from './plan-hotfix';
import { literalFacts, SHA } from './testing/literal-facts';

const REPO = '/repos/hotosm/tasking-manager';

function stepOf(plan: ReturnType<typeof planHotfix>, id: string) {
  const found = plan.steps.find((step) => step.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

describe('planHotfix', () => {
  it('branches hotfix/<name> from staging’s head, cherry-picks with -x, and PRs into staging', () => {
    const plan = planHotfix(literalFacts(), { name: 'export-crash', from: 'staging', shas: [SHA.fix, SHA.fix2] });
    expect(plan.steps.map((step) => step.id)).toEqual([
      'lock',
      'branch',
      'cherry-pick',
      'pr',
      'wait',
      'merge',
      'deploy',
      'unlock',
    ]);
    expect(stepOf(plan, 'branch').step).toEqual({
      kind: 'create-branch',
      branch: 'hotfix/export-crash',
      sha: SHA.staging,
    });
    expect(stepOf(plan, 'branch').effects).toContain(
      `POST ${REPO}/git/refs {"ref":"refs/heads/hotfix/export-crash","sha":"${SHA.staging}"}`,
    );
    expect(stepOf(plan, 'cherry-pick').effects).toEqual([
      'git fetch origin -- refs/heads/hotfix/export-crash',
      'git switch --detach origin/hotfix/export-crash',
      `git cherry-pick -x ${SHA.fix}`,
      `git cherry-pick -x ${SHA.fix2}`,
      'git push origin HEAD:refs/heads/hotfix/export-crash',
    ]);
    expect(stepOf(plan, 'pr').step).toMatchObject({ head: 'hotfix/export-crash', base: 'staging' });
    expect(stepOf(plan, 'deploy').step).toMatchObject({ workflow: 'deploy-staging.yml', branch: 'staging' });
    expect(plan.choices).toEqual({
      name: 'export-crash',
      from: 'staging',
      branch: 'hotfix/export-crash',
      shas: `${SHA.fix},${SHA.fix2}`,
    });
  });

  it('goes into main from main’s head, and watches the production deploy', () => {
    const plan = planHotfix(literalFacts(), { name: 'x1', from: 'main' });
    expect(stepOf(plan, 'branch').step).toMatchObject({ sha: SHA.main });
    expect(stepOf(plan, 'pr').step).toMatchObject({ base: 'main' });
    expect(stepOf(plan, 'merge').title).toBe('Merge PR #<pr.number> into main (merge)');
    expect(stepOf(plan, 'deploy').step).toMatchObject({ workflow: 'deploy-production.yml', branch: 'main' });
  });

  it('without commits to cherry-pick, waits for the user’s own push before the PR', () => {
    const plan = planHotfix(literalFacts(), { name: 'manual', from: 'staging' });
    expect(plan.steps.map((step) => step.id)).toEqual([
      'lock',
      'branch',
      'wait-fix',
      'pr',
      'wait',
      'merge',
      'deploy',
      'unlock',
    ]);
    expect(plan.steps.some((step) => step.step.kind === 'cherry-pick')).toBe(false);
    const waitFix = stepOf(plan, 'wait-fix');
    expect(waitFix.step).toEqual({ kind: 'wait-commits', branch: 'hotfix/manual', base: 'staging' });
    expect(waitFix.title).toBe('Wait for your fix on hotfix/manual (push it to origin)');
    expect(waitFix.effects).toEqual([
      `GET ${REPO}/compare/staging...hotfix/manual (until your push gives hotfix/manual commits that staging lacks)`,
    ]);
    expect(waitFix.destructive).toBe(false);
    expect(stepOf(plan, 'pr').title).toBe('Open the hotfix PR hotfix/manual → staging');
  });

  it('with commits to cherry-pick, does not wait for a push', () => {
    const plan = planHotfix(literalFacts(), { name: 'picked', from: 'main', shas: [SHA.fix] });
    expect(plan.steps.some((step) => step.step.kind === 'wait-commits')).toBe(false);
    expect(stepOf(plan, 'pr').title).toBe('Open the hotfix PR hotfix/picked → main');
  });

  it('marks the merge destructive, not the push to its own hotfix branch', () => {
    const plan = planHotfix(literalFacts(), { name: 'a', from: 'staging', shas: [SHA.fix] });
    expect(plan.steps.filter((step) => step.destructive).map((step) => step.id)).toEqual(['merge']);
  });

  it.each([
    ['Export', 'upper case'],
    ['-rf', 'a leading dash'],
    ['a..b', 'dots'],
    ['a/b', 'a slash'],
    ['a b', 'a space'],
    ['', 'nothing'],
    ['x'.repeat(41), 'more than 40 characters'],
    ['fix~1', 'a tilde'],
  ])('refuses the name %j (%s) with what is allowed', (name) => {
    let caught: unknown;
    try {
      planHotfix(literalFacts(), { name, from: 'staging' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('INVALID_ARGUMENTS');
    expect((caught as AppError).message).toMatch(/use 1 to 40 lower-case letters, digits and dashes/);
  });

  it('accepts a 40-character name', () => {
    expect(planHotfix(literalFacts(), { name: 'a'.repeat(40), from: 'staging' }).choices.branch).toBe(
      `hotfix/${'a'.repeat(40)}`,
    );
  });

  it('refuses short or repeated shas and an unknown lane', () => {
    expect(() => planHotfix(literalFacts(), { name: 'a', from: 'staging', shas: ['abc'] })).toThrow(
      /not a full commit sha/,
    );
    expect(() => planHotfix(literalFacts(), { name: 'a', from: 'staging', shas: [SHA.fix, SHA.fix] })).toThrow(
      /chosen twice/,
    );
    expect(() => planHotfix(literalFacts(), { name: 'a', from: 'development' as 'staging' })).toThrow(
      /goes into staging or main/,
    );
  });
});
