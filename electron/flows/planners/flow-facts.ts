import type { Lane } from '../../../shared/domain/config/project-config';
import type { MergeMethod } from '../../../shared/domain/flows/flow-plan';
import type { NextVersion } from '../../../shared/domain/notes/notes-view';
import type { CiState } from '../../../shared/domain/train/train-github';
import type { BackMergeDebt } from '../../../shared/domain/train/train-status';

/** A PR as plans and preflight checks name it. */
export interface PullFact {
  number: number;
  title: string;
  /** The branch it comes from and the one it goes into; empty when only git knew the number. */
  head: string;
  base: string;
  url: string | null;
}

/** The newest run of a lane's deploy workflow. */
export interface DeployFact {
  workflow: string;
  /** `queued`, `in_progress`, `completed`…; null when the workflow has never run on the branch. */
  status: string | null;
  /** `success`, `failure`…; null until completed. */
  conclusion: string | null;
  headSha: string | null;
  url: string | null;
}

/** What merging into the main branch requires, which decides how the release bump lands. */
export interface MainRequirementsFact {
  protectedBranch: boolean;
  requiredChecks: string[];
  requiredApprovals: number;
  /** False when the token could not read classic protection, so the requirements may be incomplete. */
  complete: boolean;
}

/** What GitHub says; absent when no account is connected (plans still work, with safe defaults). */
export interface GitHubFacts {
  login: string;
  permissions: { push: boolean; admin: boolean };
  /** Open PRs into any lane branch. */
  openPulls: PullFact[];
  main: MainRequirementsFact;
  /** CI of the commits flows care about (the freeze commit), keyed by full sha. */
  ci: Record<string, CiState>;
  /** The newest deploy run of each lane that config names a deploy workflow for. */
  deploys: Partial<Record<Lane, DeployFact>>;
}

/** What a freeze would carry from development into staging. */
export interface FreezeFacts {
  /** The next version counted over development's changes, which names `release/<version>`. */
  version: NextVersion;
  /** The commit to freeze (the user's choice, else development's head); null when development is missing. */
  sha: string | null;
  /** The merged PRs in that commit that staging does not have, newest first. */
  includedPulls: PullFact[];
  /** Commits in that commit that staging does not have. */
  waitingCommits: number;
  /** `release/<version>` as it stands: its sha when it exists, and whether staging already has it. */
  releaseBranch: { name: string; sha: string | null; mergedIntoStaging: boolean };
}

/** What promoting staging to main would carry. */
export interface PromoteFacts {
  version: NextVersion;
  /** The notes draft (Markdown) for the promote PR's body. */
  notes: string;
  waitingCommits: number;
  includedPulls: PullFact[];
}

/** One version file the release bump edits. */
export interface VersionFileFact {
  path: string;
  /** Why the bump cannot edit it; null when it can. */
  problem: string | null;
}

/** What a release of main would be. */
export interface ReleaseFacts {
  version: NextVersion;
  /** The generated notes (Markdown), the default release body. */
  notes: string;
  versionFiles: VersionFileFact[];
  /** Commits on staging that main does not have: a promote that has not happened yet. */
  stagingAheadOfMain: number;
}

/**
 * Everything the planners and preflight checks read, gathered once by `gather-facts.ts` from the
 * managed clone (git), the effective config and GitHub. Plain data, so planners stay pure and are
 * tested with literals.
 */
export interface FlowFacts {
  projectId: string;
  repository: { owner: string; repo: string };
  branches: Record<Lane, string>;
  /** Each lane's head commit; null when the branch is missing. */
  heads: Record<Lane, string | null>;
  /** Every branch on the remote (names without `refs/heads/`) and its commit: which names are taken. */
  remoteBranches: Record<string, string>;
  /** Every tag and its commit (annotated tags peeled). */
  tags: Record<string, string>;
  tagFormat: { scheme: 'calver' | 'semver'; prefix: string };
  /** Config `freeze`. */
  freezeMode: 'branch' | 'direct';
  mergeMethod: MergeMethod;
  /** Config `deployments.<lane>.workflow`. */
  deployWorkflows: Partial<Record<Lane, string>>;
  /** The workflow a published release starts (a workflow on `release` on main), if the project has one. */
  releaseWorkflow: string | null;
  /** Commits on staging and main that development lacks, as the train status reports them. */
  backMerge: BackMergeDebt[];
  freeze: FreezeFacts;
  promote: PromoteFacts;
  release: ReleaseFacts;
  github: GitHubFacts | null;
}
