import type { FlowPreview } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/errors';
import { StepList } from './step-list';
import { stepRows } from './step-rows';

/** A choice as the plan shows it: long or multi-line values (the release notes) by their length. */
function choiceText(value: string): string {
  return value.length > 100 || value.includes('\n') ? `(${value.length.toLocaleString('en')} characters)` : value;
}

/** Props of {@link PlanScreen}. */
export interface PlanScreenProps {
  preview: FlowPreview;
  /** Why Start is not offered (a failed preflight check), or null. */
  blocker: string | null;
  blockerId: string;
  practice: boolean;
  onLinkError: (error: IpcError) => void;
}

/**
 * The dry run: the exact steps the run will take, in order, each with the git commands and GitHub calls
 * it makes. Nothing has been written yet; the steps that change what others see are marked.
 */
export function PlanScreen({ preview, blocker, blockerId, practice, onLinkError }: PlanScreenProps) {
  const { plan } = preview;
  const choices = Object.entries(plan.choices);
  const destructive = plan.steps.filter((step) => step.destructive).length;
  return (
    <div className="wizard__section">
      <p className="wizard__summary">
        A dry run on <code>{plan.repository}</code>: {plan.steps.length} steps, {destructive} of them{' '}
        {destructive === 1 ? 'changes' : 'change'} what others see. Nothing has been written yet.
      </p>
      {choices.length > 0 ? (
        <dl className="plan-choices">
          {choices.map(([name, value]) => (
            <div key={name} className="plan-choices__item">
              <dt>{name}</dt>
              <dd>
                <code>{choiceText(value)}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <StepList rows={stepRows(plan)} mode="plan" practice={practice} onLinkError={onLinkError} />
      {blocker ? (
        <p className="wizard__verdict wizard__verdict--blocked" id={blockerId}>
          Start is not available. {blocker} Go back to the preflight for what to do.
        </p>
      ) : null}
    </div>
  );
}
