import type { FlowStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { bumpVersion } from './bump-version-step';
import { cherryPick } from './cherry-pick-step';
import type { StepContext, StepOutputs } from './engine-deps';
import { createBranch, createRelease, createTag, mergePull, openPullRequest, publishDraft } from './github-steps';
import { waitForCommits } from './wait-commits-step';
import { waitForPull } from './wait-pr-step';
import { watchWorkflow } from './watch-workflow-step';

/** Ends an exhaustive switch: adding a step kind without handling it is a type error here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}

/**
 * Runs one step. Every executor observes before it acts (is the branch, PR, merge, tag, release or
 * commit already there?), so running a step again after a crash or a lost answer duplicates nothing.
 */
export async function executeStep(context: StepContext): Promise<StepOutputs> {
  const step: FlowStep = context.planned.step;
  switch (step.kind) {
    case 'acquire-lock': {
      const holder = await context.deps.lock.acquire({ runId: context.run.id, by: context.run.by });
      return { holder: holder.by, since: holder.since };
    }
    case 'create-branch':
      return createBranch(context, step);
    case 'cherry-pick':
      return cherryPick(context, step);
    case 'open-pr':
      return openPullRequest(context, step);
    case 'wait-pr':
      return waitForPull(context, step);
    case 'wait-commits':
      return waitForCommits(context, step);
    case 'merge-pr':
      return mergePull(context, step);
    case 'watch-workflow':
      return watchWorkflow(context, step);
    case 'bump-version':
      return bumpVersion(context, step);
    case 'create-tag':
      return createTag(context, step);
    case 'create-release':
      return createRelease(context, step);
    case 'publish-release':
      return publishDraft(context, step);
    case 'approve': {
      // The runner stops before an unapproved step, so an approval is always there when this runs.
      const approval = context.run.approvals?.[context.planned.id];
      if (!approval) throw new AppError('CONFLICT', `“${context.planned.title}” has not been approved yet.`);
      return { by: approval.by, at: approval.at };
    }
    case 'release-lock':
      await context.deps.lock.release(context.run.id);
      return {};
    default:
      return assertNever(step);
  }
}
