/**
 * The release train's flows as data: a plan is a list of named steps, each a discriminated union member
 * that a runner executes (observing before it acts) and a wizard renders with an exhaustive switch.
 * Pure: planners in `electron/flows` build plans from facts; nothing here touches git or GitHub.
 */

/** The flows of the train. */
export const FLOW_NAMES = ['freeze', 'hotfix', 'promote', 'release', 'backmerge'] as const;
/** One of {@link FLOW_NAMES}. */
export type FlowName = (typeof FLOW_NAMES)[number];

/** How a PR is merged. */
export type MergeMethod = 'merge' | 'squash' | 'rebase';

/**
 * A value a step needs that an earlier step produces, e.g. the sha a merge made: `{ fromStep: 'merge',
 * output: 'sha' }`. Plain strings are known when planning.
 */
export type StepInput = string | { fromStep: string; output: string };

/** One step of a plan. Each kind's executor looks for its result first and creates it only if absent. */
export type FlowStep =
  /** Takes the project's flow lock, locally and on GitHub (`refs/release-desk/lock`). */
  | { kind: 'acquire-lock' }
  /** Creates `branch` at exactly `sha` on GitHub (a ref); an existing branch at that sha is fine. */
  | { kind: 'create-branch'; branch: string; sha: StepInput }
  /** Cherry-picks `shas` onto `branch` in the managed clone, then sends it to origin as a fast-forward. */
  | { kind: 'cherry-pick'; branch: string; shas: string[] }
  /** Finds the open PR from `head` into `base`, or opens it. Output: `number`, `url`, `headSha`. */
  | { kind: 'open-pr'; head: string; base: string; title: string; body: StepInput }
  /** Waits until the PR's required checks pass and reviews approve. Output: `headSha`. */
  | { kind: 'wait-pr'; pr: StepInput }
  /** Merges the PR at the head sha that was waited on. Output: `sha` (the merge result on base). */
  | { kind: 'merge-pr'; pr: StepInput; headSha: StepInput; method: MergeMethod }
  /** Waits for the newest run of `workflow` for `sha` (push to `branch`, or a release) to finish. */
  | { kind: 'watch-workflow'; workflow: string; branch: string; sha: StepInput; event: 'push' | 'release' }
  /**
   * Writes `version` into the version files on `branch`: a commit pushed directly where allowed, else a
   * commit on `bump/<version>` with a PR (then `open-pr`/`merge-pr` steps follow). Output: `sha`.
   */
  | { kind: 'bump-version'; version: string; files: string[]; branch: string; via: 'direct' | 'pr' }
  /** Tags `sha` (lightweight or annotated); an existing tag at the same commit is fine, elsewhere a conflict. */
  | { kind: 'create-tag'; tag: string; sha: StepInput; annotated: boolean; message: string }
  /** Finds the release of `tag` (drafts included) or creates it as a draft. Output: `id`, `url`. */
  | { kind: 'create-release'; tag: string; sha: StepInput; name: string; body: string }
  /** Publishes the draft release of `tag`; a published one is left alone. */
  | { kind: 'publish-release'; tag: string }
  /**
   * Waits until `branch` has commits that `base` lacks: the user pushes their own fix (a hotfix
   * without cherry-picks). Output: `headSha`, `ahead` (how many commits).
   */
  | { kind: 'wait-commits'; branch: string; base: string }
  /**
   * Stops the run until a person approves what came before (e.g. reviews the draft release before it
   * is published). The run's status is `waiting` until then. `link` is what they review. Output: `by`, `at`.
   */
  | { kind: 'approve'; subject: string; action: string; link?: StepInput }
  /** Gives the lock back. */
  | { kind: 'release-lock' };

/** The kind of a {@link FlowStep}. */
export type FlowStepKind = FlowStep['kind'];

/** A step in a plan: its id (unique in the plan), what a user reads, and exactly what it will do. */
export interface PlannedStep {
  id: string;
  /** e.g. "Open the freeze PR release/2026.11.0 → staging". */
  title: string;
  step: FlowStep;
  /** The git commands and GitHub calls it makes, as a dry run prints them. */
  effects: string[];
  /** Changes something others see (a merge, a tag, a published release): the wizard confirms first. */
  destructive: boolean;
}

/** A whole plan: the flow, the project, the user's choices, and its steps in order. */
export interface FlowPlan {
  flow: FlowName;
  projectId: string;
  /** `owner/repo`. */
  repository: string;
  /** What the user chose (version, sha, name, from…), for the journal and the Activity screen. */
  choices: Record<string, string>;
  steps: PlannedStep[];
}

/** One preflight check: passes or fails with a reason and what to do. */
export interface PreflightCheck {
  id: string;
  title: string;
  ok: boolean;
  /** Why it passed or failed, in a sentence. */
  reason: string;
  /** What to do when it failed. */
  fix?: string;
  /** A warning does not stop the flow (e.g. back-merge debt shown before a promote). */
  severity: 'blocker' | 'warning';
}

/** Where one step of a run stands. */
export type StepState = 'pending' | 'running' | 'done' | 'failed';

/** A step's record in the journal. */
export interface StepRecord {
  id: string;
  state: StepState;
  startedAt: string | null;
  endedAt: string | null;
  /** What it produced (`number`, `sha`, `url`…), for later steps and the result screen. */
  outputs: Record<string, string>;
  /** The failure's message, when failed. */
  error: { code: string; message: string; detail?: string } | null;
}

/**
 * Where a run stands. `waiting`: stopped at an `approve` step until a person approves it (e.g. publishes
 * the draft release after reviewing it).
 */
export type RunStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'abandoned';

/** Who approved an `approve` step, and when. */
export interface Approval {
  by: string;
  at: string;
}

/** A run of a flow as the journal keeps it; written atomically before and after every step. */
export interface FlowRun {
  /** e.g. `20261126-101500-freeze-ab12`. */
  id: string;
  plan: FlowPlan;
  status: RunStatus;
  /** Who ran it (git user name or OS user) and on which machine. */
  by: string;
  startedAt: string;
  updatedAt: string;
  steps: StepRecord[];
  /** The `approve` steps a person has approved, by step id. */
  approvals?: Record<string, Approval>;
}

/** Resolves a {@link StepInput} against the outputs of earlier steps; undefined when not yet produced. */
export function resolveInput(input: StepInput, steps: readonly StepRecord[]): string | undefined {
  if (typeof input === 'string') return input;
  return steps.find((record) => record.id === input.fromStep)?.outputs[input.output];
}

/**
 * A step's title or effect line with the outputs known so far filled in: planners write a value an
 * earlier step will produce as `<stepId.output>` ("Merge PR #<pr.number>"); once that step has run, the
 * run shows the real value ("Merge PR #24"). Unknown placeholders stay as they are.
 */
export function fillOutputs(text: string, steps: readonly StepRecord[]): string {
  return text.replace(/<([a-z0-9-]+)\.([a-zA-Z]+)>/g, (placeholder, stepId: string, output: string) => {
    return steps.find((record) => record.id === stepId)?.outputs[output] ?? placeholder;
  });
}
