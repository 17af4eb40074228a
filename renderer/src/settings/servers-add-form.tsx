import { ArrowRight, FileKey } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';
import {
  checkServerForm,
  EMPTY_SERVER_FORM,
  fieldOfServerError,
  type AddServerState,
  type KeySource,
  type ServerField,
  type ServerFormValues,
} from './servers-add-model';
import { serversErrorAdvice } from './servers-error-advice';
import { ServersTrustStep } from './servers-trust-step';
import { FormField } from '../components/form-field';

/** Props of {@link ServersAddForm}. */
export interface ServersAddFormProps {
  existingNames: string[];
  onAdded: (server: SshServer) => void;
}

/**
 * Adds a demo server in two steps: the address and login, then the trust step with the host key's
 * fingerprint read at first contact. The key (a file main reads, or pasted) and the passphrase are
 * sent once with "Trust and add" and cleared from the form as soon as the server is saved.
 */
export function ServersAddForm({ existingNames, onAdded }: ServersAddFormProps) {
  const [values, setValues] = useState<ServerFormValues>(EMPTY_SERVER_FORM);
  const [state, setState] = useState<AddServerState>({ status: 'editing' });
  const [problems, setProblems] = useState<Partial<Record<ServerField, string>>>({});
  const fieldRefs = useRef<Partial<Record<ServerField, HTMLElement | null>>>({});
  const [focusField, setFocusField] = useState<ServerField | null>(null);
  const errorId = useId();

  const locked = state.status === 'probing' || state.status === 'trust' || state.status === 'adding';
  const set = (change: Partial<ServerFormValues>) => {
    setValues((previous) => ({ ...previous, ...change }));
    setProblems({});
    if (state.status === 'failed' || state.status === 'added') setState({ status: 'editing' });
  };

  useEffect(() => {
    if (focusField) fieldRefs.current[focusField]?.focus();
  }, [focusField]);

  const fail = (error: Parameters<typeof fieldOfServerError>[0]) => {
    const field = fieldOfServerError(error);
    setState({ status: 'failed', error, field });
    setFocusField(field);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (locked) return;
    const check = checkServerForm(values, existingNames);
    if (!check.ok) {
      setProblems(check.problems);
      const first = (['name', 'host', 'port', 'user', 'key'] as const).find((field) => check.problems[field]);
      setFocusField(first ?? null);
      return;
    }
    setFocusField(null);
    setState({ status: 'probing' });
    const result = await callReleaseDesk((api) => api.servers.probe(check.probe));
    if (!result.ok) return fail(result.error);
    setState({ status: 'trust', probe: result.value, addition: check.addition });
  };

  const trust = async () => {
    if (state.status !== 'trust') return;
    const { probe, addition } = state;
    setState({ status: 'adding', probe, addition });
    const result = await callReleaseDesk((api) =>
      api.servers.add({ ...addition, trustedFingerprint: probe.fingerprint }),
    );
    if (!result.ok) return fail(result.error);
    // The key and passphrase leave the page's memory with the form.
    setValues(EMPTY_SERVER_FORM);
    setState({ status: 'added', server: result.value });
    onAdded(result.value);
  };

  const ref = (field: ServerField) => (element: HTMLElement | null) => {
    fieldRefs.current[field] = element;
  };
  const invalid = (field: ServerField) =>
    problems[field] !== undefined || (state.status === 'failed' && state.field === field);

  const pickKeyFile = async () => {
    const result = await callReleaseDesk((api) => api.dialog.pickKeyFile({}));
    if (!result.ok) return fail(result.error);
    if (result.value.path !== null) set({ keyFile: result.value.path });
  };

  return (
    <form className="server-form" onSubmit={submit} noValidate aria-labelledby="add-server-heading">
      <div className="server-form__grid">
        <FormField label="Name" hint="How Release Desk and the CLI call it, e.g. demo-eu-1." problem={problems.name}>
          {(ids) => (
            <input
              {...ids}
              ref={ref('name')}
              className="input"
              value={values.name}
              readOnly={locked}
              aria-invalid={invalid('name')}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set({ name: event.target.value })}
            />
          )}
        </FormField>
        <FormField label="Host" hint="A host name or IP address." problem={problems.host}>
          {(ids) => (
            <input
              {...ids}
              ref={ref('host')}
              className="input"
              value={values.host}
              readOnly={locked}
              aria-invalid={invalid('host')}
              placeholder="demo.example.org"
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set({ host: event.target.value })}
            />
          )}
        </FormField>
        <FormField label="Port" problem={problems.port}>
          {(ids) => (
            <input
              {...ids}
              ref={ref('port')}
              className="input server-form__port"
              value={values.port}
              readOnly={locked}
              aria-invalid={invalid('port')}
              inputMode="numeric"
              autoComplete="off"
              onChange={(event) => set({ port: event.target.value })}
            />
          )}
        </FormField>
        <FormField label="User" hint="The account demos run as." problem={problems.user}>
          {(ids) => (
            <input
              {...ids}
              ref={ref('user')}
              className="input"
              value={values.user}
              readOnly={locked}
              aria-invalid={invalid('user')}
              placeholder="deploy"
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set({ user: event.target.value })}
            />
          )}
        </FormField>
      </div>

      <fieldset className="server-form__auth" disabled={locked}>
        <legend className="field__label">Log in with</legend>
        {(
          [
            ['file', 'A private key file'],
            ['paste', 'A pasted private key'],
            ['agent', 'The running ssh-agent'],
          ] as [KeySource, string][]
        ).map(([source, label]) => (
          <label key={source} className="server-form__choice">
            <input
              type="radio"
              name="key-source"
              value={source}
              checked={values.keySource === source}
              onChange={() => set({ keySource: source })}
            />
            {label}
          </label>
        ))}
      </fieldset>

      {values.keySource === 'file' ? (
        <FormField
          label="Key file"
          hint="Release Desk reads it once and keeps the key in your keychain."
          problem={problems.key}
        >
          {(ids) => (
            <div className="field__row">
              <input
                {...ids}
                ref={ref('key')}
                className="input"
                value={values.keyFile ?? ''}
                readOnly
                aria-invalid={invalid('key')}
                placeholder="No file chosen"
              />
              <Button icon={FileKey} disabled={locked} onClick={() => void pickKeyFile()}>
                Choose key file…
              </Button>
            </div>
          )}
        </FormField>
      ) : null}
      {values.keySource === 'paste' ? (
        <FormField
          label="Private key"
          hint="Kept in your system keychain, never in a file; never shown again."
          problem={problems.key}
        >
          {(ids) => (
            <textarea
              {...ids}
              ref={ref('key')}
              className="textarea server-form__key"
              value={values.privateKey}
              readOnly={locked}
              aria-invalid={invalid('key')}
              placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set({ privateKey: event.target.value })}
            />
          )}
        </FormField>
      ) : null}
      {values.keySource === 'agent' ? (
        <p className="field__hint">
          Release Desk asks the ssh-agent named by SSH_AUTH_SOCK; the agent keeps the key. Agent forwarding stays off.
        </p>
      ) : (
        <FormField
          label="Passphrase"
          hint="Only if the key has one. Kept in your keychain."
          problem={problems.passphrase}
        >
          {(ids) => (
            <input
              {...ids}
              ref={ref('passphrase')}
              className="input"
              type="password"
              value={values.passphrase}
              readOnly={locked}
              aria-invalid={invalid('passphrase')}
              autoComplete="off"
              onChange={(event) => set({ passphrase: event.target.value })}
            />
          )}
        </FormField>
      )}

      {state.status === 'trust' || state.status === 'adding' ? (
        <ServersTrustStep
          host={state.addition.host}
          port={state.addition.port}
          probe={state.probe}
          busy={state.status === 'adding'}
          onTrust={() => void trust()}
          onBack={() => setState({ status: 'editing' })}
        />
      ) : (
        <div className="connect__actions">
          <Button
            type="submit"
            variant="primary"
            icon={ArrowRight}
            busy={state.status === 'probing'}
            aria-disabled={locked}
          >
            Continue
          </Button>
          {state.status === 'probing' ? (
            <span className="connect__checking" role="status">
              Reading the host key of {values.host.trim()}…
            </span>
          ) : null}
        </div>
      )}

      {state.status === 'failed' ? (
        <ErrorAlert
          id={errorId}
          error={state.error}
          title={serversErrorAdvice(state.error.code).title}
          next={serversErrorAdvice(state.error.code).next}
        />
      ) : null}
      {state.status === 'added' ? (
        <p className="success" role="status">
          Added {state.server.name}, with its host key {state.server.hostKey.fingerprint} pinned.
        </p>
      ) : null}
    </form>
  );
}
