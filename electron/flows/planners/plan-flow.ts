import type { FlowName, FlowPlan } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import type { FlowChoices } from './flow-choices';
import type { FlowFacts } from './flow-facts';
import { planBackmerge } from './plan-backmerge';
import { planFreeze } from './plan-freeze';
import { planHotfix } from './plan-hotfix';
import { planPromote } from './plan-promote';
import { planRelease } from './plan-release';

/** Plans any flow from its facts and choices (pure); a bad choice is an INVALID_ARGUMENTS AppError. */
export function planFlow<F extends FlowName>(flow: F, facts: FlowFacts, choices: FlowChoices[F]): FlowPlan {
  const name: FlowName = flow;
  switch (name) {
    case 'freeze':
      return planFreeze(facts, choices as FlowChoices['freeze']);
    case 'hotfix':
      return planHotfix(facts, choices as FlowChoices['hotfix']);
    case 'promote':
      return planPromote(facts, choices as FlowChoices['promote']);
    case 'release':
      return planRelease(facts, choices as FlowChoices['release']);
    case 'backmerge':
      return planBackmerge(facts, choices as FlowChoices['backmerge']);
    default:
      throw new AppError('INVALID_ARGUMENTS', `There is no flow "${String(name)}".`);
  }
}
