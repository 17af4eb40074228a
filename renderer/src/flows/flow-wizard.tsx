import * as Dialog from '@radix-ui/react-dialog';
import {
  ArrowLeft,
  ArrowRight,
  Ban,
  Check,
  GitCompareArrows,
  LockKeyholeOpen,
  Play,
  RotateCcw,
  RotateCw,
} from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { FlowRun } from '../../../shared/domain/flows/flow-plan';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { LiveRegion } from '../components/live-region';
import { assertNever } from '../lib/assert-never';
import { ChoicesScreen } from './choices-screen';
import { ConfirmDialog } from '../components/confirm-dialog';
import { flowLabels } from './flow-labels';
import { PlanScreen } from './plan-screen';
import { PreflightScreen } from './preflight-screen';
import { ResultScreen, RunScreen } from './run-screen';
import { currentStep, runError, startConfirmation } from './step-rows';
import { useFlowWizard } from './use-flow-wizard';
import { stepsAfterApproval, waitingApproval } from './waiting-panel';
import {
  backMergeAfterHotfix,
  choiceErrors,
  startBlocker,
  WIZARD_SCREENS,
  type WizardScreen,
  type WizardState,
} from './wizard-state';

/** Props of {@link FlowWizard}. */
export interface FlowWizardProps {
  /** Where the wizard starts: a new flow's choices, or an existing run. */
  initial: WizardState;
  /** The project's name, under the title. */
  projectName: string;
  practice: boolean;
  onClose: () => void;
  onRunEnded: (run: FlowRun) => void;
  /** Opens another flow's wizard in place of this one (the back-merge a finished hotfix offers). */
  onOpenFlow: (initial: WizardState) => void;
}

const SCREEN_NAMES: Record<WizardScreen, string> = {
  choices: 'Choices',
  preflight: 'Preflight',
  plan: 'Plan',
  run: 'Run',
  result: 'Result',
};

/**
 * The promotion wizard of one flow: choices, preflight, the plan (a dry run), the run with live
 * progress, and the result. Mounted while open, so each opening starts clean. It can be closed while a
 * run goes on; the run continues in main and shows on the Train screen.
 */
