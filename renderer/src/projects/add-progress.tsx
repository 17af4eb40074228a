import type { AddProjectProgress } from '../../../shared/domain/project';
import { describeAddProgress } from './add-progress-model';

/**
 * The stage line and progress bar shown while a project is being added (or the practice project set up;
 * `label` names the bar for that).
 */
export function AddProgress({
  progress,
  label = 'Adding project',
}: {
  progress: AddProjectProgress | null;
  label?: string;
}) {
  const view = describeAddProgress(progress);
  return (
    <div className="add-progress">
      <div className="add-progress__text">
        <span className="add-progress__label" role="status">
          {view.label}
        </span>
        {view.detail ? <span className="add-progress__detail">{view.detail}</span> : null}
      </div>
      <div
        className={view.percent === null ? 'progress progress--indeterminate' : 'progress'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={view.percent ?? undefined}
        aria-valuetext={view.label}
      >
        <div className="progress__fill" style={view.percent === null ? undefined : { width: `${view.percent}%` }} />
      </div>
    </div>
  );
}
