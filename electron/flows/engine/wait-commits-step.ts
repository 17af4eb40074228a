import type { FlowStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { aheadBehind } from '../../services/github/compare';
import { checkedBranch } from './clone-git';
import { pause, waitTimings, type StepContext, type StepOutputs } from './engine-deps';

/**
 * Waits until `branch` has commits that `base` lacks: a hotfix without cherry-picks is the user's
 * own fix, and GitHub refuses a PR with no commits between the branches (422 "No commits between").
 * Polls GitHub's comparison, so a resumed run whose fix is already there finishes at once.
 */
export async function waitForCommits(
  context: StepContext,
  step: Extract<FlowStep, { kind: 'wait-commits' }>,
): Promise<StepOutputs> {
  const branch = checkedBranch(step.branch);
  const base = checkedBranch(step.base);
  const { client, repo, now = () => new Date() } = context.deps;
  const { intervalMs, timeoutMs } = waitTimings(context.deps);
  const deadline = now().getTime() + timeoutMs;
  for (;;) {
    const compared = await aheadBehind(client, repo, base, branch);
    if (compared.ahead > 0) return { headSha: compared.headSha, ahead: String(compared.ahead) };
    if (now().getTime() >= deadline) {
      throw new AppError(
        'CANCELLED',
        `Nothing was pushed to ${branch} within ${Math.max(1, Math.round(timeoutMs / 60_000))} minutes: it has no commits that ${base} lacks. ` +
          `Push your fix to ${branch} (git push origin ${branch}), then resume this run.`,
      );
    }
    await pause(context, intervalMs);
  }
}