export function FlowWizard({ initial, projectName, practice, onClose, onRunEnded, onOpenFlow }: FlowWizardProps) {
  const wizard = useFlowWizard(initial, { onRunEnded });
  const { state } = wizard;
  const labels = flowLabels(state.flow);
  const [linkError, setLinkError] = useState<IpcError | null>(null);
  const [confirming, setConfirming] = useState<'start' | 'approve' | 'abandon' | 'break-lock' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const blockerId = useId();
  const errors = state.showErrors ? choiceErrors(state.flow, state.form) : {};
  const preview = state.preview.status === 'ready' ? state.preview.preview : null;
  const blocker = startBlocker(state);
  const approval = state.run ? waitingApproval(state.run) : null;
  // A run waiting for the user is still under way: the stage bar says Run, not Result.
  const stage: WizardScreen = approval ? 'run' : state.screen;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    wizard.next();
  };

  const requestStart = () => {
    if (!preview || blocker) return;
    if (startConfirmation(preview.plan) === null) wizard.start();
    else setConfirming('start');
  };

  // The lock is the trouble when a start was refused for it, or the run failed taking it.
  const failedStep = state.run ? currentStep(state.run) : null;
  const lockTrouble =
    (state.callError?.code === 'CONFLICT' && /lock/i.test(state.callError.message)) ||
    (state.run?.status === 'failed' &&
      failedStep?.step.kind === 'acquire-lock' &&
      runError(state.run)?.code === 'CONFLICT');

  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog dialog--wizard"
          // A stray click beside the form must not throw away the choices; Close and Escape close it.
          onInteractOutside={(event) => event.preventDefault()}
        >
          <form className="wizard" onSubmit={submit} noValidate>
            <header className="dialog__header">
              <Dialog.Title className="dialog__title">{labels.title}</Dialog.Title>
              <Dialog.Description className="dialog__description">
                {projectName}. {labels.summary}
              </Dialog.Description>
              <ol className="wizard-stages" aria-label="Stages">
                {WIZARD_SCREENS.map((screen) => (
                  <li
                    key={screen}
                    className={
                      screen === stage ? 'wizard-stages__item wizard-stages__item--current' : 'wizard-stages__item'
                    }
                    aria-current={screen === stage ? 'step' : undefined}
                  >
                    {SCREEN_NAMES[screen]}
                  </li>
                ))}
              </ol>
            </header>

            <div className="wizard__body">
              {linkError ? (
                <ErrorAlert
                  error={{ ...linkError, message: `The link could not be opened. ${linkError.message}` }}
                  action={<Button onClick={() => setLinkError(null)}>Dismiss</Button>}
                />
              ) : null}
              <WizardBody
                state={state}
                errors={errors}
                blocker={blocker}
                blockerId={blockerId}
                practice={practice}
                onEdit={wizard.edit}
                onRetryNotes={wizard.loadNotes}
                onLinkError={setLinkError}
              />
            </div>

            <footer className="dialog__footer wizard__footer">
              <Dialog.Close asChild>
                <Button className="wizard__close">Close</Button>
              </Dialog.Close>
              <WizardButtons
                state={state}
                blocked={blocker !== null}
                blockerId={blockerId}
                lockTrouble={lockTrouble}
                onBack={wizard.back}
                onCheck={wizard.check}
                onStart={requestStart}
                onResume={wizard.resume}
                approveLabel={approval ? `${approval.step.action}…` : null}
                onBackMerge={(() => {
                  const next = state.run ? backMergeAfterHotfix(state.run) : null;
                  return next ? () => onOpenFlow(next) : null;
                })()}
                onApprove={() => setConfirming('approve')}
                onAbandon={() => setConfirming('abandon')}
                onBreakLock={() => setConfirming('break-lock')}
              />
            </footer>
          </form>
          <LiveRegion message={announcement} />
        </Dialog.Content>
      </Dialog.Portal>

      <ConfirmDialog
        open={confirming === 'start'}
        onOpenChange={(open) => setConfirming(open ? 'start' : null)}
        title={`Start the ${labels.noun}?`}
        description={preview ? startConfirmation(preview.plan) : ''}
        confirm="Start"
        icon={Play}
        onConfirm={() => {
          wizard.start();
          return Promise.resolve(null);
        }}
      />
      <ConfirmDialog
        open={confirming === 'approve' && approval !== null}
        onOpenChange={(open) => setConfirming(open ? 'approve' : null)}
        title={approval ? `${approval.step.action}: ${approval.step.subject}?` : ''}
        description={
          approval && state.run
            ? `Once approved, the run goes on: ${stepsAfterApproval(state.run, approval.id).join('; ')}. This cannot be taken back from here.`
            : ''
        }
        confirm={approval?.step.action ?? 'Approve'}
        icon={Check}
        onConfirm={() => {
          if (approval) wizard.approve(approval.id);
          return Promise.resolve(null);
        }}
      />
      <ConfirmDialog
        open={confirming === 'abandon'}
        onOpenChange={(open) => setConfirming(open ? 'abandon' : null)}
        title="Abandon this run?"
        description="Nothing it did is undone; the lock is given back."
        confirm="Abandon run"
        icon={Ban}
        variant="danger"
        onConfirm={async () => {
          await wizard.abandon();
          return null;
        }}
      />
      <ConfirmDialog
        open={confirming === 'break-lock'}
        onOpenChange={(open) => setConfirming(open ? 'break-lock' : null)}
        title="Break the lock?"
        description="Only when the run that holds it is gone (it crashed, or its machine is off). If it is still running, two runs would change the same branches at once."
        confirm="Break the lock"
        icon={LockKeyholeOpen}
        variant="danger"
        onConfirm={async () => {
          const result = await wizard.breakLock();
          if (!result.ok) return result.error;
          setAnnouncement(result.value.broken ? 'The lock was broken. Start again.' : 'There was no lock to break.');
          wizard.back();
          return null;
        }}
      />
    </Dialog.Root>
  );
}

interface WizardBodyProps {
  state: WizardState;
  errors: ReturnType<typeof choiceErrors>;
  blocker: string | null;
  blockerId: string;
  practice: boolean;
  onEdit: ReturnType<typeof useFlowWizard>['edit'];
  onRetryNotes: () => void;
  onLinkError: (error: IpcError) => void;
}

