/**
 * What the server remembers about branch rules, reviews, check runs and commit statuses. Every field
 * that holds these on a repository or PR is optional, so state files written before they existed still
 * load (an absent list is an empty one).
 */

/** Classic branch protection of one branch (`PUT /branches/{branch}/protection`). */
export interface StoredBranchProtection {
  /** `null` when status checks are not required. */
  requiredStatusChecks: { strict: boolean; checks: { context: string; appId: number | null }[] } | null;
  /** `null` when reviews are not required. */
  requiredPullRequestReviews: {
    requiredApprovingReviewCount: number;
    dismissStaleReviews: boolean;
    requireCodeOwnerReviews: boolean;
    requireLastPushApproval: boolean;
  } | null;
  enforceAdmins: boolean;
  requiredLinearHistory: boolean;
  /** GitHub's `allow_force_pushes`. */
  allowsHistoryRewrites: boolean;
  allowDeletions: boolean;
  blockCreations: boolean;
  requiredConversationResolution: boolean;
  lockBranch: boolean;
  allowForkSyncing: boolean;
}

/** One rule of a ruleset, as GitHub writes it: a type and its parameters. */
export interface StoredRule {
  type: string;
  parameters?: Record<string, unknown>;
}

/** A repository ruleset (`POST /rulesets`). */
export interface StoredRuleset {
  id: number;
  name: string;
  target: 'branch' | 'tag' | 'push';
  enforcement: 'disabled' | 'active' | 'evaluate';
  /** `ref_name` patterns: full refs, `~DEFAULT_BRANCH`, `~ALL`, or fnmatch-style globs. */
  include: string[];
  exclude: string[];
  rules: StoredRule[];
  createdAt: string;
  updatedAt: string;
}

/** A submitted (or pending) pull request review. */
export interface StoredReview {
  id: number;
  userLogin: string;
  userId: number;
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING' | 'DISMISSED';
  /** The head sha the review was written against. */
  commitId: string;
  submittedAt: string | null;
}

/** A check run on a commit. */
export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  startedAt: string | null;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
}

/** A commit status (`POST /statuses/{sha}`); the latest per context counts. */
export interface StoredCommitStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  createdAt: string;
  creatorLogin: string;
}
