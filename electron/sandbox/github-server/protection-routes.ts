import { branchSha } from './git-refs';
import { GitHubHttpError, validationFailed } from './github-error';
import type { ServerUrls } from './json-urls';
import { openRepository, type RouteContext } from './route-context';
import type { Router } from './router';
import type { StoredRepository } from './server-state';
import type { StoredBranchProtection } from './stored-rules-and-checks';

/** The four keys GitHub requires in a protection body, each of which may be `null`. */
const REQUIRED_KEYS = ['required_status_checks', 'enforce_admins', 'required_pull_request_reviews', 'restrictions'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string): GitHubHttpError {
  return validationFailed({ resource: 'ProtectedBranch', code: 'invalid', field });
}

/** Reads `required_status_checks`: `contexts` and `checks` both name contexts; GitHub keeps their union. */
function statusChecksOf(value: unknown): StoredBranchProtection['requiredStatusChecks'] {
  if (value === null) return null;
  if (!isObject(value) || typeof value.strict !== 'boolean' || !Array.isArray(value.contexts)) {
    throw invalid('required_status_checks');
  }
  const checks: { context: string; appId: number | null }[] = [];
  for (const context of value.contexts) {
    if (typeof context !== 'string' || context === '') throw invalid('required_status_checks.contexts');
    checks.push({ context, appId: null });
  }
  for (const check of Array.isArray(value.checks) ? value.checks : []) {
    if (!isObject(check) || typeof check.context !== 'string') throw invalid('required_status_checks.checks');
    const appId = typeof check.app_id === 'number' ? check.app_id : null;
    const existing = checks.find((entry) => entry.context === check.context);
    if (existing) existing.appId = appId ?? existing.appId;
    else checks.push({ context: check.context, appId });
  }
  return { strict: value.strict, checks };
}

function reviewsOf(value: unknown): StoredBranchProtection['requiredPullRequestReviews'] {
  if (value === null) return null;
  if (!isObject(value)) throw invalid('required_pull_request_reviews');
  const count = value.required_approving_review_count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 6) {
    throw invalid('required_pull_request_reviews.required_approving_review_count');
  }
  return {
    requiredApprovingReviewCount: count,
    dismissStaleReviews: value.dismiss_stale_reviews === true,
    requireCodeOwnerReviews: value.require_code_owner_reviews === true,
    requireLastPushApproval: value.require_last_push_approval === true,
  };
}

/** Parses a `PUT .../protection` body the way GitHub validates it. */
function protectionOf(body: Record<string, unknown>): StoredBranchProtection {
  for (const key of REQUIRED_KEYS) {
    if (!(key in body)) throw validationFailed({ resource: 'ProtectedBranch', code: 'missing_field', field: key });
  }
  if (body.restrictions !== null && !isObject(body.restrictions)) throw invalid('restrictions');
  if (body.enforce_admins !== null && typeof body.enforce_admins !== 'boolean') throw invalid('enforce_admins');
  return {
    requiredStatusChecks: statusChecksOf(body.required_status_checks),
    requiredPullRequestReviews: reviewsOf(body.required_pull_request_reviews),
    enforceAdmins: body.enforce_admins === true,
    requiredLinearHistory: body.required_linear_history === true,
    allowsHistoryRewrites: body.allow_force_pushes === true,
    allowDeletions: body.allow_deletions === true,
    blockCreations: body.block_creations === true,
    requiredConversationResolution: body.required_conversation_resolution === true,
    lockBranch: body.lock_branch === true,
    allowForkSyncing: body.allow_fork_syncing === true,
  };
}

/** GitHub's `protected-branch` / `branch-protection` (restrictions are omitted when there are none). */
function protectionJson(urls: ServerUrls, repo: StoredRepository, branch: string, protection: StoredBranchProtection) {
  const url = `${urls.api}/repos/${repo.owner}/${repo.name}/branches/${encodeURIComponent(branch)}/protection`;
  const checks = protection.requiredStatusChecks;
  const reviews = protection.requiredPullRequestReviews;
  // GitHub's field name for history rewrites, stored as the repository asked; the server enforces none of it.
  const rewrites = { enabled: protection.allowsHistoryRewrites };
  return {
    url,
    ...(checks
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: checks.strict,
            contexts: checks.checks.map((check) => check.context),
            contexts_url: `${url}/required_status_checks/contexts`,
            checks: checks.checks.map((check) => ({ context: check.context, app_id: check.appId })),
          },
        }
      : {}),
    ...(reviews
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: reviews.dismissStaleReviews,
            require_code_owner_reviews: reviews.requireCodeOwnerReviews,
            required_approving_review_count: reviews.requiredApprovingReviewCount,
            require_last_push_approval: reviews.requireLastPushApproval,
          },
        }
      : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: protection.enforceAdmins },
    required_linear_history: { enabled: protection.requiredLinearHistory },
    allow_force_pushes: rewrites,
    allow_deletions: { enabled: protection.allowDeletions },
    block_creations: { enabled: protection.blockCreations },
    required_conversation_resolution: { enabled: protection.requiredConversationResolution },
    lock_branch: { enabled: protection.lockBranch },
    allow_fork_syncing: { enabled: protection.allowForkSyncing },
  };
}

/** `GET`, `PUT` and `DELETE /repos/{owner}/{repo}/branches/{branch}/protection` (classic protection). */
export function addProtectionRoutes(router: Router, context: RouteContext): void {
  const template = '/repos/{owner}/{repo}/branches/{branch}/protection';

  router.add('GET', template, async ({ params }) => {
    const { repo, git } = openRepository(context, params);
    const branch = params.branch ?? '';
    if (!(await branchSha(git, branch))) throw new GitHubHttpError(404, 'Branch not found');
    const protection = repo.protections?.[branch];
    if (!protection) throw new GitHubHttpError(404, 'Branch not protected');
    return { status: 200, body: protectionJson(context.urls, repo, branch, protection) };
  });

  router.add('PUT', template, async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const branch = params.branch ?? '';
    const protection = protectionOf(body);
    return context.lock.run(key, async () => {
      if (!(await branchSha(git, branch))) throw new GitHubHttpError(404, 'Branch not found');
      repo.protections = { ...repo.protections, [branch]: protection };
      context.store.save();
      return { status: 200, body: protectionJson(context.urls, repo, branch, protection) };
    });
  });

  router.add('DELETE', template, async ({ params }) => {
    const { repo, key } = openRepository(context, params);
    const branch = params.branch ?? '';
    return context.lock.run(key, async () => {
      if (!repo.protections?.[branch]) throw new GitHubHttpError(404, 'Branch not protected');
      delete repo.protections[branch];
      context.store.save();
      return { status: 204, body: undefined };
    });
  });
}
