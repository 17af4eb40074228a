import type { Lane } from '../config/project-config';

/** A workflow run as the train dashboard shows it. */
export interface TrainWorkflowRun {
  id: number;
  name: string;
  /** `queued`, `in_progress`, `completed`, … */
  status: string;
  /** `success`, `failure`, `cancelled`, …; null until completed. */
  conclusion: string | null;
  headSha: string;
  url: string;
  createdAt: string;
}

/** The CI verdict on a lane's head commit, from its check runs and commit statuses together. */
export type CiState = 'success' | 'failure' | 'pending' | 'none';

/** What GitHub says about one lane. */
export interface LaneGitHub {
  lane: Lane;
  branch: string;
  /** The deploy workflow of this lane (config `deployments.<lane>.workflow`), or null if none is set. */
  deployWorkflow: string | null;
  /** The newest run on the branch of the deploy workflow (or of any workflow, when none is set). */
  latestRun: TrainWorkflowRun | null;
  /** CI of the lane's head commit; `none` when it has no checks or statuses. */
  ci: CiState;
}

/** A PR as the train dashboard lists it. */
export interface TrainPull {
  number: number;
  title: string;
  url: string;
  author: string | null;
  head: string;
  base: string;
}

/** What GitHub adds to the train dashboard. */
export type TrainGitHubView =
  | {
      state: 'connected';
      /** Who the token belongs to, e.g. `practice-user`. */
      login: string;
      host: string;
      lanes: LaneGitHub[];
      /** Open PRs into a lane branch: the freeze, promote, hotfix and back-merge PRs in flight. */
      openPulls: TrainPull[];
      /** The merged PRs waiting in each pair (`development→staging`), found through GraphQL. */
      waitingPulls: Record<string, TrainPull[]>;
      /** GitHub requests this view took, for the curious and for the benchmarks. */
      requests: number;
      checkedAt: string;
    }
  | { state: 'not-connected'; host: string };