function WizardBody({
  state,
  errors,
  blocker,
  blockerId,
  practice,
  onEdit,
  onRetryNotes,
  onLinkError,
}: WizardBodyProps) {
  switch (state.screen) {
    case 'choices':
      return (
        <ChoicesScreen
          flow={state.flow}
          form={state.form}
          errors={errors}
          notes={state.notes}
          onEdit={onEdit}
          onRetryNotes={onRetryNotes}
          onLinkError={onLinkError}
        />
      );
    case 'preflight':
      return <PreflightScreen preview={state.preview} />;
    case 'plan':
      return state.preview.status === 'ready' ? (
        <PlanScreen
          preview={state.preview.preview}
          blocker={blocker}
          blockerId={blockerId}
          practice={practice}
          onLinkError={onLinkError}
        />
      ) : (
        <PreflightScreen preview={state.preview} />
      );
    case 'run':
      return (
        <RunScreen
          flow={state.flow}
          plan={state.preview.status === 'ready' ? state.preview.preview.plan : null}
          run={state.run}
          pending={state.pending !== null}
          callError={state.callError}
          practice={practice}
          onLinkError={onLinkError}
        />
      );
    case 'result':
      return state.run ? (
        <ResultScreen run={state.run} callError={state.callError} practice={practice} onLinkError={onLinkError} />
      ) : null;
    default:
      return assertNever(state.screen);
  }
}

interface WizardButtonsProps {
  state: WizardState;
  blocked: boolean;
  blockerId: string;
  lockTrouble: boolean;
  onBack: () => void;
  onCheck: () => void;
  onStart: () => void;
  onResume: () => void;
  /** The approve button's text when the run waits for the user, else null. */
  approveLabel: string | null;
  onApprove: () => void;
  /** A finished hotfix offers its back-merge into development; null otherwise. */
  onBackMerge: (() => void) | null;
  onAbandon: () => void;
  onBreakLock: () => void;
}

/** The buttons of the screen on show, after Close; the primary one last. */
function WizardButtons({
  state,
  blocked,
  blockerId,
  lockTrouble,
  onBack,
  onCheck,
  onStart,
  onResume,
  approveLabel,
  onApprove,
  onBackMerge,
  onAbandon,
  onBreakLock,
}: WizardButtonsProps) {
  const checking = state.preview.status === 'loading';
  const back = (
    <Button icon={ArrowLeft} onClick={onBack} disabled={state.pending !== null}>
      Back
    </Button>
  );
  const breakLock = lockTrouble ? (
    <Button icon={LockKeyholeOpen} onClick={onBreakLock}>
      Break the lock…
    </Button>
  ) : null;
  switch (state.screen) {
    case 'choices':
      return (
        <Button type="submit" variant="primary" icon={ArrowRight}>
          Next
        </Button>
      );
    case 'preflight':
      return (
        <>
          {back}
          <Button
            icon={RotateCw}
            busy={checking}
            aria-disabled={checking}
            onClick={() => (checking ? undefined : onCheck())}
          >
            Check
          </Button>
          <Button type="submit" variant="primary" icon={ArrowRight} disabled={state.preview.status !== 'ready'}>
            Next
          </Button>
        </>
      );
    case 'plan':
      return (
        <>
          {back}
          {/* aria-disabled keeps Start focusable and its reason read out; a disabled button is skipped. */}
          <Button
            variant="primary"
            icon={Play}
            aria-disabled={blocked}
            aria-describedby={blocked ? blockerId : undefined}
            onClick={() => (blocked ? undefined : onStart())}
          >
            Start
          </Button>
        </>
      );
    case 'run':
      return state.run === null && state.pending === null ? (
        <>
          {breakLock}
          {back}
        </>
      ) : null;
    case 'result': {
      const run = state.run;
      if (run?.status === 'completed' && onBackMerge) {
        return (
          <Button variant="primary" icon={GitCompareArrows} onClick={onBackMerge}>
            Back-merge into development…
          </Button>
        );
      }
      if (!run || run.status === 'completed' || run.status === 'abandoned') return null;
      const busy = state.pending !== null;
      return (
        <>
          {breakLock}
          <Button icon={Ban} onClick={onAbandon} disabled={busy}>
            Abandon…
          </Button>
          {approveLabel ? (
            <Button
              variant="primary"
              icon={Check}
              busy={state.pending === 'approve'}
              disabled={busy}
              onClick={onApprove}
            >
              {approveLabel}
            </Button>
          ) : (
            <Button
              variant="primary"
              icon={RotateCcw}
              busy={state.pending === 'resume'}
              disabled={busy}
              onClick={onResume}
            >
              Resume
            </Button>
          )}
        </>
      );
    }
    default:
      return assertNever(state.screen);
  }
}
