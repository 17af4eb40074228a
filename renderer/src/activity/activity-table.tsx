import { Ban, CircleCheck, CircleX, Hand, LoaderCircle, type LucideIcon } from 'lucide-react';
import type { RunStatus } from '../../../shared/domain/flows/flow-plan';
import type { IpcError } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { formatRelativeTime } from '../lib/relative-time';
import { FlowLink } from '../flows/flow-link';
import type { ActivityRow } from './activity-model';

/** Props of {@link ActivityTable}. */
export interface ActivityTableProps {
  rows: ActivityRow[];
  now: Date;
  /** Projects whose links cannot be opened (practice projects on the loopback server). */
  practiceIds: ReadonlySet<string>;
  onLinkError: (error: IpcError) => void;
}

/** The runs as a table, newest first: flow, project, who, started, status, duration and links. */
export function ActivityTable({ rows, now, practiceIds, onLinkError }: ActivityTableProps) {
  return (
    <div className="table-frame">
      <table className="activity-table">
        <caption className="visually-hidden">Runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Flow</th>
            <th scope="col">Project</th>
            <th scope="col">Who</th>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Duration</th>
            <th scope="col">Links</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const started = formatRelativeTime(row.startedAt, now);
            return (
              <tr key={row.id}>
                <th scope="row" className="activity-table__flow">
                  {row.flowName}
                  {row.choices.version ? <span className="activity-table__sub">{row.choices.version}</span> : null}
                </th>
                <td>
                  {row.project}
                  {row.project !== row.repository ? (
                    <span className="activity-table__sub">{row.repository}</span>
                  ) : null}
                </td>
                <td>{row.by}</td>
                <td>
                  <time dateTime={row.startedAt} title={started.full}>
                    {started.label}
                  </time>
                </td>
                <td>
                  <StatusMark status={row.status} label={row.statusLabel} />
                  {row.stoppedAt ? (
                    <span className="activity-table__sub">
                      at “{row.stoppedAt.title}”{row.stoppedAt.message ? `: ${row.stoppedAt.message}` : ''}
                    </span>
                  ) : null}
                </td>
                <td className="activity-table__number">{row.duration ?? '—'}</td>
                <td>
                  {row.outputs.length > 0 ? (
                    <ul className="activity-table__links">
                      {row.outputs.map((output) => (
                        <li key={`${output.kind}:${output.label}`}>
                          <FlowLink
                            label={output.label}
                            url={output.url}
                            practice={practiceIds.has(row.projectId)}
                            onError={onLinkError}
                          />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="activity-table__none">None</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function StatusMark({ status, label }: { status: RunStatus; label: string }) {
  return (
    <span className={`run-status run-status--${status}`}>
      <StatusIcon
        icon={statusIcon(status)}
        className={status === 'running' ? 'run-status__icon spin' : 'run-status__icon'}
      />
      {label}
    </span>
  );
}

function StatusIcon({ icon: Icon, className }: { icon: LucideIcon; className: string }) {
  return <Icon className={className} aria-hidden="true" />;
}

function statusIcon(status: RunStatus): LucideIcon {
  switch (status) {
    case 'running':
      return LoaderCircle;
    case 'waiting':
      return Hand;
    case 'completed':
      return CircleCheck;
    case 'failed':
      return CircleX;
    case 'abandoned':
      return Ban;
    default:
      return assertNever(status);
  }
}
