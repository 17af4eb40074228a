import type { PracticeRunState } from './practice-run-model';
import { practiceProgressLabel } from './practice-run-model';
import { AddProgress } from './add-progress';
import { ErrorAlert } from '../components/error-alert';
import { Button } from '../components/button';
import { assertNever } from '../lib/assert-never';

/** Props of {@link PracticeStatus}. */
export interface PracticeStatusProps {
  state: PracticeRunState;
  onDismiss: () => void;
}

/** Progress while the practice project is set up or reset, or what went wrong; nothing when idle. */
export function PracticeStatus({ state, onDismiss }: PracticeStatusProps) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return (
        <div className="practice-status">
          <AddProgress progress={state.progress} label={practiceProgressLabel(state.action)} />
        </div>
      );
    case 'failed':
      return (
        <ErrorAlert
          error={state.error}
          title={
            state.action === 'open'
              ? 'The practice project could not be set up'
              : 'The practice project could not be reset'
          }
          action={<Button onClick={onDismiss}>Dismiss</Button>}
        />
      );
    default:
      return assertNever(state);
  }
}
