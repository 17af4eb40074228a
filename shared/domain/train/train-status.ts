import type { CommitSummary } from '../commits/pr-reference';
import type { Lane } from '../config/project-config';
import type { TagFormat } from '../versions/release-tags';

/** A lane's branch and where its head stands. */
export interface LaneStatus {
  name: Lane;
  branch: string;
  /** The ref it was read from, e.g. `refs/remotes/origin/dev`; null when the branch is missing. */
  ref: string | null;
  head: { sha: string; date: string; subject: string; author: string } | null;
}

/** What is waiting to move from one lane into the next. */
export interface PairStatus {
  from: Lane;
  to: Lane;
  /** Commits in `from` that are not in `to`. */
  ahead: number;
  /** Commits in `to` that are not in `from`. */
  behind: number;
  prs: number[];
  /** Full shas of the waiting commits, newest first. */
  commits: string[];
  details: CommitSummary[];
}

/** Commits on a later lane that never came back into development. */
export interface BackMergeDebt {
  lane: Exclude<Lane, 'development'>;
  commits: string[];
  prs: number[];
  details: CommitSummary[];
  /** Said plainly, e.g. "2 hotfixes on staging are not in development". */
  message: string;
}

/** The newest release and how it relates to the release branch. */
export interface LastRelease {
  tag: string;
  sha: string;
  version: string;
  /** Whether the tag is in the release branch's history. */
  isAncestor: boolean;
  /** Commits on the release branch that are not in the tag. */
  unreleasedCommits: number;
  /** The newest release tag that is in the release branch's history, when different from `tag`. */
  newestAncestorTag: string | null;
}

/** A version file compared against the last release tag. */
export interface VersionFileStatus {
  path: string;
  /** The version the file declares on the release branch; null when unreadable. */
  version: string | null;
  matchesTag: boolean;
}

/** Where the whole train stands, computed from git alone. */
export interface TrainStatus {
  lanes: LaneStatus[];
  pairs: PairStatus[];
  backMerge: BackMergeDebt[];
  lastRelease: LastRelease | null;
  versionFiles: VersionFileStatus[];
  tagFormat: TagFormat;
  warnings: string[];
  /** The same warnings, placed on the lane each concerns. */
  laneWarnings: Record<Lane, string[]>;
  /** ISO-8601 time the status was computed. */
  computedAt: string;
}
