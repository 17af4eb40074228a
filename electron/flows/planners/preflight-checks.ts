import type { PreflightCheck } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import type { FlowFacts, PullFact } from './flow-facts';

/** A check that passed. */
export function pass(
  id: string,
  title: string,
  reason: string,
  severity: PreflightCheck['severity'] = 'blocker',
): PreflightCheck {
  return { id, title, ok: true, reason, severity };
}

/** A check that failed, with what to do. */
export function fail(
  id: string,
  title: string,
  reason: string,
  fix: string,
  severity: PreflightCheck['severity'] = 'blocker',
): PreflightCheck {
  return { id, title, ok: false, reason, fix, severity };
}

/** `#23 Title (feat/x → development)`. */
export function describePull(pull: PullFact): string {
  return `#${pull.number} ${pull.title}${pull.head ? ` (${pull.head} → ${pull.base})` : ''}`;
}

/** Whether a flow can start at all: a connected GitHub account. */
export function githubConnectedCheck(facts: FlowFacts): PreflightCheck {
  return facts.github
    ? pass(
        'github',
        'GitHub is connected',
        `Connected to ${facts.repository.owner}/${facts.repository.repo} as ${facts.github.login}.`,
      )
    : fail(
        'github',
        'GitHub is connected',
        'No GitHub account is connected for this project, so no PR, tag or release can be made.',
        'Connect an account in Settings → GitHub (or set GITHUB_TOKEN for the command line).',
      );
}

/** Whether the token may push (contents write): every flow creates branches, merges or tags. */
export function canPushCheck(facts: FlowFacts): PreflightCheck | null {
  if (!facts.github) return null;
  const repository = `${facts.repository.owner}/${facts.repository.repo}`;
  return facts.github.permissions.push
    ? pass('can-push', 'The token can push', `${facts.github.login} may write to ${repository}.`)
    : fail(
        'can-push',
        'The token can push',
        `${facts.github.login} may read ${repository} but not write to it, so branches, merges and tags would be refused.`,
        'Use a token with Contents: write (and Pull requests: write) on this repository, or ask a maintainer for write access.',
      );
}

/** The open freeze PRs: into staging from development or a release branch. */
export function openFreezePulls(facts: FlowFacts): PullFact[] {
  const staging = facts.branches.staging;
  return (facts.github?.openPulls ?? []).filter(
    (pull) => pull.base === staging && (pull.head === facts.branches.development || pull.head.startsWith('release/')),
  );
}

/** No freeze PR may already be open: a second one would freeze twice, a promote would skip it. */
export function noFreezePullCheck(facts: FlowFacts): PreflightCheck {
  const title = 'No freeze PR is open';
  if (!facts.github) {
    return fail('no-freeze-pr', title, 'Open PRs cannot be read without GitHub.', 'Connect GitHub.', 'warning');
  }
  const open = openFreezePulls(facts);
  if (open.length > 0) {
    return fail(
      'no-freeze-pr',
      title,
      `A freeze PR is already open: ${open.map(describePull).join('; ')}.`,
      `Finish it first (merge it, or close it if it was abandoned): ${open.map((pull) => pull.url ?? `#${pull.number}`).join(', ')}.`,
    );
  }
  const others = facts.github.openPulls;
  const note =
    others.length === 0
      ? 'No PR into a lane branch is open.'
      : `Other open PRs do not block it: ${others.map(describePull).join('; ')}.`;
  return pass(
    'no-freeze-pr',
    title,
    `No PR from ${facts.branches.development} or release/* into ${facts.branches.staging} is open. ${note}`,
  );
}

/** Back-merge debt, shown before a promote or a freeze so it is not forgotten. */
export function backMergeDebtCheck(facts: FlowFacts): PreflightCheck {
  const debts = facts.backMerge.filter((debt) => debt.commits.length > 0);
  if (debts.length === 0) {
    return pass(
      'back-merge-debt',
      'Nothing waits to be back-merged',
      `${facts.branches.development} has every commit of staging and main.`,
      'warning',
    );
  }
  const prs = [...new Set(debts.flatMap((debt) => debt.prs))].sort((a, b) => a - b);
  return fail(
    'back-merge-debt',
    'Nothing waits to be back-merged',
    `${debts.map((debt) => debt.message).join('; ')}${prs.length > 0 ? ` (${prs.map((pr) => `#${pr}`).join(', ')})` : ''}.`,
    `Run the back-merge${debts.length === 1 ? ` from ${debts[0]?.lane}` : 's'} into ${facts.branches.development}, so the next freeze does not lose ${prs.length === 1 ? 'this fix' : 'these fixes'}.`,
    'warning',
  );
}

/** The checks every flow starts with. */
export function commonChecks(facts: FlowFacts): PreflightCheck[] {
  const push = canPushCheck(facts);
  return [githubConnectedCheck(facts), ...(push ? [push] : [])];
}

/** True when a failed blocker means the flow may not start. */
export function isBlocked(checks: readonly PreflightCheck[]): boolean {
  return checks.some((check) => !check.ok && check.severity === 'blocker');
}

/** A user choice the planner would refuse, as a failed blocker rather than a thrown error. */
export function choiceCheck(id: string, title: string, validate: () => string): PreflightCheck {
  try {
    return pass(id, title, validate());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return fail(id, title, error.message, 'Change the choice and check again.');
  }
}
