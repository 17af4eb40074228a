import { CircleCheck, CircleSlash } from 'lucide-react';
import type { FlowName, FlowPlan, FlowRun } from '../../../shared/domain/flows/flow-plan';
import type { IpcError } from '../../../shared/ipc/errors';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { FlowLink } from './flow-link';
import { flowErrorAdvice } from './flow-error-advice';
import { flowLabels } from './flow-labels';
import { StepList } from './step-list';
import { WaitingPanel } from './waiting-panel';
import { currentStep, progressSummary, runError, runOutputs, stepRows } from './step-rows';

/** Props of {@link RunScreen}. */
export interface RunScreenProps {
  flow: FlowName;
  /** The plan being run, from the dry run, until the run's first event brings its own. */
  plan: FlowPlan | null;
  run: FlowRun | null;
  /** A start or resume call is waiting for main. */
  pending: boolean;
  /** The start call failed before a run existed (the lock is held, a check failed since). */
  callError: IpcError | null;
  practice: boolean;
  onLinkError: (error: IpcError) => void;
}

/**
 * The run with live progress: each step pending, running, done or failed. Closing the wizard does not
 * stop it; the run goes on in the background and shows on the Train screen.
 */
export function RunScreen({ flow, plan, run, pending, callError, practice, onLinkError }: RunScreenProps) {
  const shown = run?.plan ?? plan;
  if (callError && !run) {
    const advice = flowErrorAdvice(callError.code, 'Start');
    return <ErrorAlert error={callError} title={`The ${flowLabels(flow).noun} did not start`} next={advice.next} />;
  }
  const status = run ? `${run.status === 'running' ? 'Running' : 'Ended'}: ${progressSummary(run)}.` : 'Starting…';
  return (
    <div className="wizard__section">
      <p className="wizard__verdict" role="status">
        {pending && !run ? 'Starting…' : status}
      </p>
      {shown ? (
        <StepList rows={stepRows(shown, run?.steps)} mode="run" practice={practice} onLinkError={onLinkError} />
      ) : null}
      <p className="field__hint">
        You can close this window: the run goes on and the Train screen shows where it stands.
      </p>
    </div>
  );
}

/** Props of {@link ResultScreen}. */
export interface ResultScreenProps {
  run: FlowRun;
  /** The last resume or abandon call failed. */
  callError: IpcError | null;
  practice: boolean;
  onLinkError: (error: IpcError) => void;
}

/**
 * How the run ended. Completed: what it made, with links. Failed: the step it stopped at, the error and
 * what to do; Resume goes on from that step without repeating finished ones. Waiting: what to review
 * before approving (the draft release). Abandoned: said plainly.
 */
export function ResultScreen({ run, callError, practice, onLinkError }: ResultScreenProps) {
  const labels = flowLabels(run.plan.flow);
  const outputs = runOutputs(run);
  const outputList =
    outputs.length > 0 ? (
      <ul className="run-outputs" aria-label="What the run made">
        {outputs.map((output) => (
          <li key={`${output.kind}:${output.label}`}>
            <FlowLink label={output.label} url={output.url} practice={practice} onError={onLinkError} />
          </li>
        ))}
      </ul>
    ) : null;
  const steps = (
    <StepList rows={stepRows(run.plan, run.steps)} mode="run" practice={practice} onLinkError={onLinkError} />
  );
  const callAlert = callError ? <CallError error={callError} /> : null;

  switch (run.status) {
    case 'completed':
      return (
        <div className="wizard__section">
          <p className="wizard__outcome wizard__outcome--done" role="status">
            <CircleCheck aria-hidden="true" />
            The {labels.noun} completed.
          </p>
          {run.plan.flow === 'hotfix' ? (
            <p className="field__hint">
              Development does not have this hotfix’s commits yet. Back-merge them now, so the next freeze keeps the fix
              and the branches stay in step.
            </p>
          ) : null}
          {outputList}
          {steps}
        </div>
      );
    case 'waiting':
      return (
        <div className="wizard__section">
          {callAlert}
          <WaitingPanel run={run} practice={practice} onLinkError={onLinkError} />
          {outputList}
          {steps}
        </div>
      );
    case 'failed':
    case 'running': {
      // A run still marked running here was interrupted (the app quit mid-step): it is resumed the same way.
      const at = currentStep(run);
      const error = runError(run);
      const advice = flowErrorAdvice(error?.code ?? 'INTERNAL', 'Resume');
      return (
        <div className="wizard__section">
          {callAlert}
          <ErrorAlert
            error={
              error
                ? { code: 'INTERNAL', message: error.message, detail: error.detail }
                : { code: 'INTERNAL', message: 'The run was interrupted before its step ended.' }
            }
            title={`The ${labels.noun} stopped at step “${at?.title ?? 'unknown'}”`}
            next={`${advice.next} Or abandon the run: nothing it did is undone, and the lock is given back.`}
          />
          {outputList}
          {steps}
        </div>
      );
    }
    case 'abandoned':
      return (
        <div className="wizard__section">
          {callAlert}
          <p className="wizard__outcome" role="status">
            <CircleSlash aria-hidden="true" />
            The {labels.noun} was abandoned. Nothing it did was undone, and the lock was given back.
          </p>
          {outputList}
          {steps}
        </div>
      );
    default:
      return assertNever(run.status);
  }
}

function CallError({ error }: { error: IpcError }) {
  const advice = flowErrorAdvice(error.code, 'Resume');
  return <ErrorAlert error={error} title={advice.title} next={advice.next} />;
}
