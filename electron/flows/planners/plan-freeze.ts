import type { FlowPlan, MergeMethod, PlannedStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { chooseVersion, requireBranchName, requireFullSha } from './choice-validation';
import type { FlowFacts } from './flow-facts';
import { planOf, pullList, requireHead, targetOf, waitMergeAndDeploy } from './plan-common';
import { acquireLockStep, createBranchStep, openPrStep, releaseLockStep } from './planned-steps';

/** What the user chooses for a freeze; everything has a default. */
export interface FreezeChoices {
  /** The development commit to freeze; development's head by default. */
  sha?: string;
  /** The version the release branch is named for; the suggested next version by default. */
  version?: string;
  /** How to merge the freeze PR; config `freeze.method` by default. */
  method?: MergeMethod;
}

/**
 * Plans a freeze (development → staging): cut `release/<version>` at the frozen commit so later merges
 * to development stay out, open its PR into staging listing the PRs it carries, wait, merge, and watch
 * staging's deploy. With `freeze.mode: direct` the PR comes from development itself.
 */
export function planFreeze(facts: FlowFacts, choices: FreezeChoices = {}): FlowPlan {
  const target = targetOf(facts);
  const head = requireHead(facts, 'development');
  const sha = choices.sha === undefined ? head : requireFullSha(choices.sha, 'commit to freeze');
  if (facts.freeze.sha !== null && sha !== facts.freeze.sha) {
    // The included PRs were read for another commit: plan only what the facts describe.
    throw new AppError(
      'INVALID_ARGUMENTS',
      `The facts were gathered for commit ${facts.freeze.sha.slice(0, 7)}, not ${sha.slice(0, 7)}. Gather them again for the chosen commit.`,
    );
  }
  if (facts.freezeMode === 'direct' && sha !== head) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `With freeze.mode: direct the PR comes from development itself, so only its head ${head.slice(0, 7)} can be frozen. Leave the commit at the head, or use freeze.mode: branch.`,
    );
  }
  const version = chooseVersion(facts, facts.freeze.version, choices.version);
  const method = choices.method ?? facts.mergeMethod;
  const staging = facts.branches.staging;
  const development = facts.branches.development;
  const head_branch =
    facts.freezeMode === 'direct' ? development : requireBranchName(`release/${version.next}`, 'release branch');
  const body = [
    `Feature freeze of ${version.next}: ${head_branch} → ${staging} at ${sha}.`,
    '',
    `## Included PRs (${facts.freeze.includedPulls.length})`,
    pullList(facts.freeze.includedPulls),
    '',
    'Patches found while testing go into this release by PR.',
  ].join('\n');

  const steps: PlannedStep[] = [acquireLockStep(target, sha)];
  if (facts.freezeMode === 'branch') {
    steps.push(createBranchStep(target, 'branch', `Create ${head_branch} at ${sha.slice(0, 7)}`, head_branch, sha));
  }
  steps.push(
    {
      ...openPrStep(target, 'pr', {
        head: head_branch,
        base: staging,
        title: `Freeze ${version.next}: ${head_branch} → ${staging}`,
        body,
      }),
      title: `Open the freeze PR ${head_branch} → ${staging}`,
    },
    ...waitMergeAndDeploy(target, { into: staging, method: method, deployWorkflow: facts.deployWorkflows.staging }),
  );
  steps.push(releaseLockStep(target));
  return planOf(facts, 'freeze', { sha, version: version.next, method, mode: facts.freezeMode }, steps);
}
