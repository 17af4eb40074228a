/** How a sandbox workflow run ends. */
export type WorkflowConclusion = 'success' | 'failure' | 'cancelled';

/**
 * A workflow the sandbox server "runs": it has no runner, so a run is a record whose status moves
 * queued → in_progress → completed by the clock, ending with the configured conclusion.
 */
export interface WorkflowConfig {
  /** The workflow's name as GitHub shows it, e.g. `Deploy to staging`. */
  name: string;
  /** Its file in the repository, e.g. `.github/workflows/deploy-staging.yml`. */
  path: string;
  /** What starts a run: a push to one of these branches, and/or a published release. */
  on: { push?: { branches: string[] }; release?: boolean };
  /** How runs end; `success` when absent. */
  conclusion?: WorkflowConclusion;
  /** Time from queued to in_progress, in ms (default 1000). */
  queuedMs?: number;
  /** Time from in_progress to completed, in ms (default 5000). */
  durationMs?: number;
}
