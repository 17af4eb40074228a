import { RotateCw } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { assertNever } from '../lib/assert-never';
import { isPracticeProject } from '../lib/practice';
import { formatRelativeTime } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import { describeFetchProgress } from './fetch-progress-model';
import type { TrainView } from './train-view-state';

/** Props of {@link TrainHeader}. */
export interface TrainHeaderProps {
  project: Project;
  view: TrainView;
  onRefresh: () => void;
  /** Shown after the name, e.g. the "GitHub: @login" chip. */
  chip?: ReactNode;
}

/** The project's name, how fresh the status is (or the fetch in progress), and Refresh. */
export function TrainHeader({ project, view, onRefresh, chip }: TrainHeaderProps) {
  const busy = view.activity.kind !== 'idle';
  return (
    <header className="screen__header train-header">
      <div className="train-header__identity">
        <div className="train-header__title-row">
          <h1 className="screen__title">{project.name}</h1>
          {isPracticeProject(project) ? <span className="badge">Practice</span> : null}
          {chip}
        </div>
        <div className="screen__subtitle train-header__meta">
          <span>
            {project.repository.owner}/{project.repository.repo}
          </span>
          <span className="train-header__dot" aria-hidden="true">
            ·
          </span>
          <Freshness view={view} />
        </div>
      </div>
      {/* aria-disabled rather than disabled: a disabled button drops keyboard focus to the page. */}
      <Button
        icon={RotateCw}
        busy={view.activity.kind === 'fetching'}
        aria-disabled={busy}
        onClick={onRefresh}
        title="Fetch from origin and recompute the train"
      >
        Refresh
      </Button>
    </header>
  );
}

function Freshness({ view }: { view: TrainView }) {
  const now = useNow();
  switch (view.activity.kind) {
    case 'fetching': {
      const progress = describeFetchProgress(view.activity.progress);
      return (
        <span className="freshness">
          <span role="status">{progress.label}</span>
          <span
            className={
              progress.percent === null ? 'progress progress--indeterminate freshness__bar' : 'progress freshness__bar'
            }
            role="progressbar"
            aria-label="Fetching from origin"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent ?? undefined}
          >
            <span
              className="progress__fill"
              style={progress.percent === null ? undefined : { width: `${progress.percent}%` }}
            />
          </span>
        </span>
      );
    }
    case 'reading':
      return (
        <span className="freshness" role="status">
          Reading the train…
        </span>
      );
    case 'idle':
      return (
        <span className="freshness" role="status">
          <IdleFreshness view={view} now={now} />
        </span>
      );
    default:
      return assertNever(view.activity);
  }
}

function IdleFreshness({ view, now }: { view: TrainView; now: Date }) {
  if (view.status !== 'ready') return <>Not updated</>;
  if (view.fetchedAt) {
    const when = formatRelativeTime(view.fetchedAt, now);
    return (
      <span>
        Updated{' '}
        <time dateTime={view.fetchedAt} title={when.full}>
          {when.label}
        </time>
      </span>
    );
  }
  return <>{view.report.fetchError ? 'Not updated: the last fetch failed' : 'Not fetched yet'}</>;
}
