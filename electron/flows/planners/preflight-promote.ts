import type { PreflightCheck } from '../../../shared/domain/flows/flow-plan';
import type { FlowFacts } from './flow-facts';
import { backMergeDebtCheck, commonChecks, fail, noFreezePullCheck, pass } from './preflight-checks';

/**
 * Promote: staging's deploy is green (a failed last deploy blocks), no freeze PR is open, something to
 * promote, and back-merge debt shown as a warning.
 */
export function preflightPromote(facts: FlowFacts): PreflightCheck[] {
  const checks = commonChecks(facts);
  const staging = facts.branches.staging;
  const deploy = facts.github?.deploys.staging;
  const title = `${staging}'s deploy is green`;
  if (!facts.deployWorkflows.staging) {
    checks.push(
      fail(
        'staging-deploy',
        title,
        `No deploy workflow is configured for ${staging}, so its deploy cannot be checked.`,
        'Name it under deployments.staging.workflow in .release-desk.yml.',
        'warning',
      ),
    );
  } else if (!deploy || deploy.status === null) {
    checks.push(
      fail(
        'staging-deploy',
        title,
        `${facts.deployWorkflows.staging} has never run on ${staging}.`,
        `Check that the workflow deploys on pushes to ${staging}.`,
        'warning',
      ),
    );
  } else if (deploy.status !== 'completed') {
    checks.push(
      fail(
        'staging-deploy',
        title,
        `The ${deploy.workflow} run of ${deploy.headSha?.slice(0, 7)} is still ${deploy.status.replace('_', ' ')}.`,
        'Wait for it to finish before promoting.',
        'warning',
      ),
    );
  } else if (deploy.conclusion !== 'success') {
    checks.push(
      fail(
        'staging-deploy',
        title,
        `The last ${deploy.workflow} run (of ${deploy.headSha?.slice(0, 7)}) ended in ${deploy.conclusion ?? 'no result'}.`,
        `Fix the staging deploy and make it pass before promoting${deploy.url ? `: ${deploy.url}` : ''}.`,
      ),
    );
  } else if (deploy.headSha !== facts.heads.staging) {
    checks.push(
      fail(
        'staging-deploy',
        title,
        `The last green deploy is of ${deploy.headSha?.slice(0, 7)}, not ${staging}'s head ${facts.heads.staging?.slice(0, 7)}.`,
        'Wait for the deploy of the head, or promote knowing it was not deployed.',
        'warning',
      ),
    );
  } else {
    checks.push(pass('staging-deploy', title, `The last ${deploy.workflow} run, of ${staging}'s head, succeeded.`));
  }
  checks.push(noFreezePullCheck(facts));
  checks.push(
    facts.promote.waitingCommits > 0
      ? pass(
          'something-to-promote',
          'There is something to promote',
          `${facts.promote.waitingCommits} commits on ${staging} are not on ${facts.branches.main}.`,
        )
      : fail(
          'something-to-promote',
          'There is something to promote',
          `${facts.branches.main} already has everything on ${staging}.`,
          'Freeze development into staging first.',
        ),
  );
  checks.push(backMergeDebtCheck(facts));
  return checks;
}
