import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { planFreeze } from './plan-freeze';
import { literalFacts, SHA } from './testing/literal-facts';

const REPO = '/repos/hotosm/tasking-manager';

function stepOf(plan: ReturnType<typeof planFreeze>, id: string) {
  const found = plan.steps.find((step) => step.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

function invalid(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_ARGUMENTS') return error;
    throw error;
  }
  throw new Error('expected INVALID_ARGUMENTS');
}

describe('planFreeze', () => {
  it('cuts release/<version> at development’s head and opens its PR into staging', () => {
    const plan = planFreeze(literalFacts());
    expect(plan).toMatchObject({
      flow: 'freeze',
      projectId: 'tm',
      repository: 'hotosm/tasking-manager',
      choices: { sha: SHA.development, version: '2026.11.0', method: 'merge', mode: 'branch' },
    });
    expect(plan.steps.map((step) => step.step.kind)).toEqual([
      'acquire-lock',
      'create-branch',
      'open-pr',
      'wait-pr',
      'merge-pr',
      'watch-workflow',
      'release-lock',
    ]);
    expect(stepOf(plan, 'branch').effects).toEqual([
      `GET ${REPO}/git/ref/heads/release/2026.11.0`,
      `POST ${REPO}/git/refs {"ref":"refs/heads/release/2026.11.0","sha":"${SHA.development}"}`,
    ]);
    expect(stepOf(plan, 'pr').step).toMatchObject({ kind: 'open-pr', head: 'release/2026.11.0', base: 'staging' });
    expect(stepOf(plan, 'pr').title).toBe('Open the freeze PR release/2026.11.0 → staging');
  });

  it('lists the included PRs in the PR body', () => {
    const step = stepOf(planFreeze(literalFacts()), 'pr').step;
    if (step.kind !== 'open-pr' || typeof step.body !== 'string') throw new Error('expected a body');
    expect(step.body).toContain('## Included PRs (5)');
    expect(step.body).toContain('- #22 Change 22\n- #21 Change 21');
    expect(step.body).toContain(SHA.development);
  });

  it('merges at the sha that was waited on and watches staging’s deploy of the merge', () => {
    const plan = planFreeze(literalFacts());
    expect(stepOf(plan, 'merge').step).toEqual({
      kind: 'merge-pr',
      pr: { fromStep: 'pr', output: 'number' },
      headSha: { fromStep: 'wait', output: 'headSha' },
      method: 'merge',
    });
    expect(stepOf(plan, 'merge').effects).toContain(
      `PUT ${REPO}/pulls/<pr.number>/merge {"merge_method":"merge","sha":"<wait.headSha>"}`,
    );
    expect(stepOf(plan, 'deploy').step).toEqual({
      kind: 'watch-workflow',
      workflow: 'deploy-staging.yml',
      branch: 'staging',
      sha: { fromStep: 'merge', output: 'sha' },
      event: 'push',
    });
  });

  it('marks only the merge as destructive', () => {
    const destructive = planFreeze(literalFacts())
      .steps.filter((step) => step.destructive)
      .map((step) => step.id);
    expect(destructive).toEqual(['merge']);
  });

  it('uses the configured merge method, and the user’s choice over it', () => {
    expect(stepOf(planFreeze(literalFacts({ mergeMethod: 'squash' })), 'merge').step).toMatchObject({
      method: 'squash',
    });
    expect(stepOf(planFreeze(literalFacts(), { method: 'rebase' }), 'merge').step).toMatchObject({ method: 'rebase' });
  });

  it('with freeze.mode: direct opens the PR from development itself and cuts no branch', () => {
    const plan = planFreeze(literalFacts({ freezeMode: 'direct' }));
    expect(plan.steps.map((step) => step.id)).toEqual(['lock', 'pr', 'wait', 'merge', 'deploy', 'unlock']);
    expect(stepOf(plan, 'pr').step).toMatchObject({ head: 'development', base: 'staging' });
    expect(plan.choices.mode).toBe('direct');
  });

  it('with freeze.mode: direct refuses a commit other than development’s head', () => {
    const facts = literalFacts({ freezeMode: 'direct', freeze: { sha: SHA.older } });
    expect(invalid(() => planFreeze(facts, { sha: SHA.older })).message).toMatch(/only its head ddddddd can be frozen/);
  });

  it('freezes a chosen earlier commit when the facts were gathered for it', () => {
    const plan = planFreeze(literalFacts({ freeze: { sha: SHA.older } }), { sha: SHA.older.toUpperCase() });
    expect(stepOf(plan, 'branch').step).toEqual({ kind: 'create-branch', branch: 'release/2026.11.0', sha: SHA.older });
    expect(plan.choices.sha).toBe(SHA.older);
  });

  it('refuses a commit the facts were not gathered for, and a short sha', () => {
    expect(invalid(() => planFreeze(literalFacts(), { sha: SHA.older })).message).toMatch(/Gather them again/);
    expect(invalid(() => planFreeze(literalFacts(), { sha: 'abc1234' })).message).toMatch(
      /not a full commit sha \(40 hexadecimal characters\)/,
    );
  });

  it('names the branch for a version chosen by hand', () => {
    const plan = planFreeze(literalFacts(), { version: '2026.12.0' });
    expect(stepOf(plan, 'branch').step).toMatchObject({ branch: 'release/2026.12.0' });
    expect(plan.choices.version).toBe('2026.12.0');
  });

  it('refuses a version that is not CalVer, is not newer, or is already tagged', () => {
    expect(invalid(() => planFreeze(literalFacts(), { version: '1.2.3' })).message).toMatch(
      /not a CalVer YYYY.N.P version/,
    );
    expect(invalid(() => planFreeze(literalFacts(), { version: 'release/../x' })).message).toMatch(/not a CalVer/);
    expect(invalid(() => planFreeze(literalFacts(), { version: '2026.9.0' })).message).toMatch(/is not newer than/);
    const tagged = literalFacts({ tags: { 'v2026.10.1': SHA.main, 'v2026.12.0': SHA.older } });
    expect(invalid(() => planFreeze(tagged, { version: '2026.12.0' })).message).toMatch(
      /The tag v2026.12.0 already exists/,
    );
  });

  it('leaves the deploy watch out when staging has no deploy workflow', () => {
    const plan = planFreeze({ ...literalFacts(), deployWorkflows: {} });
    expect(plan.steps.some((step) => step.step.kind === 'watch-workflow')).toBe(false);
  });

  it('says which branch is missing when development does not exist', () => {
    const facts = literalFacts({ heads: { development: null }, freeze: { sha: null } });
    expect(() => planFreeze(facts)).toThrow(/The development branch "development" does not exist/);
  });
});
