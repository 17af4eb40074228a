import { activeRulesForBranch } from './ruleset-matching';
import type { SandboxGit } from './sandbox-git';
import type { StoredPullRequest, StoredRepository } from './server-state';
import type { StoredReview } from './stored-rules-and-checks';

/** What a base branch asks of a PR before it merges: classic protection and rulesets combined. */
export interface BranchRequirements {
  /** Status check contexts that must succeed on the head commit. */
  contexts: string[];
  /** Approving reviews needed; 0 when reviews are not required. */
  approvals: number;
  /** The head must contain the base (`strict` in protection, `strict_required_status_checks_policy` in rules). */
  strict: boolean;
}

/** The union of a branch's classic protection and the rules of every active ruleset that matches it. */
export function branchRequirements(repo: StoredRepository, branch: string, defaultBranch: string): BranchRequirements {
  const contexts = new Set<string>();
  let approvals = 0;
  let strict = false;
  const protection = repo.protections?.[branch];
  if (protection?.requiredStatusChecks) {
    for (const check of protection.requiredStatusChecks.checks) contexts.add(check.context);
    strict ||= protection.requiredStatusChecks.strict;
  }
  if (protection?.requiredPullRequestReviews) {
    approvals = Math.max(approvals, protection.requiredPullRequestReviews.requiredApprovingReviewCount);
  }
  for (const { rule } of activeRulesForBranch(repo, branch, defaultBranch)) {
    const parameters = rule.parameters ?? {};
    if (rule.type === 'pull_request') {
      approvals = Math.max(approvals, Number(parameters.required_approving_review_count ?? 0));
    }
    if (rule.type === 'required_status_checks') {
      const checks = Array.isArray(parameters.required_status_checks) ? parameters.required_status_checks : [];
      for (const check of checks as { context?: unknown }[]) {
        if (typeof check.context === 'string') contexts.add(check.context);
      }
      strict ||= parameters.strict_required_status_checks_policy === true;
    }
  }
  return { contexts: [...contexts], approvals, strict };
}

/** How one required context stands on a commit: from its latest check run, else its latest status. */
export function contextState(
  repo: StoredRepository,
  sha: string,
  context: string,
): 'success' | 'failure' | 'pending' | 'missing' {
  const run = (repo.checkRuns ?? [])
    .filter((candidate) => candidate.headSha === sha && candidate.name === context)
    .sort((a, b) => b.id - a.id)[0];
  const status = (repo.statuses ?? [])
    .filter((candidate) => candidate.sha === sha && candidate.context === context)
    .sort((a, b) => b.id - a.id)[0];
  if (run?.status === 'completed') {
    // GitHub lets neutral and skipped runs satisfy a required check.
    return ['success', 'neutral', 'skipped'].includes(run.conclusion ?? '') ? 'success' : 'failure';
  }
  if (status?.state === 'success') return 'success';
  if (status && status.state !== 'pending') return 'failure';
  return run || status ? 'pending' : 'missing';
}

/** Each reviewer's standing review: the latest that approves, requests changes or was dismissed. */
export function standingReviews(pull: StoredPullRequest): StoredReview[] {
  const latest = new Map<string, StoredReview>();
  for (const review of pull.reviews ?? []) {
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(review.userLogin, review);
  }
  return [...latest.values()];
}

/**
 * GitHub's 405 messages for each requirement a PR does not meet on `headSha`, in the order GitHub
 * reports them (status checks, then reviews). Empty when the rules let it merge.
 */
export function unmetRequirements(
  repo: StoredRepository,
  pull: StoredPullRequest,
  headSha: string,
  requirements: BranchRequirements,
): string[] {
  const unmet: string[] = [];
  for (const context of requirements.contexts) {
    const state = contextState(repo, headSha, context);
    if (state === 'missing') unmet.push(`Required status check "${context}" is expected.`);
    if (state === 'pending') unmet.push(`Required status check "${context}" is in progress.`);
    if (state === 'failure') unmet.push(`Required status check "${context}" is failing.`);
  }
  if (requirements.approvals > 0) {
    const standing = standingReviews(pull);
    if (standing.some((review) => review.state === 'CHANGES_REQUESTED')) {
      unmet.push('Changes have been requested by reviewers with write access.');
    }
    const approved = standing.filter((review) => review.state === 'APPROVED').length;
    if (approved < requirements.approvals) {
      const count = requirements.approvals;
      unmet.push(
        `At least ${count} approving review${count === 1 ? ' is' : 's are'} required by reviewers with write access.`,
      );
    }
  }
  return unmet;
}

/** Why the rules would refuse to merge a PR now: `blocked` (checks, reviews) or `behind` (strict). */
export interface RulesRefusal {
  kind: 'blocked' | 'behind';
  /** GitHub's 405 message. */
  message: string;
}

/**
 * What the base branch's rules say about merging `headSha` into `baseSha` now; `undefined` when they
 * allow it. Conflicts are not a rule: the trial merge answers those.
 */
export async function rulesRefusal(
  git: SandboxGit,
  repo: StoredRepository,
  pull: StoredPullRequest,
  commits: { headSha: string; baseSha: string; defaultBranch: string },
): Promise<RulesRefusal | undefined> {
  const requirements = branchRequirements(repo, pull.base, commits.defaultBranch);
  const unmet = unmetRequirements(repo, pull, commits.headSha, requirements);
  if (unmet[0]) return { kind: 'blocked', message: unmet[0] };
  if (requirements.strict) {
    const upToDate = await git.run(['merge-base', '--is-ancestor', commits.baseSha, commits.headSha], {
      okExitCodes: [1],
    });
    if (upToDate.exitCode !== 0)
      return { kind: 'behind', message: 'Head branch is not up to date with the base branch.' };
  }
  return undefined;
}
