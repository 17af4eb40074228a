import type { FlowName, FlowPlan, MergeMethod, PlannedStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import type { FlowFacts, PullFact } from './flow-facts';
import { mergePrStep, waitPrStep, watchWorkflowStep, type PlanTarget } from './planned-steps';

/** The repository a plan's calls go to. */
export function targetOf(facts: FlowFacts): PlanTarget {
  return { owner: facts.repository.owner, repo: facts.repository.repo };
}

/** Wraps steps into a plan, checking that step ids are unique (the journal and StepInputs rely on it). */
export function planOf(
  facts: FlowFacts,
  flow: FlowName,
  choices: Record<string, string>,
  steps: PlannedStep[],
): FlowPlan {
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) throw new AppError('INTERNAL', `The ${flow} plan has two steps named "${step.id}".`);
    ids.add(step.id);
  }
  return {
    flow,
    projectId: facts.projectId,
    repository: `${facts.repository.owner}/${facts.repository.repo}`,
    choices,
    steps,
  };
}

/** The head of a lane, or a REF_MISSING error that names the branch. */
export function requireHead(facts: FlowFacts, lane: keyof FlowFacts['heads']): string {
  const head = facts.heads[lane];
  if (head) return head;
  throw new AppError(
    'REF_MISSING',
    `The ${lane} branch "${facts.branches[lane]}" does not exist on the remote. Create it, or name the right branch in .release-desk.yml (branches.${lane}).`,
  );
}

/** A Markdown list of PRs, one line each (`- #18 Title`), or a line saying there are none. */
export function pullList(pulls: readonly PullFact[]): string {
  if (pulls.length === 0) return '_No merged PRs: only direct commits._';
  return pulls.map((pull) => `- #${pull.number} ${pull.title}`).join('\n');
}

/**
 * The tail every PR-based flow shares once its PR (step `pr`) is open: wait for the checks and reviews
 * of `into`, merge with `method`, then watch `deployWorkflow` on `into` when config names one.
 */
export function waitMergeAndDeploy(
  target: PlanTarget,
  options: { into: string; method: MergeMethod; deployWorkflow: string | undefined },
): PlannedStep[] {
  const steps = [
    waitPrStep(target, 'wait', { fromStep: 'pr', output: 'number' }, options.into),
    mergePrStep(target, 'merge', {
      pr: { fromStep: 'pr', output: 'number' },
      headSha: { fromStep: 'wait', output: 'headSha' },
      method: options.method,
      into: options.into,
    }),
  ];
  if (options.deployWorkflow) {
    steps.push(
      watchWorkflowStep(target, 'deploy', {
        workflow: options.deployWorkflow,
        branch: options.into,
        sha: { fromStep: 'merge', output: 'sha' },
        event: 'push',
      }),
    );
  }
  return steps;
}
