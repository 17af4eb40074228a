import type { FlowName, FlowRun } from '../../shared/domain/flows/flow-plan';
import type { ArgsOf, FlowPreview } from '../../shared/ipc/contract';

/** The choices of a flow, as the contract parses them. */
export type FlowChoices = ArgsOf<'flows.start'>['choices'];

/** The flows as the app and the CLI use them: preview, start, resume, abandon, list, break the lock. */
export interface FlowsService {
  /** Gathers the facts, plans and runs the preflight checks; writes nothing. */
  preview(projectId: string, flow: FlowName, choices: FlowChoices): Promise<FlowPreview>;
  /**
   * Plans again (facts may have moved since the preview), refuses when a preflight blocker fails, then
   * journals and runs the flow. Resolves when the run ends (completed or failed) or waits for an approval; `onProgress` sees
   * every change as it is written.
   */
  start(
    projectId: string,
    flow: FlowName,
    choices: FlowChoices,
    onProgress: (run: FlowRun) => void,
    options?: { approveAll?: boolean },
  ): Promise<FlowRun>;
  /** Runs an interrupted or failed run again from its first unfinished step. */
  resume(runId: string, onProgress: (run: FlowRun) => void, options?: { approveAll?: boolean }): Promise<FlowRun>;
  /**
   * Approves the step a waiting run stopped at (e.g. publishing the reviewed draft release) in the name
   * of whoever runs this app, then resumes the run.
   */
  approve(runId: string, stepId: string, onProgress: (run: FlowRun) => void): Promise<FlowRun>;
  /** Marks a run abandoned and gives its lock back; nothing it did is undone. */
  abandon(runId: string): Promise<FlowRun>;
  /** Every run, newest first; of one project when given. */
  runs(projectId?: string): Promise<FlowRun[]>;
  /** Removes a stale lock of the project (locally and on GitHub). */
  breakLock(projectId: string): Promise<{ broken: boolean }>;
}
