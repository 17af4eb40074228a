import type { FlowPlan, PlannedStep } from '../../../shared/domain/flows/flow-plan';
import type { FlowFacts } from './flow-facts';
import { planOf, requireHead, targetOf, waitMergeAndDeploy } from './plan-common';
import { acquireLockStep, openPrStep, releaseLockStep } from './planned-steps';

/** What the user chooses for a promote. */
export interface PromoteChoices {
  /** The PR body; the notes draft by default. */
  notes?: string;
}

/**
 * Plans a promote (staging → main): a PR with the notes draft in its body, wait, merge with a merge
 * commit (a squash would give main commits staging never had, and every later promote would conflict),
 * and watch the production deploy.
 */
export function planPromote(facts: FlowFacts, choices: PromoteChoices = {}): FlowPlan {
  const target = targetOf(facts);
  const stagingHead = requireHead(facts, 'staging');
  requireHead(facts, 'main');
  const staging = facts.branches.staging;
  const main = facts.branches.main;
  const version = facts.promote.version.next;
  const notes = choices.notes?.trim() ? choices.notes : facts.promote.notes;
  const body = [`Promotes ${staging} (${stagingHead}) to ${main} for ${version}.`, '', notes].join('\n');

  const steps: PlannedStep[] = [
    acquireLockStep(target, stagingHead),
    {
      ...openPrStep(target, 'pr', {
        head: staging,
        base: main,
        title: `Release ${version}: ${staging} → ${main}`,
        body,
      }),
      title: `Open the promote PR ${staging} → ${main}`,
    },
    ...waitMergeAndDeploy(target, { into: main, method: 'merge', deployWorkflow: facts.deployWorkflows.main }),
  ];
  steps.push(releaseLockStep(target));
  return planOf(facts, 'promote', { version, sha: stagingHead }, steps);
}
