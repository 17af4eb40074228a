import * as Dialog from '@radix-ui/react-dialog';
import { Rocket } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import type { Project } from '../../../shared/domain/project';
import type { DemoBranches, InputOf } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';
import { demoErrorAdvice } from './demo-error-advice';
import { EnvRows } from './env-rows';
import { NewDemoFields } from './new-demo-fields';
import { checkNewDemo, suggestedName, type EnvRow, type NewDemoField } from './new-demo-model';

/** Props of {@link NewDemoDialog}. */
export interface NewDemoDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  projects: Project[];
  /** The project chosen at first: the one selected in the sidebar. */
  defaultProjectId: string | null;
  /** The checked request; the screen launches it and shows the log. */
  onLaunch: (request: InputOf<'demos.up'>) => void;
  returnFocusTo: () => HTMLElement | null;
}

/** The "New demo" dialog: what to run (branch or PR), its name, where, for how long, with which values. */
export function NewDemoDialog({
  open,
  onOpenChange,
  projects,
  defaultProjectId,
  onLaunch,
  returnFocusTo,
}: NewDemoDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {/* Mounted only while open, so each opening starts from a clean form. */}
        <NewDemoForm
          projects={projects}
          defaultProjectId={defaultProjectId}
          onCancel={() => onOpenChange(false)}
          onLaunch={(request) => {
            onOpenChange(false);
            onLaunch(request);
          }}
          returnFocusTo={returnFocusTo}
        />
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** What the dialog loads before it can launch: the servers, and the chosen project's branches. */
type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: IpcError } | { status: 'ready'; value: T };

function NewDemoForm({
  projects,
  defaultProjectId,
  onCancel,
  onLaunch,
  returnFocusTo,
}: Omit<NewDemoDialogProps, 'open' | 'onOpenChange'> & { onCancel: () => void }) {
  const [projectId, setProjectId] = useState(defaultProjectId ?? projects[0]?.id ?? '');
  const [source, setSource] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [server, setServer] = useState('');
  const [expires, setExpires] = useState<string | null>(null);
  const [env, setEnv] = useState<EnvRow[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [servers, setServers] = useState<Loaded<SshServer[]>>({ status: 'loading' });
  const [branches, setBranches] = useState<Loaded<DemoBranches>>({ status: 'loading' });
  const errorId = useId();

  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.servers.list({})).then((result) => {
      if (!live) return;
      setServers(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
      if (result.ok && result.value.length > 0) setServer((chosen) => chosen || (result.value[0]?.name ?? ''));
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!projectId) return;
    let live = true;
    void callReleaseDesk((api) => api.demos.branches({ projectId })).then((result) => {
      if (!live) return;
      setBranches(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [projectId]);

  const loaded = branches.status === 'ready' ? branches.value : null;
  const pulls = loaded?.pulls ?? [];
  const expiry = expires ?? `${loaded?.expiryDays ?? 14}d`;
  // A project whose demos run through a GitHub workflow needs no server, and a push carries no values.
  const viaWorkflow = loaded?.mode === 'workflow';
  const values = {
    projectId,
    source,
    name,
    server: viaWorkflow ? 'github' : server,
    expires: expiry,
    env: viaWorkflow ? [] : env,
  };
  const check = checkNewDemo(values, pulls);
  const problems: Partial<Record<NewDemoField, string>> = check.ok ? {} : check.problems;
  // The name is checked as it is typed; the rest once Launch was pressed, not while the form fills in.
  const shown: Partial<Record<NewDemoField, string>> = submitted
    ? problems
    : { name: name ? problems.name : undefined };
  const noDeploy = loaded !== null && !viaWorkflow && loaded.deployCommand === null;
  const noWorkflow = loaded !== null && viaWorkflow && loaded.workflow === null;
  const loadError = servers.status === 'failed' ? servers.error : branches.status === 'failed' ? branches.error : null;

  const chooseSource = (next: string) => {
    setSource(next);
    if (!nameEdited) setName(suggestedName(next, pulls));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!check.ok || noDeploy || noWorkflow) return;
    onLaunch(check.request);
  };

  return (
    <Dialog.Content
      className="dialog dialog--wide"
      onCloseAutoFocus={(event) => {
        const target = returnFocusTo();
        if (target?.isConnected) {
          event.preventDefault();
          target.focus();
        }
      }}
      // A stray click beside the form must not throw away what was typed; Cancel and Escape close it.
      onInteractOutside={(event) => event.preventDefault()}
    >
      <form className="dialog__form" onSubmit={submit} noValidate>
        <header className="dialog__header">
          <Dialog.Title className="dialog__title">New demo</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Runs one branch on one of your servers until it expires. The log and, once it is ready, the URL show on the
            Demos screen.
          </Dialog.Description>
        </header>

        <NewDemoFields
          projects={projects}
          projectId={projectId}
          onProjectId={(id) => {
            setProjectId(id);
            setBranches({ status: 'loading' });
            setSource('');
            if (!nameEdited) setName('');
          }}
          branches={branches.status === 'ready' ? branches.value : null}
          branchesLoading={branches.status === 'loading'}
          source={source}
          onSource={chooseSource}
          name={name}
          onName={(next) => {
            setName(next);
            setNameEdited(true);
          }}
          servers={servers.status === 'ready' ? servers.value : null}
          server={server}
          onServer={setServer}
          workflow={viaWorkflow ? { name: loaded?.workflow ?? null } : null}
          expires={expiry}
          onExpires={setExpires}
          problems={shown}
        />

        {viaWorkflow ? null : (
          <EnvRows rows={env} onChange={setEnv} problems={submitted && !check.ok ? check.envProblems : {}} />
        )}
        {submitted && problems.env ? <p className="field__error">{problems.env}</p> : null}
        {noWorkflow ? (
          <div className="alert alert--warning" role="alert">
            <div className="alert__body">
              <p className="alert__title">This project runs demos through GitHub but names no workflow</p>
              <p className="alert__message">
                Add it to its .release-desk.yml, e.g.{' '}
                <code>
                  demos: {'{'} mode: workflow, workflow: feature-demo.yml {'}'}
                </code>
                , push it, and open this dialog again.
              </p>
            </div>
          </div>
        ) : null}

        {noDeploy ? (
          <div className="alert alert--warning" role="alert">
            <div className="alert__body">
              <p className="alert__title">This project sets no deploy command</p>
              <p className="alert__message">
                Add one to its .release-desk.yml, e.g.{' '}
                <code>
                  demos: {'{'} deployCommand: docker compose up -d {'}'}
                </code>
                , push it, and open this dialog again.
              </p>
            </div>
          </div>
        ) : null}
        {loadError ? (
          <ErrorAlert
            id={errorId}
            error={loadError}
            title={demoErrorAdvice(loadError.code).title}
            next={demoErrorAdvice(loadError.code).next}
          />
        ) : null}

        <footer className="dialog__footer">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" icon={Rocket} disabled={noDeploy}>
            Launch
          </Button>
        </footer>
      </form>
    </Dialog.Content>
  );
}
