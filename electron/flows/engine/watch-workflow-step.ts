import type { FlowStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { requireSha, shortSha } from '../../services/github/refs';
import { listWorkflowRuns, watchWorkflowRun, type WorkflowRunSummary } from '../../services/github/workflow-runs';
import { inputValue, pause, waitTimings, type StepContext, type StepOutputs } from './engine-deps';

/** The newest run first: by creation time, then by id (GitHub's ids grow). */
function newest(runs: WorkflowRunSummary[]): WorkflowRunSummary | undefined {
  return [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
}

/**
 * Finds the newest run of the workflow for the sha (a push to the branch, or a release), waiting for
 * GitHub to start it, then watches it to the end. A conclusion other than success fails the step.
 */
export async function watchWorkflow(
  context: StepContext,
  step: Extract<FlowStep, { kind: 'watch-workflow' }>,
): Promise<StepOutputs> {
  const sha = requireSha(inputValue(context, step.sha));
  const { client, repo, now = () => new Date() } = context.deps;
  const { intervalMs, timeoutMs } = waitTimings(context.deps);
  const deadline = now().getTime() + timeoutMs;
  let run: WorkflowRunSummary | undefined;
  for (;;) {
    run = newest(
      await listWorkflowRuns(client, repo, {
        workflowName: step.workflow,
        headSha: sha,
        event: step.event,
        // A release run's branch is its tag, so only a push run is filtered by branch.
        ...(step.event === 'push' ? { branch: step.branch } : {}),
      }),
    );
    if (run) break;
    if (now().getTime() >= deadline) {
      throw new AppError(
        'NOT_FOUND',
        `No run of “${step.workflow}” started for ${shortSha(sha)} within ${Math.round(timeoutMs / 60_000)} minutes. ` +
          `Check that the workflow runs on ${step.event === 'push' ? `pushes to ${step.branch}` : 'published releases'}, start it on GitHub if needed, then resume this run.`,
      );
    }
    await pause(context, intervalMs);
  }
  const finished = await watchWorkflowRun(client, repo, run.id, {
    intervalMs,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  if (finished.conclusion !== 'success') {
    throw new AppError(
      'CONFLICT',
      `“${step.workflow}” ended with ${finished.conclusion ?? 'no conclusion'} for ${shortSha(sha)}: see ${finished.htmlUrl}. ` +
        'Fix the cause, re-run the workflow on GitHub, then resume this run.',
    );
  }
  return { runId: String(finished.id), url: finished.htmlUrl, conclusion: finished.conclusion };
}
