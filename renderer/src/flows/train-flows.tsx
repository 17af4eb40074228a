import {
  Ban,
  GitCompareArrows,
  GitMerge,
  LoaderCircle,
  Package,
  RotateCcw,
  Snowflake,
  Flame,
  TriangleAlert,
  Eye,
  Hand,
} from 'lucide-react';
import { lazy, Suspense, useRef, useState } from 'react';
import type { FlowName, FlowRun } from '../../../shared/domain/flows/flow-plan';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { LiveRegion } from '../components/live-region';
import { assertNever } from '../lib/assert-never';
import { isPracticeProject } from '../lib/practice';
import { callReleaseDesk } from '../lib/release-desk';
import { ConfirmDialog } from '../components/confirm-dialog';
import { FLOW_ACTION_ORDER, flowLabels, runStatusLabel } from './flow-labels';
import { isLiveRun } from './run-events';
import { unfinishedRun } from './run-list';
import { currentStep, runError } from './step-rows';
import { useFlowRuns } from './use-flow-runs';
import { initialWizard, wizardForRun, type WizardState } from './wizard-state';

// The wizard (its screens, the markdown preview's loader) loads when a flow is first opened.
const FlowWizard = lazy(() => import('./flow-wizard').then((module) => ({ default: module.FlowWizard })));

/** Props of {@link TrainFlows}. */
export interface TrainFlowsProps {
  project: Project;
  /** A run ended (or was abandoned): the branches moved, so the train is read again. */
  onRunEnded: () => void;
}

function flowIcon(flow: FlowName) {
  switch (flow) {
    case 'freeze':
      return Snowflake;
    case 'promote':
      return GitMerge;
    case 'release':
      return Package;
    case 'hotfix':
      return Flame;
    case 'backmerge':
      return GitCompareArrows;
    default:
      return assertNever(flow);
  }
}

/**
 * The Train screen's flows: a button per flow that opens its wizard, and a banner for a run that did
 * not finish (Resume, Abandon…) or one still going after its wizard was closed.
 */
export function TrainFlows({ project, onRunEnded }: TrainFlowsProps) {
  const runs = useFlowRuns(project.id);
  const [wizard, setWizard] = useState<{ key: number; initial: WizardState } | null>(null);
  const [abandoning, setAbandoning] = useState<FlowRun | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const opened = useRef(0);
  const practice = isPracticeProject(project);
  const unfinished = runs.state.status === 'ready' ? unfinishedRun(runs.state.runs) : null;

  const open = (initial: WizardState) => {
    opened.current += 1;
    setWizard({ key: opened.current, initial });
  };

  return (
    <>
      <div className="flow-actions" role="group" aria-label="Flows">
        {FLOW_ACTION_ORDER.map((flow) => (
          <Button key={flow} icon={flowIcon(flow)} onClick={() => open(initialWizard(flow, project.id))}>
            {flowLabels(flow).action}
          </Button>
        ))}
      </div>
      {unfinished ? (
        <UnfinishedRunBanner
          run={unfinished}
          onShow={() => open(wizardForRun(unfinished))}
          onResume={() => open(wizardForRun(unfinished, true))}
          onAbandon={() => setAbandoning(unfinished)}
        />
      ) : null}
      {wizard ? (
        <Suspense fallback={null}>
          <FlowWizard
            key={wizard.key}
            initial={wizard.initial}
            projectName={project.name}
            practice={practice}
            onClose={() => setWizard(null)}
            onOpenFlow={open}
            onRunEnded={(run) => {
              setAnnouncement(
                `The ${flowLabels(run.plan.flow).noun} run: ${runStatusLabel(run.status).toLowerCase()}.`,
              );
              // Abandoning writes no progress event: read the journal again so the banner goes.
              void runs.reload();
              onRunEnded();
            }}
          />
        </Suspense>
      ) : null}
      <ConfirmDialog
        open={abandoning !== null}
        onOpenChange={(isOpen) => (isOpen ? undefined : setAbandoning(null))}
        title="Abandon this run?"
        description="Nothing it did is undone; the lock is given back."
        confirm="Abandon run"
        icon={Ban}
        variant="danger"
        onConfirm={async () => {
          if (!abandoning) return null;
          const result = await callReleaseDesk((api) => api.flows.abandon({ runId: abandoning.id }));
          if (!result.ok) return result.error;
          setAnnouncement(`The ${flowLabels(abandoning.plan.flow).noun} run was abandoned.`);
          await runs.reload();
          onRunEnded();
          return null;
        }}
      />
      <LiveRegion message={announcement} />
    </>
  );
}

/** Props of {@link UnfinishedRunBanner}. */
interface UnfinishedRunBannerProps {
  run: FlowRun;
  onShow: () => void;
  onResume: () => void;
  onAbandon: () => void;
}

/**
 * A run that did not finish. One waiting for the user (a draft release to publish) offers Review. One
 * this window saw running is live: it offers its progress. Any other
 * (failed, or left running by a quit or a crash) was interrupted: Resume goes on from the step it
 * stopped at, Abandon gives the lock back.
 */
function UnfinishedRunBanner({ run, onShow, onResume, onAbandon }: UnfinishedRunBannerProps) {
  const noun = flowLabels(run.plan.flow).noun;
  const step = currentStep(run)?.title ?? 'unknown';
  if (run.status === 'waiting') {
    return (
      <div className="notice notice--info flow-banner" role="status">
        <Hand className="notice__icon" aria-hidden="true" />
        <div className="notice__body">
          <p className="notice__title">
            A {noun} run is waiting for you: “{step}”.
          </p>
        </div>
        <div className="flow-banner__actions">
          <Button icon={Ban} onClick={onAbandon}>
            Abandon…
          </Button>
          <Button variant="primary" icon={Eye} onClick={onShow}>
            Review…
          </Button>
        </div>
      </div>
    );
  }
  if (isLiveRun(run)) {
    return (
      <div className="notice notice--info flow-banner" role="status">
        <LoaderCircle className="notice__icon spin" aria-hidden="true" />
        <div className="notice__body">
          <p className="notice__title">
            A {noun} run is in progress at step “{step}”.
          </p>
        </div>
        <div className="flow-banner__actions">
          <Button icon={Eye} onClick={onShow}>
            Show progress
          </Button>
        </div>
      </div>
    );
  }
  const error = runError(run);
  return (
    <div className="notice flow-banner">
      <TriangleAlert className="notice__icon" aria-hidden="true" />
      <div className="notice__body">
        <p className="notice__title">
          A {noun} run was interrupted at step “{step}”.
        </p>
        {error ? <p className="notice__message">{error.message}</p> : null}
      </div>
      <div className="flow-banner__actions">
        <Button icon={Ban} onClick={onAbandon}>
          Abandon…
        </Button>
        <Button variant="primary" icon={RotateCcw} onClick={onResume}>
          Resume
        </Button>
      </div>
    </div>
  );
}
