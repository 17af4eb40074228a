import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import { githubFailure, type GitHubRepo } from './refs';

/** What a branch asks of a PR before it merges, from classic protection and rulesets together. */
export interface BranchRequirements {
  /** Check or status contexts that must pass on the PR's head commit. */
  requiredChecks: string[];
  /** Approving reviews needed; 0 when reviews are not required. */
  requiredApprovals: number;
  /** True when classic protection or any active ruleset covers the branch. */
  protectedBranch: boolean;
  /** Where the requirements come from. */
  source: 'protection' | 'rulesets' | 'both' | 'none';
  /**
   * False when the token may not read classic protection (it needs Administration read): the
   * requirements then come from rulesets alone and may be incomplete.
   */
  protectionReadable: boolean;
}

interface ProtectionFacts {
  protected: boolean;
  readable: boolean;
  checks: string[];
  approvals: number;
}

/** True for a 403 that is a permission refusal, not a rate limit (those carry their own headers). */
function isPermissionRefusal(error: unknown): boolean {
  const failure = error as { response?: { headers?: Record<string, unknown> } };
  const headers = failure.response?.headers ?? {};
  return githubFailure(error).status === 403 && headers['x-ratelimit-remaining'] !== '0' && !headers['retry-after'];
}

/** Classic protection: 404 means none; 403 means the token may not look, which is an answer too. */
async function readProtection(client: GitHubClient, repo: GitHubRepo, branch: string): Promise<ProtectionFacts> {
  try {
    const { data } = await client.rest.repos.getBranchProtection({ ...repo, branch });
    const contexts = data.required_status_checks?.contexts ?? [];
    const checks = (data.required_status_checks?.checks ?? []).map((check) => check.context);
    return {
      protected: true,
      readable: true,
      checks: [...new Set([...contexts, ...checks])],
      approvals: data.required_pull_request_reviews?.required_approving_review_count ?? 0,
    };
  } catch (error) {
    // "Branch not protected", or a branch that does not exist yet: either way nothing is required.
    if (githubFailure(error).status === 404) return { protected: false, readable: true, checks: [], approvals: 0 };
    if (isPermissionRefusal(error)) return { protected: false, readable: false, checks: [], approvals: 0 };
    throw githubAppError(error, `read the protection of ${branch}`);
  }
}

/** The rules of every active ruleset that covers the branch (GitHub resolves the conditions). */
async function readRules(client: GitHubClient, repo: GitHubRepo, branch: string) {
  try {
    return await client.paginate(client.rest.repos.getBranchRules, { ...repo, branch, per_page: 100 });
  } catch (error) {
    throw githubAppError(error, `read the rules of ${branch}`);
  }
}

/**
 * What merging into `branch` requires: the union of classic branch protection and the repository's
 * rulesets (`GET /rules/branches/{branch}`), as GitHub enforces both. A token without Administration
 * read cannot see classic protection; that is reported in `protectionReadable` rather than failing,
 * because the merge itself will still tell the truth.
 */
export async function branchRequirements(
  client: GitHubClient,
  repo: GitHubRepo,
  branch: string,
): Promise<BranchRequirements> {
  const [protection, rules] = await Promise.all([
    readProtection(client, repo, branch),
    readRules(client, repo, branch),
  ]);
  const checks = new Set(protection.checks);
  let approvals = protection.approvals;
  for (const rule of rules) {
    if (rule.type === 'pull_request') {
      approvals = Math.max(approvals, rule.parameters?.required_approving_review_count ?? 0);
    }
    if (rule.type === 'required_status_checks') {
      for (const check of rule.parameters?.required_status_checks ?? []) checks.add(check.context);
    }
  }
  const fromRules = rules.length > 0;
  const source =
    protection.protected && fromRules ? 'both' : protection.protected ? 'protection' : fromRules ? 'rulesets' : 'none';
  return {
    requiredChecks: [...checks],
    requiredApprovals: approvals,
    protectedBranch: protection.protected || fromRules,
    source,
    protectionReadable: protection.readable,
  };
}
