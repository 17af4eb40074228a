import type { Project } from '../../shared/domain/project';
import { AppError } from '../../shared/ipc/errors';
import { createFlowsService, type FlowsService } from '../flows/flows-service';
import { createCoreServices, type CoreServices } from '../services/core-services';
import { createDemosService, type DemosService } from '../services/demos/demos-service';
import { createGitHubAccounts, type GitHubAccounts } from '../services/github/github-accounts';
import { dataLayout, defaultDataDir } from '../services/paths/app-paths';
import { createKeychainSecretStore } from '../services/secrets/secret-store';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';

/**
 * Opens the same services the app uses, over the same data directory (so both see one project list).
 * `RELEASE_DESK_HOME` in `env` moves it, which is how tests and portable installs keep their own.
 */
export function openCoreServices(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): CoreServices {
  const dataDir = defaultDataDir(env, platform, home);
  return createCoreServices({ dataDir, settings: createConfSettingsStore(dataDir) });
}

/** What the flow commands work with: the core services, the GitHub accounts and the flows. */
export interface FlowServices {
  core: CoreServices;
  github: GitHubAccounts;
  flows: FlowsService;
  /** The app's empty hooks folder. */
  hooksDir: string;
}

/** Options of {@link openFlowServices}. */
export interface FlowServicesOptions {
  /** `--api-url`: replaces the API URL of every host. */
  apiUrlOverride?: string;
  /** `--config`: a `.release-desk.yml` the flows read instead of the project's own, for this command only. */
  configFile?: string;
}

/**
 * Testing knobs, in milliseconds: how often the flows poll PRs and workflow runs (10 s by default), and
 * the least time between two writes to GitHub (1 s by default, as GitHub asks; a local server needs none).
 */
export const TIMING_VARIABLES = { pollMs: 'RELEASE_DESK_POLL_MS', writeSpacingMs: 'RELEASE_DESK_WRITE_SPACING_MS' };

/**
 * Testing knob: an absolute folder on every demo server that holds the demo script and the demos,
 * instead of `~/.release-desk` (tests run sshd as the user running them, and must not touch its home).
 */
export const DEMO_REMOTE_DIR_VARIABLE = 'RELEASE_DESK_DEMO_REMOTE_DIR';

/** A knob of {@link TIMING_VARIABLES} as milliseconds, or undefined (the default) when unset. */
function millisecondsOf(env: NodeJS.ProcessEnv, variable: string, least: number): number | undefined {
  const text = env[variable]?.trim();
  if (!text) return undefined;
  const value = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(value >= least)) {
    throw new AppError('INVALID_ARGUMENTS', `${variable} must be a number of milliseconds of at least ${least}.`);
  }
  return value;
}

/**
 * Opens the flows over the app's data directory, so a run the CLI starts shows in the app's Activity and
 * either can resume it. The token comes from `GITHUB_TOKEN`/`GH_TOKEN` when set, else the keychain;
 * `apiUrlOverride` (`--api-url`) replaces the API URL of every host.
 */
export function openFlowServices(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
  options: FlowServicesOptions = {},
): FlowServices {
  const dataDir = defaultDataDir(env, platform, home);
  const settings = createConfSettingsStore(dataDir);
  const core = createCoreServices({ dataDir, settings });
  const writeSpacingMs = millisecondsOf(env, TIMING_VARIABLES.writeSpacingMs, 0);
  const github = createGitHubAccounts({
    settings,
    secrets: createKeychainSecretStore(),
    projects: () => core.registry.list(),
    env,
    ...(writeSpacingMs === undefined ? {} : { clientOptions: { writeSpacingMs } }),
    ...(options.apiUrlOverride ? { apiUrlOverride: options.apiUrlOverride } : {}),
  });
  const hooksDir = dataLayout(dataDir).hooksDir;
  const pollIntervalMs = millisecondsOf(env, TIMING_VARIABLES.pollMs, 10);
  const { configFile } = options;
  // One command runs on one project, so `--config` can stand in for every project's setting; the
  // saved setting is left as it is.
  const withConfig = (project: Project): Project => (configFile ? { ...project, configFile } : project);
  const flows = createFlowsService({
    dataDir,
    hooksDir,
    registry: { ...core.registry, list: () => core.registry.list().map(withConfig) },
    github,
    ...(pollIntervalMs === undefined ? {} : { engine: { pollIntervalMs } }),
  });
  return { core, github, flows, hooksDir };
}

/** What the `servers` and `demo` commands work with. */
export interface DemoServices {
  core: CoreServices;
  demos: DemosService;
}

/**
 * Opens the demos over the app's data directory and settings (the same servers, keychain entries and
 * launched-demo records as the app); the SSH agent comes from `SSH_AUTH_SOCK` in `env`.
 */
export function openDemoServices(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): DemoServices {
  const dataDir = defaultDataDir(env, platform, home);
  const settings = createConfSettingsStore(dataDir);
  const core = createCoreServices({ dataDir, settings });
  const remoteDir = env[DEMO_REMOTE_DIR_VARIABLE]?.trim().replace(/\/+$/, '');
  if (remoteDir !== undefined && remoteDir !== '' && !remoteDir.startsWith('/')) {
    throw new AppError('INVALID_ARGUMENTS', `${DEMO_REMOTE_DIR_VARIABLE} must be an absolute folder on the servers.`);
  }
  const secrets = createKeychainSecretStore();
  const projects = () => core.registry.list();
  const demos = createDemosService({
    dataDir,
    settings,
    secrets,
    projects,
    hooksDir: dataLayout(dataDir).hooksDir,
    env,
    // Workflow-mode demos push a branch: the same accounts (and `GITHUB_TOKEN`) as the flow commands.
    github: createGitHubAccounts({ settings, secrets, projects, env }),
    ...(remoteDir ? { remoteScriptPath: `${remoteDir}/feature-demo.sh`, remoteBaseDir: `${remoteDir}/demos` } : {}),
  });
  return { core, demos };
}
