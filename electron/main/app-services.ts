import { createFlowsService, type FlowsService } from '../flows/flows-service';
import { dataLayout } from '../services/paths/app-paths';
import { createPracticeProjects, type PracticeProjects } from '../sandbox/practice-projects/practice-projects';
import { createCoreServices, type CoreServices } from '../services/core-services';
import { createGitHubAccounts, type GitHubAccounts } from '../services/github/github-accounts';
import { createTrainGitHubService, type TrainGitHubService } from '../services/train/train-github-service';
import { createDemoBranches } from './demo-branches';
import { createDemosService, type DemosService, type DemosServiceDeps } from '../services/demos/demos-service';
import type { SecretStore } from '../services/secrets/secret-store';
import type { SettingsStore } from '../services/settings/settings-store';

/** The services behind the app's handlers: the core ones plus GitHub accounts and the practice project. */
export interface AppServices extends CoreServices {
  github: GitHubAccounts;
  practice: PracticeProjects;
  trainGitHub: TrainGitHubService;
  flows: FlowsService;
  /** Feature demos and the SSH servers they run on. */
  demos: DemosService;
  /** The branches, open PRs and config defaults the New demo dialog offers. */
  demoBranches: ReturnType<typeof createDemoBranches>;
}

/**
 * Where demos go on every server and which known_hosts first contact reads; the defaults (the SSH
 * user's home, `~/.ssh/known_hosts`) suit the app. Tests and the bench point them at temp folders.
 */
export type DemoPlacement = Pick<DemosServiceDeps, 'remoteBaseDir' | 'remoteScriptPath' | 'knownHostsFile'>;

/**
 * Wires the app's services over one data directory, settings store and keychain. Lives in `main` because
 * it joins `services` with the practice project from `sandbox`, which only `main` may import both of.
 * The Electron app and the e2e bridge both build their handlers on this.
 */
export function createAppServices(options: {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  demos?: DemoPlacement;
}): AppServices {
  const core = createCoreServices({ dataDir: options.dataDir, settings: options.settings });
  // The accounts need the practice server's live URL and the practice project connects through the
  // accounts: each reaches the other through a closure, created in this order.
  const practice: PracticeProjects = createPracticeProjects({
    dataDir: options.dataDir,
    registry: core.registry,
    secrets: options.secrets,
    connect: (input) => github.connect(input),
  });
  const github: GitHubAccounts = createGitHubAccounts({
    settings: options.settings,
    secrets: options.secrets,
    projects: () => core.registry.list(),
    practiceApiUrl: () => practice.apiUrl(),
  });
  const trainGitHub = createTrainGitHubService({ registry: core.registry, train: core.train, github });
  const flows = createFlowsService({
    dataDir: options.dataDir,
    hooksDir: dataLayout(options.dataDir).hooksDir,
    registry: core.registry,
    github,
  });
  const hooksDir = dataLayout(options.dataDir).hooksDir;
  const demos = createDemosService({
    dataDir: options.dataDir,
    settings: options.settings,
    secrets: options.secrets,
    projects: () => core.registry.list(),
    hooksDir,
    github,
    ...options.demos,
  });
  const demoBranches = createDemoBranches({ registry: core.registry, github, hooksDir });
  return { ...core, github, practice, trainGitHub, flows, demos, demoBranches };
}
