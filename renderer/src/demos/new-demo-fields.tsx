import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import type { Project } from '../../../shared/domain/project';
import type { DemoBranches } from '../../../shared/ipc/contract';
import { branchSource, pullSource, type NewDemoField } from './new-demo-model';
import { FormField } from '../components/form-field';

/** Props of {@link NewDemoFields}. */
export interface NewDemoFieldsProps {
  projects: Project[];
  projectId: string;
  onProjectId: (id: string) => void;
  /** Null while loading or after a failure. */
  branches: DemoBranches | null;
  branchesLoading: boolean;
  source: string;
  onSource: (source: string) => void;
  name: string;
  onName: (name: string) => void;
  /** Null while loading. */
  servers: SshServer[] | null;
  server: string;
  onServer: (server: string) => void;
  /** The project runs demos through a GitHub workflow (`demos.mode: workflow`): no server to choose. */
  workflow: { name: string | null } | null;
  expires: string;
  onExpires: (expires: string) => void;
  /** The problem to show under each field, if any. */
  problems: Partial<Record<NewDemoField, string>>;
}

/** The New demo dialog's fields: project, branch or PR, name, server and expiry. */
export function NewDemoFields(props: NewDemoFieldsProps) {
  const { branches, servers, problems } = props;
  return (
    <div className="new-demo__fields">
      <FormField label="Project" problem={problems.project}>
        {(ids) => (
          <select
            {...ids}
            className="select"
            value={props.projectId}
            onChange={(event) => props.onProjectId(event.target.value)}
          >
            {props.projects.length === 0 ? (
              <option value="">No project yet: add one on the Projects screen</option>
            ) : null}
            {props.projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.repository.owner}/{project.repository.repo}
              </option>
            ))}
          </select>
        )}
      </FormField>

      <FormField
        label="Branch or pull request"
        problem={problems.source}
        hint={
          branches && branches.pulls.length === 0
            ? 'Open pull requests are listed too once GitHub is connected for this project.'
            : undefined
        }
      >
        {(ids) => (
          <select
            {...ids}
            className="select"
            value={props.source}
            disabled={props.branchesLoading}
            onChange={(event) => props.onSource(event.target.value)}
          >
            <option value="">{props.branchesLoading ? 'Loading branches…' : 'Choose a branch or pull request'}</option>
            {branches && branches.pulls.length > 0 ? (
              <optgroup label="Open pull requests">
                {branches.pulls.map((pull) => (
                  <option key={pull.number} value={pullSource(pull.number)}>
                    #{pull.number} {pull.title} ({pull.head})
                  </option>
                ))}
              </optgroup>
            ) : null}
            {branches ? (
              <optgroup label="Branches">
                {branches.branches.map((branch) => (
                  <option key={branch} value={branchSource(branch)}>
                    {branch}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        )}
      </FormField>

      <FormField
        label="Name"
        problem={problems.name}
        hint="Suggested from the branch. Lower-case letters, digits and dashes; it names the demo's folder on the server."
      >
        {(ids) => (
          <input
            {...ids}
            className="input"
            type="text"
            value={props.name}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => props.onName(event.target.value)}
          />
        )}
      </FormField>

      {props.workflow ? (
        <div className="field">
          <p className="field__label">Runs on</p>
          <p className="field__hint">
            GitHub: Launch pushes <code>feature-demo/{props.name || '<name>'}</code> and watches
            {props.workflow.name ? <> the “{props.workflow.name}” workflow it starts.</> : ' the workflow it starts.'}
          </p>
        </div>
      ) : (
        <FormField
          label="Server"
          problem={problems.server}
          hint={
            servers && servers.length === 0 ? (
              <>
                No server yet: add one in <a href="#settings">Settings → Servers</a>.
              </>
            ) : undefined
          }
        >
          {(ids) => (
            <select
              {...ids}
              className="select"
              value={props.server}
              disabled={servers === null || servers.length === 0}
              onChange={(event) => props.onServer(event.target.value)}
            >
              {servers === null ? <option value="">Loading servers…</option> : null}
              {servers?.length === 0 ? <option value="">No server set up</option> : null}
              {servers?.map((server) => (
                <option key={server.name} value={server.name}>
                  {server.name} ({server.user}@{server.host}
                  {server.port === 22 ? '' : `:${server.port}`})
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}

      <FormField
        label="Expires after"
        problem={problems.expires}
        hint="Hours, days or weeks, e.g. 14d, 36h or 2w (at most 90 days)."
      >
        {(ids) => (
          <input
            {...ids}
            className="input new-demo__expires"
            type="text"
            value={props.expires}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => props.onExpires(event.target.value)}
          />
        )}
      </FormField>
    </div>
  );
}
