import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRun } from '../../shared/domain/flows/flow-plan';
import { AppError } from '../../shared/ipc/errors';
import {
  createPracticeSandbox,
  servePracticeSandbox,
  type PracticeSandboxInfo,
  type ServedPracticeSandbox,
} from '../sandbox/practice/practice-sandbox';
import { createCoreServices, type CoreServices } from '../services/core-services';
import { createGitHubAccounts } from '../services/github/github-accounts';
import { dataLayout } from '../services/paths/app-paths';
import type { SecretStore } from '../services/secrets/secret-store';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';
import { createGitSandbox, type GitSandbox } from '../services/testing/git-sandbox';
import { createFlowsService, type FlowsService } from './flows-service';

// The flows as the app's handlers call them, on the practice project served by the GitHub-compatible
// server, with the token from GITHUB_TOKEN as the command line takes it (so no keychain is involved).
let root: string;
let sandbox: GitSandbox;
let restoreEnv: () => void;
let info: PracticeSandboxInfo;
let served: ServedPracticeSandbox;
let core: CoreServices;
let flows: FlowsService;
let projectId: string;

/** A keychain that is never reached: the token comes from the environment. */
const noKeychain: SecretStore = {
  get: () => Promise.reject(new Error('the keychain is not used here')),
  set: () => Promise.reject(new Error('the keychain is not used here')),
  delete: () => Promise.reject(new Error('the keychain is not used here')),
  has: () => Promise.reject(new Error('the keychain is not used here')),
};

function bareGit(args: string[]): string {
  return execFileSync('git', ['--git-dir', info.bareRepositoryPath, ...args], { encoding: 'utf8' }).trim();
}

beforeAll(async () => {
  sandbox = createGitSandbox();
  restoreEnv = sandbox.activate();
  root = mkdtempSync(join(tmpdir(), 'release-desk-flows-'));
  info = await createPracticeSandbox(join(root, 'practice'));
  served = await servePracticeSandbox(info.dir);
  const dataDir = join(root, 'data');
  const settings = createConfSettingsStore(dataDir);
  core = createCoreServices({ dataDir, settings });
  const github = createGitHubAccounts({
    settings,
    secrets: noKeychain,
    projects: () => core.registry.list(),
    practiceApiUrl: async () => served.apiUrl,
    env: { GITHUB_TOKEN: served.token },
    clientOptions: { retries: 0, writeSpacingMs: 0 },
  });
  flows = createFlowsService({
    dataDir,
    hooksDir: dataLayout(dataDir).hooksDir,
    registry: core.registry,
    github,
    engine: { pollIntervalMs: 50 },
  });
  const project = await core.registry.addPractice({
    sandboxDir: info.dir,
    remote: info.bareRepositoryPath,
    owner: info.owner,
    repo: info.repo,
  });
  projectId = project.id;
}, 180_000);

afterAll(async () => {
  await served?.server.close();
  restoreEnv?.();
  sandbox?.dispose();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the flows service on the practice project', () => {
  it('previews a freeze without writing anything, then runs it to completion', async () => {
    const stagingBefore = bareGit(['rev-parse', 'staging']);
    const preview = await flows.preview(projectId, 'freeze', {});
    expect(preview.canStart).toBe(true);
    expect(preview.plan.flow).toBe('freeze');
    const branchStep = preview.plan.steps.find((step) => step.step.kind === 'create-branch');
    expect(branchStep?.title).toMatch(/release\/2026\.\d+\.\d+/);
    // A dry run changes nothing: staging stays, and no run is journalled.
    expect(bareGit(['rev-parse', 'staging'])).toBe(stagingBefore);
    expect(await flows.runs(projectId)).toEqual([]);

    const development = bareGit(['rev-parse', 'development']);
    const seen: FlowRun[] = [];
    const run = await flows.start(projectId, 'freeze', {}, (update) => seen.push(structuredClone(update)));

    expect(run.status).toBe('completed');
    expect(run.steps.every((step) => step.state === 'done')).toBe(true);
    // Progress was reported before and after steps, so the wizard can draw each one live.
    expect(seen.some((update) => update.steps.some((step) => step.state === 'running'))).toBe(true);
    execFileSync('git', ['--git-dir', info.bareRepositoryPath, 'merge-base', '--is-ancestor', development, 'staging']);
    expect((await flows.runs(projectId)).map((listed) => listed.id)).toEqual([run.id]);
  }, 120_000);

  it('refuses a hotfix whose name is not a safe branch name, before anything is written', async () => {
    const error = await flows.preview(projectId, 'hotfix', { name: 'bad name; rm -rf', from: 'staging' }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_ARGUMENTS');
  });
});
