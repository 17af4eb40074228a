import {
  CircleCheck,
  CircleStop,
  CircleX,
  LoaderCircle,
  ScrollText,
  Trash2,
  Unplug,
  type LucideIcon,
} from 'lucide-react';
import type { DemoState, DemoView } from '../../../shared/domain/demos/demo';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ExternalLink } from '../components/external-link';
import { formatRelativeTime } from '../lib/relative-time';
import { demoAge, demoStateLabel, expiryLabel, shortSha } from './demo-format';
import { WORKFLOW_DEMO_SERVER } from '../../../shared/domain/demos/demo';

/** Props of {@link DemoTable}. */
export interface DemoTableProps {
  demos: DemoView[];
  now: Date;
  onShowLog: (demo: DemoView) => void;
  onTearDown: (demo: DemoView) => void;
  onLinkError: (error: IpcError) => void;
}

/** The inventory: one row per demo with where it runs, who launched it, when it expires, and its actions. */
export function DemoTable({ demos, now, onShowLog, onTearDown, onLinkError }: DemoTableProps) {
  return (
    <div className="table-frame">
      <table className="demo-table">
        <caption className="visually-hidden">Demos</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Branch</th>
            <th scope="col">Server</th>
            <th scope="col">URL</th>
            <th scope="col">Owner</th>
            <th scope="col">Age</th>
            <th scope="col">Expires</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {demos.map((demo) => {
            const started = formatRelativeTime(demo.startedAt, now);
            const expiry = expiryLabel(demo.expiresAt, now);
            const expired = demo.expired || expiry.expired;
            return (
              <tr key={`${demo.server}/${demo.name}`} className={expired ? 'demo-table__row--expired' : undefined}>
                <th scope="row">{demo.name}</th>
                <td>
                  <span className="demo-table__branch">
                    {/* A long branch breaks after a slash, never inside a word. */}
                    {demo.branch
                      ? demo.branch.split('/').map((part, index) => (
                          <span key={index}>
                            {index > 0 ? (
                              <>
                                /<wbr />
                              </>
                            ) : null}
                            {part}
                          </span>
                        ))
                      : '—'}
                    {demo.sha ? <span className="demo-table__sha">@{shortSha(demo.sha)}</span> : null}
                  </span>
                </td>
                <td>{demo.server}</td>
                <td>
                  {demo.url ? (
                    <ExternalLink className="demo-table__url" href={demo.url} onError={onLinkError}>
                      {demo.url}
                    </ExternalLink>
                  ) : (
                    <span className="demo-table__none">—</span>
                  )}
                </td>
                <td>{demo.owner || '—'}</td>
                <td className="demo-table__number">
                  <time dateTime={demo.startedAt} title={started.full}>
                    {demoAge(demo.startedAt, now)}
                  </time>
                </td>
                <td className="demo-table__number">
                  {expired ? (
                    <span className="tag tag--warning" title={new Date(demo.expiresAt).toLocaleString()}>
                      Expired
                    </span>
                  ) : null}
                  <span className="demo-table__sub">{expiry.label}</span>
                </td>
                <td>
                  <StateMark state={demo.state} />
                  {demo.problem ? <span className="demo-table__sub">{demo.problem}</span> : null}
                </td>
                <td className="demo-table__actions">
                  {/* A workflow demo's log is its run on GitHub, which the URL column opens. */}
                  {demo.server === WORKFLOW_DEMO_SERVER ? null : (
                    <Button
                      icon={ScrollText}
                      variant="ghost"
                      aria-label={`Log of ${demo.name}`}
                      onClick={() => onShowLog(demo)}
                    >
                      Log
                    </Button>
                  )}
                  <Button icon={Trash2} aria-label={`Tear down ${demo.name}`} onClick={() => onTearDown(demo)}>
                    Tear down…
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The mark beside each state; starting and stopping spin (CSS). */
const STATE_ICONS: Record<DemoState, LucideIcon> = {
  starting: LoaderCircle,
  running: CircleCheck,
  failed: CircleX,
  stopping: LoaderCircle,
  stopped: CircleStop,
  unreachable: Unplug,
};

function StateMark({ state }: { state: DemoState }) {
  const Icon = STATE_ICONS[state];
  return (
    <span className={`demo-state demo-state--${state}`}>
      <Icon className="demo-state__icon" aria-hidden="true" />
      {demoStateLabel(state)}
    </span>
  );
}
