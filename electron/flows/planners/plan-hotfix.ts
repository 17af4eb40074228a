import type { FlowPlan, PlannedStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { hotfixBranchOf, requireFullSha } from './choice-validation';
import type { FlowFacts } from './flow-facts';
import { planOf, requireHead, targetOf, waitMergeAndDeploy } from './plan-common';
import {
  acquireLockStep,
  cherryPickStep,
  createBranchStep,
  openPrStep,
  releaseLockStep,
  waitCommitsStep,
} from './planned-steps';

/** What the user chooses for a hotfix. */
export interface HotfixChoices {
  /** The hotfix's name: the branch is `hotfix/<name>`. */
  name: string;
  /** The lane the hotfix goes into (and is branched from). */
  from: 'staging' | 'main';
  /** Commits to cherry-pick onto the hotfix branch, oldest first; none means the user pushes their own. */
  shas?: string[];
  /** The PR title; a sentence from the name by default. */
  title?: string;
}

/** The most commits one hotfix cherry-picks: more is a freeze, not a hotfix. */
const MAX_CHERRY_PICKS = 50;

/**
 * Plans a hotfix: branch `hotfix/<name>` from the lane's head, cherry-pick the chosen commits (with
 * `-x`, so each names its origin) or, with none chosen, wait for the user's own push; then PR into the
 * lane, wait, merge, and watch the lane's deploy. The back-merge into development is offered afterwards
 * as its own flow.
 */
export function planHotfix(facts: FlowFacts, choices: HotfixChoices): FlowPlan {
  const target = targetOf(facts);
  if (choices.from !== 'staging' && choices.from !== 'main') {
    throw new AppError('INVALID_ARGUMENTS', `A hotfix goes into staging or main, not "${String(choices.from)}".`);
  }
  const branch = hotfixBranchOf(choices.name);
  const lane = choices.from;
  const laneBranch = facts.branches[lane];
  const head = requireHead(facts, lane);
  const shas = (choices.shas ?? []).map((sha) => requireFullSha(sha, 'commit to cherry-pick'));
  if (shas.length > MAX_CHERRY_PICKS) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `A hotfix cherry-picks at most ${MAX_CHERRY_PICKS} commits; ${shas.length} were chosen. Freeze development instead.`,
    );
  }
  if (new Set(shas).size !== shas.length) {
    throw new AppError('INVALID_ARGUMENTS', 'The same commit was chosen twice. Pick each commit once.');
  }
  const title = choices.title?.trim() || `Hotfix ${choices.name} into ${laneBranch}`;
  const body = [
    `Hotfix into ${laneBranch}, branched from ${head}.`,
    '',
    ...(shas.length > 0
      ? ['Cherry-picked from development:', ...shas.map((sha) => `- ${sha}`)]
      : [`The fix is pushed to ${branch} by hand.`]),
    '',
    'Once merged, back-merge it into development so the fix is not lost in the next freeze.',
  ].join('\n');

  const steps: PlannedStep[] = [
    acquireLockStep(target, head),
    createBranchStep(target, 'branch', `Create ${branch} at ${laneBranch}'s head ${head.slice(0, 7)}`, branch, head),
  ];
  if (shas.length > 0) {
    steps.push(
      cherryPickStep(
        'cherry-pick',
        `Cherry-pick ${shas.length === 1 ? `commit ${shas[0]?.slice(0, 7)}` : `${shas.length} commits`} onto ${branch}`,
        branch,
        shas,
      ),
    );
  } else {
    // GitHub refuses a PR with no commits between the branches, so the run waits for the user's push.
    steps.push(waitCommitsStep(target, 'wait-fix', branch, laneBranch));
  }
  steps.push(
    {
      ...openPrStep(target, 'pr', { head: branch, base: laneBranch, title, body }),
      title: `Open the hotfix PR ${branch} → ${laneBranch}`,
    },
    ...waitMergeAndDeploy(target, {
      into: laneBranch,
      method: facts.mergeMethod,
      deployWorkflow: facts.deployWorkflows[lane],
    }),
  );
  steps.push(releaseLockStep(target));
  return planOf(
    facts,
    'hotfix',
    { name: choices.name, from: lane, branch, ...(shas.length > 0 ? { shas: shas.join(',') } : {}) },
    steps,
  );
}
