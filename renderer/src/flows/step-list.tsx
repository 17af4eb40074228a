import { CircleCheck, CircleDashed, CircleX, LoaderCircle, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import type { StepState } from '../../../shared/domain/flows/flow-plan';
import type { IpcError } from '../../../shared/ipc/errors';
import { CollapsibleSection } from '../components/collapsible-section';
import { assertNever } from '../lib/assert-never';
import { FlowLink } from './flow-link';
import { stepKindIcon } from './step-icon';
import { stepOutputs, type StepRow } from './step-rows';

/** Props of {@link StepList}. */
export interface StepListProps {
  rows: StepRow[];
  /** The plan (before a run): each step's exact effects can be expanded; no states are shown. */
  mode: 'plan' | 'run';
  practice: boolean;
  onLinkError: (error: IpcError) => void;
}

/**
 * The steps of a plan or a run, in order, as a list named "Steps". In a plan each step can show its
 * exact git commands and GitHub calls; in a run each shows where it stands and what it produced.
 */
export function StepList({ rows, mode, practice, onLinkError }: StepListProps) {
  return (
    <ol className="step-list" aria-label="Steps">
      {rows.map((row, index) => (
        <li key={row.id} className={`step step--${mode === 'plan' ? 'planned' : row.state}`}>
          {mode === 'run' ? <StateMark state={row.state} /> : <span className="step__number">{index + 1}</span>}
          <div className="step__body">
            <p className="step__title">
              <StepKindMark row={row} />
              <span>{row.title}</span>
              {row.destructive ? <span className="badge badge--destructive">Changes what others see</span> : null}
            </p>
            {mode === 'plan' ? <StepEffects effects={row.effects} /> : null}
            {mode === 'run' ? <StepResult row={row} practice={practice} onLinkError={onLinkError} /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

function StepKindMark({ row }: { row: StepRow }) {
  return <DecorativeIcon icon={stepKindIcon(row.step.kind)} className="step__kind" />;
}

/** An icon chosen at render time (lucide components are static; this only picks one). */
function DecorativeIcon({ icon: Icon, className }: { icon: LucideIcon; className: string }) {
  return <Icon className={className} aria-hidden="true" />;
}

/** The step's state as an icon and, for screen readers, a word. */
function StateMark({ state }: { state: StepState }) {
  switch (state) {
    case 'pending':
      return <Mark icon={<CircleDashed aria-hidden="true" />} label="Pending" tone="pending" />;
    case 'running':
      return <Mark icon={<LoaderCircle className="spin" aria-hidden="true" />} label="Running" tone="running" />;
    case 'done':
      return <Mark icon={<CircleCheck aria-hidden="true" />} label="Done" tone="done" />;
    case 'failed':
      return <Mark icon={<CircleX aria-hidden="true" />} label="Failed" tone="failed" />;
    default:
      return assertNever(state);
  }
}

function Mark({ icon, label, tone }: { icon: ReactNode; label: string; tone: string }) {
  return (
    <span className={`step__state step__state--${tone}`} title={label}>
      {icon}
      <span className="visually-hidden">{label}: </span>
    </span>
  );
}

function StepEffects({ effects }: { effects: string[] }) {
  if (effects.length === 0) return null;
  return (
    <CollapsibleSection title={`What it does (${effects.length})`}>
      <pre className="step__effects">
        <code>{effects.join('\n')}</code>
      </pre>
    </CollapsibleSection>
  );
}

function StepResult({
  row,
  practice,
  onLinkError,
}: {
  row: StepRow;
  practice: boolean;
  onLinkError: (error: IpcError) => void;
}) {
  if (row.state === 'failed' && row.error) {
    return (
      <div className="step__error">
        <p>{row.error.message}</p>
        {row.error.detail ? <p className="step__detail">{row.error.detail}</p> : null}
      </div>
    );
  }
  if (row.state !== 'done') return null;
  const outputs = stepOutputs(row.step, row.outputs);
  if (outputs.length === 0) return null;
  return (
    <p className="step__outputs">
      {outputs.map((output) => (
        <FlowLink
          key={output.label}
          className="step__output"
          label={output.label}
          url={output.url}
          practice={practice}
          onError={onLinkError}
        />
      ))}
    </p>
  );
}
