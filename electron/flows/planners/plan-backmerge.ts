import type { FlowPlan } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import type { FlowFacts } from './flow-facts';
import { planOf, requireHead, targetOf } from './plan-common';
import { acquireLockStep, mergePrStep, openPrStep, releaseLockStep, waitPrStep } from './planned-steps';

/** What the user chooses for a back-merge. */
export interface BackmergeChoices {
  /** The lane whose commits development lacks. */
  from: 'staging' | 'main';
}

/**
 * Plans a back-merge: a PR from the lane into development for the debt the train status reports, then
 * wait and merge with a merge commit (so the lane's commits themselves, not copies, reach development
 * and the debt is really paid). A conflict stops at the merge with the PR left open; nothing is pushed
 * half-done.
 */
export function planBackmerge(facts: FlowFacts, choices: BackmergeChoices): FlowPlan {
  const target = targetOf(facts);
  if (choices.from !== 'staging' && choices.from !== 'main') {
    throw new AppError('INVALID_ARGUMENTS', `A back-merge comes from staging or main, not "${String(choices.from)}".`);
  }
  const laneHead = requireHead(facts, choices.from);
  requireHead(facts, 'development');
  const lane = facts.branches[choices.from];
  const development = facts.branches.development;
  const debt = facts.backMerge.find((entry) => entry.lane === choices.from);
  const lines = (debt?.details ?? []).map((commit) => `- ${commit.sha.slice(0, 7)} ${commit.subject}`);
  const body = [
    `Back-merge of ${lane} (${laneHead}) into ${development}.`,
    '',
    debt ? debt.message : `${lane} has nothing that ${development} lacks.`,
    ...(lines.length > 0 ? ['', ...lines] : []),
  ].join('\n');
  return planOf(facts, 'backmerge', { from: choices.from, sha: laneHead }, [
    acquireLockStep(target, laneHead),
    {
      ...openPrStep(target, 'pr', {
        head: lane,
        base: development,
        title: `Back-merge ${lane} into ${development}`,
        body,
      }),
      title: `Open the back-merge PR ${lane} → ${development}`,
    },
    waitPrStep(target, 'wait', { fromStep: 'pr', output: 'number' }, development),
    mergePrStep(target, 'merge', {
      pr: { fromStep: 'pr', output: 'number' },
      headSha: { fromStep: 'wait', output: 'headSha' },
      method: 'merge',
      into: development,
    }),
    releaseLockStep(target),
  ]);
}
