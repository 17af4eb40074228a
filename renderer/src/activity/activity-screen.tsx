import { FileDown, History, RotateCw } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { useFlowRuns, type FlowRunsState } from '../flows/use-flow-runs';
import { assertNever } from '../lib/assert-never';
import { isPracticeProject } from '../lib/practice';
import { useNow } from '../lib/use-now';
import type { ProjectsState } from '../projects/use-projects';
import { ActivityFilters } from './activity-filters';
import {
  activityRows,
  describeFilter,
  exportJson,
  exportMarkdown,
  filterRuns,
  isFiltered,
  NO_FILTER,
  projectOptions,
  type ActivityFilter,
} from './activity-model';
import { ActivityTable } from './activity-table';
import { ExportDialog } from './export-dialog';

/** Props of {@link ActivityScreen}. */
export interface ActivityScreenProps {
  /** The app's projects, to name runs and to know which links cannot be opened (practice). */
  projects: ProjectsState;
}

/**
 * The audit log: every run of a flow on this machine (who, what, when, how it ended, and its links),
 * newest first, filterable by project, flow and status, and exported as JSON or Markdown.
 */
export function ActivityScreen({ projects }: ActivityScreenProps) {
  const runs = useFlowRuns();
  const now = useNow();
  const [filter, setFilter] = useState<ActivityFilter>(NO_FILTER);
  const [exporting, setExporting] = useState(false);
  const [linkError, setLinkError] = useState<IpcError | null>(null);
  const [reloading, setReloading] = useState(false);

  const known = useMemo(() => (projects.status === 'ready' ? projects.projects : []), [projects]);
  const names = useMemo(() => known.map((project) => ({ id: project.id, name: project.name })), [known]);
  const practiceIds = useMemo(() => new Set(known.filter(isPracticeProject).map((project) => project.id)), [known]);
  const allRuns = useMemo(() => (runs.state.status === 'ready' ? runs.state.runs : []), [runs.state]);
  const kept = useMemo(() => filterRuns(allRuns, filter), [allRuns, filter]);
  const rows = useMemo(() => activityRows(kept, names, now), [kept, names, now]);
  const options = useMemo(() => projectOptions(allRuns, names), [allRuns, names]);

  const reload = async () => {
    setReloading(true);
    await runs.reload();
    setReloading(false);
  };

  const filterNote = describeFilter(filter, options);
  const scope = isFiltered(filter)
    ? `${kept.length} of ${allRuns.length} runs (${filterNote})`
    : `${allRuns.length} ${allRuns.length === 1 ? 'run' : 'runs'}`;

  return (
    <div className="screen screen--wide">
      <header className="screen__header">
        <div>
          <h1 className="screen__title">Activity</h1>
          <p className="screen__subtitle">
            Every flow run on this machine: who ran it, when, how it ended, and what it made.
          </p>
        </div>
        <div className="activity__actions">
          <Button
            icon={RotateCw}
            busy={reloading}
            aria-disabled={reloading}
            onClick={() => void (reloading ? undefined : reload())}
          >
            Refresh
          </Button>
          <Button icon={FileDown} disabled={runs.state.status !== 'ready'} onClick={() => setExporting(true)}>
            Export…
          </Button>
        </div>
      </header>

      {linkError ? (
        <div className="activity__notice">
          <ErrorAlert
            error={{ ...linkError, message: `The link could not be opened. ${linkError.message}` }}
            action={<Button onClick={() => setLinkError(null)}>Dismiss</Button>}
          />
        </div>
      ) : null}

      <ActivityBody
        state={runs.state}
        hasRuns={allRuns.length > 0}
        onRetry={() => void reload()}
        filters={<ActivityFilters filter={filter} projects={options} onChange={setFilter} />}
        count={isFiltered(filter) ? `${kept.length} of ${allRuns.length} runs` : scope}
        table={
          rows.length > 0 ? (
            <ActivityTable rows={rows} now={now} practiceIds={practiceIds} onLinkError={setLinkError} />
          ) : (
            <div className="activity__no-match">
              <p>No runs match these filters.</p>
              <Button onClick={() => setFilter(NO_FILTER)}>Clear filters</Button>
            </div>
          )
        }
      />

      {exporting ? (
        <ExportDialog
          open
          onOpenChange={setExporting}
          scope={scope}
          texts={{ json: exportJson(kept, rows), markdown: exportMarkdown(rows, now, filterNote) }}
        />
      ) : null}
    </div>
  );
}

interface ActivityBodyProps {
  state: FlowRunsState;
  hasRuns: boolean;
  onRetry: () => void;
  filters: ReactNode;
  count: string;
  table: ReactNode;
}

/** The log in whichever state it is in: loading, failed, empty, or the filters and the table. */
function ActivityBody({ state, hasRuns, onRetry, filters, count, table }: ActivityBodyProps) {
  switch (state.status) {
    case 'loading':
      return (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading the activity…
          </p>
          <ActivitySkeleton />
        </div>
      );
    case 'failed':
      return (
        <ErrorAlert
          error={state.error}
          title="The activity log could not be read"
          next="Press Try again. If it keeps failing, restart Release Desk."
          action={
            <Button icon={RotateCw} onClick={onRetry}>
              Try again
            </Button>
          }
        />
      );
    case 'ready':
      if (!hasRuns) return <ActivityEmptyState />;
      return (
        <>
          {filters}
          <p className="activity__count" role="status">
            {count}
          </p>
          {table}
        </>
      );
    default:
      return assertNever(state);
  }
}

function ActivityEmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-activity-title">
      <span className="empty-state__icon" aria-hidden="true">
        <History />
      </span>
      <h2 className="empty-state__title" id="empty-activity-title">
        No runs yet
      </h2>
      <p className="empty-state__text">
        Start a freeze from the Train screen. Every run shows here: who ran it, when, and how it ended.
      </p>
    </section>
  );
}

/** Rows with the table's boxes, so nothing jumps when the log arrives; hidden from assistive tech. */
function ActivitySkeleton() {
  return (
    <div className="activity-skeleton" aria-hidden="true">
      {[0, 1, 2, 3].map((index) => (
        <span key={index} className="skeleton skeleton--activity-row" />
      ))}
    </div>
  );
}
