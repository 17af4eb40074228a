// `npm run bench` (through vitest.bench.config.ts): the whole train on the practice project, flow by
// flow: how long each dry run (facts, plan, preflight) takes, and how many GitHub requests the dry run
// and the run itself make, counted by the GitHub-compatible server. It prints figures and never asserts
// (DESIGN.md: benchmarks are not tests). Deploy watches wait for the practice workflows (about 6 s).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import type { FlowName } from '../../shared/domain/flows/flow-plan';
import { createFlowsService } from '../../electron/flows/flows-service';
import type { FlowChoices } from '../../electron/flows/flows-service-types';
import { createPracticeSandbox, servePracticeSandbox } from '../../electron/sandbox/practice/practice-sandbox';
import { createCoreServices } from '../../electron/services/core-services';
import { createGitHubAccounts } from '../../electron/services/github/github-accounts';
import { dataLayout } from '../../electron/services/paths/app-paths';
import type { SecretStore } from '../../electron/services/secrets/secret-store';
import { createConfSettingsStore } from '../../electron/services/settings/conf-settings-store';
import { createGitSandbox } from '../../electron/services/testing/git-sandbox';

const print = (line = '') => process.stdout.write(`${line}\n`);

/** The token comes from the environment, as in the command line: the keychain is never asked. */
const unused = () => Promise.reject(new Error('the keychain is not used by the bench'));
const noKeychain: SecretStore = { get: unused, set: unused, delete: unused, has: unused };

test('flows on the practice project: dry-run time and GitHub requests', async () => {
  const sandbox = createGitSandbox();
  const restoreEnv = sandbox.activate();
  const root = mkdtempSync(join(tmpdir(), 'release-desk-flows-bench-'));
  try {
    const info = await createPracticeSandbox(join(root, 'practice'));
    const served = await servePracticeSandbox(info.dir);
    const dataDir = join(root, 'data');
    const settings = createConfSettingsStore(dataDir);
    const core = createCoreServices({ dataDir, settings });
    const github = createGitHubAccounts({
      settings,
      secrets: noKeychain,
      projects: () => core.registry.list(),
      practiceApiUrl: async () => served.apiUrl,
      env: { GITHUB_TOKEN: served.token },
    });
    const flows = createFlowsService({
      dataDir,
      hooksDir: dataLayout(dataDir).hooksDir,
      registry: core.registry,
      github,
      engine: { pollIntervalMs: 500 },
    });
    const project = await core.registry.addPractice({
      sandboxDir: info.dir,
      remote: info.bareRepositoryPath,
      owner: info.owner,
      repo: info.repo,
    });
    const bare = (args: string[]) =>
      execFileSync('git', ['--git-dir', info.bareRepositoryPath, ...args], { encoding: 'utf8' }).trim();

    const rows: string[] = [];
    const measure = async (label: string, flow: FlowName, choices: () => FlowChoices) => {
      const chosen = choices();
      const beforePreview = served.server.requestCount();
      const started = performance.now();
      const preview = await flows.preview(project.id, flow, chosen);
      const dryRunMs = performance.now() - started;
      const previewRequests = served.server.requestCount() - beforePreview;
      const beforeRun = served.server.requestCount();
      const runStarted = performance.now();
      let run = await flows.start(project.id, flow, chosen, () => undefined);
      // A release waits for its draft to be reviewed; the bench approves at once, as a person would.
      const waitingAt = run.status === 'waiting' ? run.steps.find((step) => step.state !== 'done')?.id : undefined;
      if (waitingAt) run = await flows.approve(run.id, waitingAt, () => undefined);
      const failed = run.steps.find((step) => step.state === 'failed');
      if (failed) {
        print(`${label}: step ${failed.id} failed: ${failed.error?.message} ${failed.error?.detail ?? ''}`);
        // A failed run keeps the lock until it is resumed or abandoned; the bench moves on.
        await flows.abandon(run.id);
      }
      const runSeconds = (performance.now() - runStarted) / 1000;
      const runRequests = served.server.requestCount() - beforeRun;
      rows.push(
        `  ${label.padEnd(22)} ${String(preview.plan.steps.length).padStart(5)} ${`${Math.round(dryRunMs)} ms`.padStart(9)} ${String(previewRequests).padStart(8)} ${String(runRequests).padStart(8)} ${`${runSeconds.toFixed(1)} s`.padStart(8)}  ${run.status}`,
      );
    };

    await measure('freeze', 'freeze', () => ({}));
    // A fix lands on development after the freeze; the hotfix carries it into staging.
    const work = join(root, 'work');
    execFileSync('git', ['clone', '--quiet', info.bareRepositoryPath, work]);
    execFileSync('git', ['-C', work, 'checkout', '--quiet', 'development']);
    writeFileSync(join(work, 'backend', 'app', 'task_ids.py'), 'def valid(task_id):\n    return bool(task_id)\n');
    execFileSync('git', ['-C', work, 'add', '--all']);
    execFileSync('git', ['-C', work, 'commit', '--quiet', '-m', 'fix(api): reject empty task ids']);
    execFileSync('git', ['-C', work, 'push', '--quiet', 'origin', 'development']);
    await measure('hotfix (1 cherry-pick)', 'hotfix', () => ({
      name: 'bench-fix',
      from: 'staging',
      shas: [bare(['rev-parse', 'development'])],
    }));
    await measure('back-merge staging', 'backmerge', () => ({ from: 'staging' }));
    await measure('promote', 'promote', () => ({}));
    await measure('release', 'release', () => ({}));

    print();
    print('Flows on the practice project (requests counted by the GitHub-compatible server)');
    print('  flow                   steps   dry run  dry-run  run req.      run  result');
    print('                                            req.');
    for (const row of rows) print(row);
    print('  A run includes polling for checks and deploys every 0.5 s; the deploys take about 6 s each.');
    await served.server.close();
  } finally {
    restoreEnv();
    sandbox.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}, 600_000);
