import { CircleCheck, Plug, TriangleAlert } from 'lucide-react';
import { useEffect, useId, useReducer, useRef, useState, type FormEvent } from 'react';
import type { ConnectResult } from '../../../shared/domain/github/github-account';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';
import { connectHost, describeConnection } from './account-format';
import { connectErrorAdvice } from './connect-error-advice';
import {
  buildConnectRequest,
  connectFormReducer,
  fieldToFix,
  type ConnectField,
  type ConnectFormState,
} from './connect-form-model';
import { TokenHelp } from './token-help';

/** Props of {@link ConnectForm}. */
export interface ConnectFormProps {
  /** The projects whose repository access can be checked (not the practice project: it has its own account). */
  projects: Project[];
  /** The project chosen in "Check access to" until the user picks another: the selected one, if eligible. */
  defaultProjectId: string | null;
  /** The account was connected; the screen refreshes the list and announces it. */
  onConnected: (result: ConnectResult) => void;
}

/**
 * Connects a GitHub account with a token: the server (github.com or an Enterprise host), the token, and
 * optionally a project whose repository the token must reach. The token is sent once to main, which
 * checks it with GitHub and keeps it in the keychain; the field is cleared as soon as that succeeds.
 */
export function ConnectForm({ projects, defaultProjectId, onConnected }: ConnectFormProps) {
  const [state, dispatch] = useReducer(connectFormReducer, { status: 'editing' });
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  // null until the user picks: the default follows the selected project as the list arrives.
  const [choice, setChoice] = useState<string | null>(null);
  const serverRef = useRef<HTMLInputElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const projectRef = useRef<HTMLSelectElement>(null);
  const ids = {
    server: useId(),
    serverHint: useId(),
    token: useId(),
    tokenHint: useId(),
    project: useId(),
    projectHint: useId(),
    error: useId(),
  };

  const wanted = choice ?? defaultProjectId ?? '';
  const project = projects.find((candidate) => candidate.id === wanted) ?? null;
  const checking = state.status === 'checking';
  const failedField = state.status === 'failed' ? state.field : null;

  // Put the user back in the field that needs fixing, next to the message; the token is still there.
  useEffect(() => {
    if (state.status !== 'failed') return;
    const target = state.field === 'server' ? serverRef : state.field === 'project' ? projectRef : tokenRef;
    target.current?.focus();
  }, [state]);

  const edited = () => dispatch({ type: 'edited' });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (checking) return;
    const values = { token, server, projectId: project?.id ?? null };
    const request = buildConnectRequest(values);
    if (!request.ok) {
      dispatch({ type: 'failed', error: request.error, field: request.field });
      return;
    }
    dispatch({ type: 'submitted' });
    const result = await callReleaseDesk((api) => api.github.connect(request.args));
    if (result.ok) {
      setToken('');
      dispatch({ type: 'succeeded', result: result.value });
      onConnected(result.value);
    } else {
      dispatch({ type: 'failed', error: result.error, field: fieldToFix(result.error, values) });
    }
  };

  const describedBy = (field: ConnectField, hint: string) => (failedField === field ? `${hint} ${ids.error}` : hint);

  return (
    <div className="connect">
      <form className="connect__form" onSubmit={submit} noValidate aria-labelledby="connect-heading">
        <div className="field">
          <label className="field__label" htmlFor={ids.project}>
            Check access to
          </label>
          <select
            ref={projectRef}
            id={ids.project}
            className="select"
            value={project?.id ?? ''}
            onChange={(event) => {
              setChoice(event.target.value);
              edited();
            }}
            disabled={checking}
            aria-invalid={failedField === 'project'}
            aria-describedby={describedBy('project', ids.projectHint)}
          >
            <option value="">No project: only check the token</option>
            {projects.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.repository.owner}/{candidate.repository.repo} ({candidate.repository.host})
              </option>
            ))}
          </select>
          <p className="field__hint" id={ids.projectHint}>
            Optional. Release Desk checks that the token can push to this project&apos;s repository.
          </p>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={ids.server}>
            GitHub
          </label>
          <input
            ref={serverRef}
            id={ids.server}
            className="input"
            type="text"
            value={project ? project.repository.host : server}
            onChange={(event) => {
              setServer(event.target.value);
              edited();
            }}
            placeholder="github.com"
            autoComplete="off"
            spellCheck={false}
            // A chosen project decides the host; its field shows that host, greyed out.
            disabled={project !== null}
            readOnly={checking}
            aria-invalid={failedField === 'server'}
            aria-describedby={describedBy('server', ids.serverHint)}
          />
          <p className="field__hint" id={ids.serverHint}>
            {project
              ? `The project's host, ${project.repository.host}, is used. Choose “No project” above to type another.`
              : 'Leave empty for github.com. For GitHub Enterprise, type its host or API URL.'}
          </p>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={ids.token}>
            Token
          </label>
          <input
            ref={tokenRef}
            id={ids.token}
            className="input"
            type="password"
            value={token}
            onChange={(event) => {
              setToken(event.target.value);
              edited();
            }}
            placeholder="github_pat_…"
            autoComplete="off"
            spellCheck={false}
            readOnly={checking}
            aria-invalid={failedField === 'token'}
            aria-describedby={describedBy('token', ids.tokenHint)}
          />
          <p className="field__hint" id={ids.tokenHint}>
            Kept in your system keychain, never in a file. Release Desk never shows it again.
          </p>
        </div>

        <div className="connect__actions">
          {/* aria-disabled rather than disabled while checking: the button keeps keyboard focus. */}
          <Button type="submit" variant="primary" icon={Plug} busy={checking} aria-disabled={checking}>
            Connect
          </Button>
          {checking ? (
            <span className="connect__checking" role="status">
              Checking the token with GitHub…
            </span>
          ) : null}
        </div>

        <ConnectOutcome state={state} errorId={ids.error} />
      </form>

      <TokenHelp host={connectHost(project?.repository.host ?? null, server)} />
    </div>
  );
}

function ConnectOutcome({ state, errorId }: { state: ConnectFormState; errorId: string }) {
  if (state.status === 'failed') {
    const advice = connectErrorAdvice(state.error.code);
    return <ErrorAlert error={state.error} title={advice.title} next={advice.next} id={errorId} />;
  }
  if (state.status === 'connected') return <ConnectionSuccess result={state.result} />;
  return null;
}

/** What was connected, and what the token can do in the project's repository. */
export function ConnectionSuccess({ result }: { result: ConnectResult }) {
  const summary = describeConnection(result);
  return (
    <div className="success">
      <CircleCheck className="success__icon" aria-hidden="true" />
      <div className="success__body">
        <p className="success__headline">{summary.headline}</p>
        {summary.repositoryLine ? <p>{summary.repositoryLine}</p> : null}
        {summary.warnings.length > 0 ? (
          <ul className="success__warnings">
            {summary.warnings.map((warning) => (
              <li key={warning}>
                <TriangleAlert className="success__warning-icon" aria-hidden="true" />
                <span>{warning}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
