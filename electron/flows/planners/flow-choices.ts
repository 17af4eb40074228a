import type { BackmergeChoices } from './plan-backmerge';
import type { FreezeChoices } from './plan-freeze';
import type { HotfixChoices } from './plan-hotfix';
import type { PromoteChoices } from './plan-promote';
import type { ReleaseChoices } from './plan-release';

export type { BackmergeChoices, FreezeChoices, HotfixChoices, PromoteChoices, ReleaseChoices };

/** What the user chooses, per flow: the wizard's first screen and the CLI's flags. */
export interface FlowChoices {
  freeze: FreezeChoices;
  hotfix: HotfixChoices;
  promote: PromoteChoices;
  release: ReleaseChoices;
  backmerge: BackmergeChoices;
}
