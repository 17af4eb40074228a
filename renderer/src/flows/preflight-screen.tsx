import { CircleCheck, CircleX, TriangleAlert } from 'lucide-react';
import type { PreflightCheck } from '../../../shared/domain/flows/flow-plan';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { flowErrorAdvice } from './flow-error-advice';
import type { PreviewLoad } from './wizard-state';

/** Props of {@link PreflightScreen}. */
export interface PreflightScreenProps {
  preview: PreviewLoad;
}

/** The preflight: each check passed, failed (it blocks the run) or warns, with why and what to do. */
export function PreflightScreen({ preview }: PreflightScreenProps) {
  switch (preview.status) {
    case 'idle':
      return <p className="wizard__summary">Press Check to look at the train and plan the run.</p>;
    case 'loading':
      return (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Checking…
          </p>
          <ul className="check-list" aria-hidden="true">
            {[0, 1, 2].map((index) => (
              <li key={index} className="check">
                <span className="skeleton skeleton--check-icon" />
                <span className="check__body">
                  <span className="skeleton skeleton--check-title" />
                  <span className="skeleton skeleton--check-line" />
                </span>
              </li>
            ))}
          </ul>
        </div>
      );
    case 'failed': {
      const advice = flowErrorAdvice(preview.error.code, 'Check');
      return <ErrorAlert error={preview.error} title={advice.title} next={advice.next} />;
    }
    case 'ready':
      return <CheckList checks={preview.preview.preflight} canStart={preview.preview.canStart} />;
    default:
      return assertNever(preview);
  }
}

function CheckList({ checks, canStart }: { checks: PreflightCheck[]; canStart: boolean }) {
  const failed = checks.filter((check) => !check.ok && check.severity === 'blocker').length;
  const warnings = checks.filter((check) => !check.ok && check.severity === 'warning').length;
  const summary = canStart
    ? `${failed === 0 ? 'Every check passed' : 'The run can start'}${warnings > 0 ? `, with ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}.`
    : `${failed} ${failed === 1 ? 'check failed' : 'checks failed'}: the run cannot start until ${failed === 1 ? 'it passes' : 'they pass'}.`;
  return (
    <div className="wizard__section">
      <p className={canStart ? 'wizard__verdict' : 'wizard__verdict wizard__verdict--blocked'} role="status">
        {summary}
      </p>
      <ul className="check-list" aria-label="Preflight checks">
        {checks.map((check) => (
          <CheckItem key={check.id} check={check} />
        ))}
      </ul>
    </div>
  );
}

function CheckItem({ check }: { check: PreflightCheck }) {
  const tone = check.ok ? 'pass' : check.severity === 'warning' ? 'warning' : 'fail';
  const Icon = tone === 'pass' ? CircleCheck : tone === 'warning' ? TriangleAlert : CircleX;
  const word = tone === 'pass' ? 'Passed' : tone === 'warning' ? 'Warning' : 'Failed';
  return (
    <li className={`check check--${tone}`}>
      <Icon className="check__icon" aria-hidden="true" />
      <div className="check__body">
        <p className="check__title">
          <span className="visually-hidden">{word}: </span>
          {check.title}
        </p>
        <p className="check__reason">{check.reason}</p>
        {!check.ok && check.fix ? <p className="check__fix">{check.fix}</p> : null}
      </div>
    </li>
  );
}
