import { describe, expect, it } from 'vitest';
import type { FlowPlan } from '../../../shared/domain/flows/flow-plan';
import { planFlow } from './plan-flow';
import { literalFacts, SHA } from './testing/literal-facts';
import type { FlowFacts } from './flow-facts';

const protectedMain = (): FlowFacts => {
  const facts = literalFacts();
  if (!facts.github) throw new Error('expected GitHub facts');
  return { ...facts, github: { ...facts.github, main: { ...facts.github.main, protectedBranch: true } } };
};

/** One plan of every flow and variant. */
function everyPlan(): FlowPlan[] {
  return [
    planFlow('freeze', literalFacts(), {}),
    planFlow('freeze', literalFacts({ freezeMode: 'direct' }), {}),
    planFlow('hotfix', literalFacts(), { name: 'fix', from: 'staging', shas: [SHA.fix] }),
    planFlow('hotfix', literalFacts(), { name: 'fix', from: 'main' }),
    planFlow('promote', literalFacts(), {}),
    planFlow('release', literalFacts(), { annotated: true }),
    planFlow('release', protectedMain(), {}),
    planFlow('backmerge', literalFacts(), { from: 'staging' }),
  ];
}

/**
 * Every git command a dry run prints, in the one shape each may have. Anything else (an extra flag,
 * a refspec with a leading sign, a push to a lane that is not the plan's own) fails here.
 */
const GIT_SHAPES = [
  /^git fetch origin -- refs\/heads\/[a-z0-9./-]+$/,
  /^git switch --detach origin\/[a-z0-9./-]+$/,
  /^git cherry-pick -x [0-9a-f]{40}$/,
  /^git commit -m "bump: version [0-9.]+ → [0-9.]+" -- [a-z./ ]+$/,
  /^git push origin HEAD:refs\/heads\/(hotfix\/[a-z0-9-]+|bump\/[0-9.]+|main)$/,
];

const API_SHAPE = /^(GET|POST|PUT|PATCH|DELETE) \/repos\/hotosm\/tasking-manager\//;

describe('plan effects', () => {
  it('print each git command in its one allowed shape, never forced', () => {
    for (const plan of everyPlan()) {
      for (const step of plan.steps) {
        for (const effect of step.effects.filter((line) => line.startsWith('git '))) {
          expect(
            GIT_SHAPES.some((shape) => shape.test(effect)),
            `${plan.flow}/${step.id}: ${effect}`,
          ).toBe(true);
        }
      }
    }
  });

  it('name a GitHub call, a local lock or a wait for approval for every other line, and give every step a title', () => {
    for (const plan of everyPlan()) {
      for (const step of plan.steps) {
        expect(step.title.length, `${plan.flow}/${step.id}`).toBeGreaterThan(0);
        expect(step.effects.length, `${plan.flow}/${step.id}`).toBeGreaterThan(0);
        for (const effect of step.effects.filter((line) => !line.startsWith('git '))) {
          expect(
            API_SHAPE.test(effect) || /lock file|^write |^wait for your approval: /.test(effect),
            `${plan.flow}/${step.id}: ${effect}`,
          ).toBe(true);
        }
      }
    }
  });

  it('take and give back the lock around every flow, and only refer to steps that come earlier', () => {
    for (const plan of everyPlan()) {
      expect(plan.steps[0]?.step.kind, plan.flow).toBe('acquire-lock');
      expect(plan.steps.at(-1)?.step.kind, plan.flow).toBe('release-lock');
      const seen = new Set<string>();
      for (const step of plan.steps) {
        for (const value of Object.values(step.step)) {
          if (typeof value === 'object' && value !== null && 'fromStep' in value) {
            expect(seen.has(value.fromStep), `${plan.flow}/${step.id} uses ${value.fromStep}`).toBe(true);
          }
        }
        seen.add(step.id);
      }
    }
  });

  it('lock and unlock with the lock ref', () => {
    const plan = planFlow('promote', literalFacts(), {});
    expect(plan.steps[0]?.effects).toContain(
      `POST /repos/hotosm/tasking-manager/git/refs {"ref":"refs/release-desk/lock","sha":"${SHA.staging}"}`,
    );
    expect(plan.steps.at(-1)?.effects).toContain('DELETE /repos/hotosm/tasking-manager/git/refs/release-desk/lock');
  });

  it('plan the same thing twice from the same facts (pure)', () => {
    expect(everyPlan()).toEqual(everyPlan());
  });
});
