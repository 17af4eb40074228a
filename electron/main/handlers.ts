import { DEFAULT_EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../shared/domain/external-url';
import type { EventChannel } from '../../shared/ipc/channels';
import type { AppInfo, EventOf, Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { assertRefName } from '../services/git/git-repository';
import type { ProjectRegistry } from '../services/projects/project-registry';
import type { PracticeProjects } from '../sandbox/practice-projects/practice-projects';
import type { GitHubAccounts } from '../services/github/github-accounts';
import type { NotesWorkspace } from '../services/notes/notes-workspace';
import type { FlowsService } from '../flows/flows-service';
import type { TrainService } from '../services/train/train-service';
import type { TrainGitHubService } from '../services/train/train-github-service';
import { createDemoHandlers, type DemoHandlerDeps } from './demo-handlers';

/** Everything the handlers need from the outside world; Electron-specific parts are passed in. */
export interface HandlerDeps extends DemoHandlerDeps {
  appInfo: AppInfo;
  registry: ProjectRegistry;
  train: TrainService;
  notes: NotesWorkspace;
  /** Puts text on the system clipboard (main-side: the renderer has no clipboard permission). */
  writeClipboard: (text: string) => void;
  /** Asks where to save a file and writes it; resolves the path, or null when cancelled. */
  saveTextFile: (suggestedName: string, text: string) => Promise<string | null>;
  /** Shows a native folder picker; resolves null when cancelled or unavailable. */
  pickFolder: () => Promise<string | null>;
  /** Shows a native file picker for a `.release-desk.yml`; resolves null when cancelled. */
  pickConfigFile: () => Promise<string | null>;
  /** Opens an already-vetted URL in the OS browser. */
  openExternal: (url: string) => Promise<void>;
  /** The release train's flows: preview, run, resume, abandon, list. */
  flows: FlowsService;
  /** The GitHub side of the train dashboard. */
  trainGitHub: TrainGitHubService;
  /** Connected GitHub accounts (tokens in the keychain). */
  github: GitHubAccounts;
  /** The practice project: its sandbox, server and account. */
  practice: PracticeProjects;
  /** Streams an event to the renderer(s). */
  emit: <E extends EventChannel>(event: E, payload: EventOf<E>) => void;
}

/**
 * The main-process implementation of every contract channel. It imports no Electron, so the e2e
 * bridge runs these exact handlers under plain Node.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const demos = createDemoHandlers(deps);
  return {
    ...demos.handlers,
    'app.info': async () => deps.appInfo,
    'projects.list': async () => deps.registry.list(),
    'projects.add': async ({ source, operationId }) =>
      deps.registry.add(source, (progress) => {
        if (operationId) deps.emit('projects.addProgress', { operationId, ...progress });
      }),
    'projects.remove': async ({ id }) => ({ removed: (await deps.registry.remove(id)).id }),
    'projects.setConfigFile': async ({ id, path }) => deps.registry.setConfigFile(id, path),
    'train.status': async ({ projectId, fetch }) =>
      deps.train.forProject(projectId, {
        fetch,
        onFetchProgress: (progress) => deps.emit('train.fetchProgress', { projectId, ...progress }),
      }),
    'train.github': async ({ projectId }) => deps.trainGitHub.forProject(projectId),
    'notes.generate': async ({ projectId, ...options }) => {
      for (const ref of [options.from, options.to]) if (ref !== undefined) assertRefName(ref);
      return deps.notes.generate(projectId, options);
    },
    'notes.saveDraft': async ({ projectId, version, ...changes }) => deps.notes.saveDraft(projectId, version, changes),
    'notes.copy': async ({ projectId, version, format }) => {
      deps.writeClipboard(deps.notes.render(projectId, version, format));
      return { copied: true };
    },
    'notes.exportFile': async ({ projectId, version, format }) => {
      const text = deps.notes.render(projectId, version, format);
      const extension = format === 'json' ? 'json' : 'md';
      const name =
        format === 'changelog' ? `CHANGELOG-${version}.${extension}` : `release-notes-${version}.${extension}`;
      return { path: await deps.saveTextFile(name, text) };
    },
    'dialog.pickFolder': async () => ({ path: await deps.pickFolder() }),
    'dialog.pickConfigFile': async () => ({ path: await deps.pickConfigFile() }),
    'github.accounts': async () => deps.github.list(),
    'github.connect': async (input) => deps.github.connect(input),
    'github.disconnect': async ({ host }) => deps.github.disconnect(host),
    'practice.open': async ({ operationId }) =>
      deps.practice.open((progress) => {
        if (operationId) deps.emit('projects.addProgress', { operationId, ...progress });
      }),
    'practice.reset': async ({ operationId }) =>
      deps.practice.reset((progress) => {
        if (operationId) deps.emit('projects.addProgress', { operationId, ...progress });
      }),
    'practice.connect': async () => deps.practice.connect(),
    'flows.plan': async ({ projectId, flow, choices }) => deps.flows.preview(projectId, flow, choices),
    'flows.start': async ({ projectId, flow, choices }) =>
      deps.flows.start(projectId, flow, choices, (run) => deps.emit('flows.progress', run)),
    'flows.resume': async ({ runId }) => deps.flows.resume(runId, (run) => deps.emit('flows.progress', run)),
    'flows.abandon': async ({ runId }) => deps.flows.abandon(runId),
    'flows.runs': async ({ projectId }) => deps.flows.runs(projectId),
    'flows.approve': async ({ runId, stepId }) =>
      deps.flows.approve(runId, stepId, (run) => deps.emit('flows.progress', run)),
    'flows.breakLock': async ({ projectId }) => deps.flows.breakLock(projectId),
    'shell.openExternal': async ({ url }) => {
      // A demo's own address (http on a server's port, as its status file says) opens too.
      if (demos.isDemoUrl(url)) {
        await deps.openExternal(url);
        return { opened: true };
      }
      // Enterprise hosts the user works with: those of projects, and of connected accounts (whose token
      // page a user opens before any project there exists).
      const enterpriseHosts = [
        ...deps.registry
          .list()
          .filter((project) => project.repository.kind === 'enterprise')
          .map((project) => project.repository.host),
        ...deps.github
          .list()
          .filter((account) => !account.practice && account.host !== 'github.com')
          .map((account) => account.host),
      ];
      if (!isAllowedExternalUrl(url, [...DEFAULT_EXTERNAL_HOSTS, ...enterpriseHosts])) {
        throw new AppError(
          'INVALID_ARGUMENTS',
          'Release Desk only opens https links to GitHub or your GitHub Enterprise host.',
        );
      }
      await deps.openExternal(url);
      return { opened: true };
    },
  };
}
