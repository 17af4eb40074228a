import { CircleCheck, CircleX } from 'lucide-react';
import type { ConnectionReport, ConnectionStageId } from '../../../shared/domain/demos/demo';
import { assertNever } from '../lib/assert-never';

/** A stage of "Test connection" as the report names it. */
export function stageLabel(id: ConnectionStageId): string {
  switch (id) {
    case 'dns':
      return 'Name lookup';
    case 'tcp':
      return 'Connection';
    case 'host-key':
      return 'Host key';
    case 'auth':
      return 'Login';
    case 'requirements':
      return 'Requirements';
    default:
      return assertNever(id);
  }
}

/** What "Test connection" found: each stage that ran, ok or failed, with main's message. */
export function ServersTestReport({ report, server }: { report: ConnectionReport; server: string }) {
  return (
    <div className={report.ok ? 'server-report server-report--ok' : 'server-report server-report--failed'}>
      <p className="server-report__summary">
        {report.ok ? `${server} is ready for demos.` : `${server} failed the test at the step marked below.`}
      </p>
      <ol className="server-report__stages" aria-label={`Connection test of ${server}`}>
        {report.stages.map((stage) => (
          <li key={stage.id} className="server-report__stage">
            {stage.ok ? (
              <CircleCheck className="server-report__icon server-report__icon--ok" aria-hidden="true" />
            ) : (
              <CircleX className="server-report__icon server-report__icon--failed" aria-hidden="true" />
            )}
            <span className="server-report__label">
              <span className="visually-hidden">{stage.ok ? 'Passed: ' : 'Failed: '}</span>
              {stageLabel(stage.id)}
            </span>
            <span className="server-report__message">{stage.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
