import type { FlowStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { PASSING_CONCLUSIONS } from '../../services/github/commit-checks';
import { pullRequestState, type PullRequestState } from '../../services/github/pull-requests';
import { conflictError, conflictingFiles } from './conflict-files';
import { pause, pullNumber, waitTimings, type StepContext, type StepOutputs } from './engine-deps';

const CONFLICT_BLOCKER = 'It conflicts with its base branch';

/**
 * What no amount of waiting fixes: a required check that failed, a review that requested changes,
 * a conflict with the base. Waiting for checks still running or reviews not yet given is different.
 */
function finalBlockers(state: PullRequestState): string[] {
  const found: string[] = [];
  if (state.state === 'closed' && !state.merged) found.push(`PR #${state.number} is closed`);
  if (state.mergeable === false) found.push(CONFLICT_BLOCKER);
  for (const context of state.requirements.requiredChecks) {
    const run = state.checks.find((check) => check.name === context);
    const status = state.combinedStatus.statuses.find((candidate) => candidate.context === context);
    const runFailed = run?.status === 'completed' && !PASSING_CONCLUSIONS.includes(run.conclusion ?? '');
    const statusFailed = !run && (status?.state === 'failure' || status?.state === 'error');
    if (runFailed || statusFailed) found.push(`Required check “${context}” failed`);
  }
  if (state.requirements.requiredApprovals > 0 && state.changesRequested > 0) {
    found.push('A reviewer requested changes');
  }
  return found;
}

/**
 * Polls the PR until its base branch's requirements are met and outputs the head sha that met them
 * (the merge step merges exactly that). A PR already merged (a resumed run) is done.
 */
export async function waitForPull(
  context: StepContext,
  step: Extract<FlowStep, { kind: 'wait-pr' }>,
): Promise<StepOutputs> {
  const number = pullNumber(context, step.pr);
  const { client, repo, now = () => new Date() } = context.deps;
  const { intervalMs, timeoutMs } = waitTimings(context.deps);
  const deadline = now().getTime() + timeoutMs;
  for (;;) {
    const state = await pullRequestState(client, repo, number);
    if (state.merged || state.requirementsMet) return { headSha: state.headSha };
    const final = finalBlockers(state);
    if (state.mergeable === false && state.state === 'open') {
      // Name the files and the way out; when git cannot tell, the general message below still holds.
      const files = await conflictingFiles(context.deps, state.baseRef, state.headRef);
      const others = final.filter((blocker) => blocker !== CONFLICT_BLOCKER);
      if (files) throw conflictError(state, files, others);
    }
    if (final.length > 0) {
      throw new AppError(
        'CONFLICT',
        `PR #${number} cannot be merged: ${final.join('; ')}. ` +
          'Fix it on the PR (push a fix and let the checks run again, or address the review), then resume this run.',
        state.blockers.join('\n'),
      );
    }
    if (now().getTime() >= deadline) {
      throw new AppError(
        'CANCELLED',
        `Stopped waiting for PR #${number} after ${Math.round(timeoutMs / 60_000)} minutes; still: ${state.blockers.join('; ')}. ` +
          'Resume this run to wait again.',
      );
    }
    await pause(context, intervalMs);
  }
}
