import type { PreflightCheck } from '../../../shared/domain/flows/flow-plan';
import { chooseVersion } from './choice-validation';
import type { FlowFacts } from './flow-facts';
import type { FreezeChoices } from './plan-freeze';
import { choiceCheck, commonChecks, fail, noFreezePullCheck, pass } from './preflight-checks';

/**
 * Freeze: development's CI at the frozen commit (pending warns, failing blocks), no freeze PR already
 * open, `release/<version>` neither merged nor elsewhere, something to freeze, and a token that can push.
 */
export function preflightFreeze(facts: FlowFacts, choices: FreezeChoices = {}): PreflightCheck[] {
  const checks = commonChecks(facts);
  const sha = facts.freeze.sha;
  const short = sha?.slice(0, 7) ?? '(none)';
  const ci = sha ? facts.github?.ci[sha] : undefined;
  const ciTitle = `CI of ${facts.branches.development} at ${short}`;
  if (!sha) {
    checks.push(
      fail(
        'development-ci',
        ciTitle,
        `${facts.branches.development} does not exist.`,
        'Create the branch or fix branches.development in .release-desk.yml.',
      ),
    );
  } else if (ci === 'failure') {
    checks.push(
      fail(
        'development-ci',
        ciTitle,
        `A check failed on ${short}.`,
        'Fix the failing check on development first, or freeze an earlier commit whose checks passed.',
      ),
    );
  } else if (ci === 'pending') {
    checks.push(
      fail(
        'development-ci',
        ciTitle,
        `Checks are still running on ${short}.`,
        'Wait for them to finish, or freeze anyway if you trust this commit.',
        'warning',
      ),
    );
  } else if (ci === 'success') {
    checks.push(pass('development-ci', ciTitle, `Every check passed on ${short}.`));
  } else {
    checks.push(
      pass(
        'development-ci',
        ciTitle,
        ci === 'none' ? `${short} has no checks or statuses.` : 'CI could not be read without GitHub.',
        'warning',
      ),
    );
  }
  checks.push(noFreezePullCheck(facts));

  let version = facts.freeze.version.next;
  checks.push(
    choiceCheck('version', 'The version is usable', () => {
      version = chooseVersion(facts, facts.freeze.version, choices.version).next;
      return `The freeze is named ${version} (${facts.freeze.version.reason}).`;
    }),
  );
  if (facts.freezeMode === 'branch') {
    const branch = `release/${version}`;
    const existing = facts.remoteBranches[branch] ?? null;
    const merged = branch === facts.freeze.releaseBranch.name && facts.freeze.releaseBranch.mergedIntoStaging;
    const title = `${branch} is not merged yet`;
    if (existing && merged) {
      checks.push(
        fail(
          'release-branch',
          title,
          `${branch} is already merged into ${facts.branches.staging}: that version was frozen before.`,
          'Choose the next version, or promote and release what is on staging first.',
        ),
      );
    } else if (existing && existing !== sha) {
      checks.push(
        fail(
          'release-branch',
          title,
          `${branch} already exists at ${existing.slice(0, 7)}, not at ${short}.`,
          `Freeze ${existing.slice(0, 7)}, choose another version, or delete the leftover branch.`,
        ),
      );
    } else {
      checks.push(
        pass(
          'release-branch',
          title,
          existing ? `${branch} already exists at ${short}; the freeze reuses it.` : `${branch} is free.`,
        ),
      );
    }
  }
  checks.push(
    facts.freeze.waitingCommits > 0
      ? pass(
          'something-to-freeze',
          'There is something to freeze',
          `${facts.freeze.waitingCommits} commits (${facts.freeze.includedPulls.length} PRs) are not in ${facts.branches.staging} yet.`,
        )
      : fail(
          'something-to-freeze',
          'There is something to freeze',
          `${facts.branches.staging} already has everything in ${short}.`,
          'Merge features into development first.',
        ),
  );
  return checks;
}
