import { Hand } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { resolveInput, type FlowRun, type FlowStep, type PlannedStep } from '../../../shared/domain/flows/flow-plan';
import type { IpcError } from '../../../shared/ipc/errors';
import { FlowLink } from './flow-link';

const MarkdownPreview = lazy(() =>
  import('../notes/markdown-preview').then((module) => ({ default: module.MarkdownPreview })),
);

type ApproveStep = Extract<FlowStep, { kind: 'approve' }>;

/** The `approve` step a waiting run stopped at, or null when it is not waiting. */
export function waitingApproval(run: FlowRun): (PlannedStep & { step: ApproveStep }) | null {
  if (run.status !== 'waiting') return null;
  const record = run.steps.find((candidate) => candidate.state !== 'done');
  const planned = run.plan.steps.find((candidate) => candidate.id === record?.id);
  return planned?.step.kind === 'approve' ? (planned as PlannedStep & { step: ApproveStep }) : null;
}

/** What approving lets the run do next: the titles of the steps after the approval. */
export function stepsAfterApproval(run: FlowRun, stepId: string): string[] {
  const at = run.plan.steps.findIndex((planned) => planned.id === stepId);
  return run.plan.steps.slice(at + 1).map((planned) => planned.title);
}

/** The body of the release the run drafted, to read before publishing it. */
function draftBody(run: FlowRun): string | null {
  const release = run.plan.steps.find((planned) => planned.step.kind === 'create-release');
  return release?.step.kind === 'create-release' ? release.step.body : null;
}

/** Props of {@link WaitingPanel}. */
export interface WaitingPanelProps {
  run: FlowRun;
  practice: boolean;
  onLinkError: (error: IpcError) => void;
}

/**
 * A run stopped for the user: what to review (the draft release on GitHub, and its notes here), and
 * what approving will do. The approve button itself is in the wizard's footer.
 */
export function WaitingPanel({ run, practice, onLinkError }: WaitingPanelProps) {
  const approval = waitingApproval(run);
  if (!approval) return null;
  const link = approval.step.link ? resolveInput(approval.step.link, run.steps) : undefined;
  const body = draftBody(run);
  const next = stepsAfterApproval(run, approval.id);
  return (
    <section className="notice notice--info waiting-panel" aria-label="Waiting for you">
      <Hand className="notice__icon" aria-hidden="true" />
      <div className="notice__body">
        <p className="notice__title">{approval.title}</p>
        <p className="notice__message">
          Nothing is public yet: review {approval.step.subject}
          {link ? ' on GitHub' : ''}, and its notes below.
          {next.length > 0 ? ` Then “${approval.step.action}” goes on with: ${next.join('; ')}.` : ''}
        </p>
        {link ? (
          <p>
            {/* The practice server has no web pages: its address is shown for reference instead. */}
            <FlowLink
              label={practice ? `The draft: ${link}` : `Open ${approval.step.subject} on GitHub`}
              url={link}
              practice={practice}
              onError={onLinkError}
            />
          </p>
        ) : null}
        {body ? (
          <div className="waiting-panel__notes" role="region" aria-label="Release notes">
            <Suspense fallback={<p className="field__hint">Loading the preview…</p>}>
              <MarkdownPreview markdown={body} onLinkError={onLinkError} />
            </Suspense>
          </div>
        ) : null}
      </div>
    </section>
  );
}
