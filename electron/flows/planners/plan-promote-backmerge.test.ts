import { describe, expect, it } from 'vitest';
import { planBackmerge } from './plan-backmerge';
import { planPromote } from './plan-promote';
import { literalFacts, SHA } from './testing/literal-facts';

describe('planPromote', () => {
  it('opens staging → main with the notes draft, merges with a merge commit, and watches production', () => {
    const plan = planPromote(literalFacts({ mergeMethod: 'squash' }));
    expect(plan.steps.map((step) => step.id)).toEqual(['lock', 'pr', 'wait', 'merge', 'deploy', 'unlock']);
    const pr = plan.steps[1]?.step;
    if (pr?.kind !== 'open-pr' || typeof pr.body !== 'string') throw new Error('expected an open-pr step');
    expect(pr).toMatchObject({ head: 'staging', base: 'main', title: 'Release 2026.11.0: staging → main' });
    expect(pr.body).toContain('## Features\n* Leaderboard (#14)');
    expect(pr.body).toContain(SHA.staging);
    // A squash would give main commits that staging never had.
    expect(plan.steps[3]?.step).toMatchObject({ kind: 'merge-pr', method: 'merge' });
    expect(plan.steps[4]?.step).toMatchObject({ workflow: 'deploy-production.yml', branch: 'main', event: 'push' });
    expect(plan.choices).toEqual({ version: '2026.11.0', sha: SHA.staging });
  });

  it('takes the notes as the user edited them', () => {
    const plan = planPromote(literalFacts(), { notes: 'Edited by hand.' });
    const pr = plan.steps[1]?.step;
    expect(pr?.kind === 'open-pr' && typeof pr.body === 'string' && pr.body.endsWith('Edited by hand.')).toBe(true);
  });

  it('needs staging and main to exist', () => {
    expect(() => planPromote(literalFacts({ heads: { main: null } }))).toThrow(/The main branch "main" does not exist/);
  });
});

describe('planBackmerge', () => {
  it('opens a PR from the lane into development listing the debt, and merges it with a merge commit', () => {
    const plan = planBackmerge(literalFacts({ mergeMethod: 'squash' }), { from: 'staging' });
    expect(plan.steps.map((step) => step.step.kind)).toEqual([
      'acquire-lock',
      'open-pr',
      'wait-pr',
      'merge-pr',
      'release-lock',
    ]);
    const pr = plan.steps[1]?.step;
    if (pr?.kind !== 'open-pr' || typeof pr.body !== 'string') throw new Error('expected an open-pr step');
    expect(pr).toMatchObject({ head: 'staging', base: 'development', title: 'Back-merge staging into development' });
    expect(pr.body).toContain('1 hotfix on staging is not in development');
    expect(pr.body).toContain('- 5555555 fix(submissions): ignore duplicate submissions from one device (#17)');
    expect(plan.steps[3]?.step).toMatchObject({ method: 'merge' });
    expect(plan.steps[3]?.title).toBe('Merge PR #<pr.number> into development (merge)');
    expect(plan.choices).toEqual({ from: 'staging', sha: SHA.staging });
  });

  it('from main, where there is no debt, still says so in the body', () => {
    const plan = planBackmerge(literalFacts(), { from: 'main' });
    const pr = plan.steps[1]?.step;
    expect(pr?.kind === 'open-pr' && pr.body).toContain('main has nothing that development lacks.');
  });

  it('refuses a lane that is not staging or main', () => {
    expect(() => planBackmerge(literalFacts(), { from: 'development' as 'main' })).toThrow(
      /comes from staging or main/,
    );
  });
});
