import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowPreview } from '../../shared/ipc/contract';
import type { FlowRun, StepRecord } from '../../shared/domain/flows/flow-plan';
import { createGitSandbox, type GitSandbox } from '../services/testing/git-sandbox';
import type { CliIo } from './cli-io';
import { openFlowServices } from './open-services';
import { runCli } from './program';
import { assertFreshBuild, CLI, runBuiltCli, type CliRun } from './testing/built-cli';

// The whole release train through the built `release-desk`, as a script in CI would drive it: a practice
// project from `sandbox create`, served by `sandbox serve` (the GitHub-compatible server over real bare
// repositories), the token in GITHUB_TOKEN, and every flow with --yes --json. The tests run in order:
// each flow starts where the one before left the train.

/** The sources the flow commands are built from; a change to any of them needs a rebuild. */
const SOURCES = ['electron/cli', 'electron/flows', 'electron/services/projects', 'electron/services/github'];
// `sandbox create` builds the practice history (~250 git processes); a busy runner needs room.
const BUILD_TIMEOUT_MS = 180_000;
// A flow merges for real and waits for the practice deploy workflows (~6 s each on the server).
const FLOW_TIMEOUT_MS = 90_000;
const OWNER_REPO = 'hotosm-practice/tasking-manager';

/** The line `sandbox serve` prints when it is ready. */
interface ServeLine {
  apiUrl: string;
  token: string;
  remote: string;
}

/** One `--json` step line. */
interface StepLine {
  runId: string;
  step: string;
  state: StepRecord['state'];
  outputs: Record<string, string>;
  error?: { code: string; message: string };
}

/** A flow run through the CLI with --json: its step lines, its final run, and how it ended. */
interface FlowResult extends CliRun {
  steps: StepLine[];
  run: FlowRun;
}

describe('release-desk flows, the built binary on the practice project (real git, real server)', () => {
  let sandbox: GitSandbox;
  let env: NodeJS.ProcessEnv;
  let serving: ChildProcessWithoutNullStreams;
  let served: ServeLine;

  const cli = (args: string[]): Promise<CliRun> => runBuiltCli(args, { env, cwd: sandbox.root });
  const target = (): string[] => ['--repo', served.remote, '--api-url', served.apiUrl];
  const git = (args: string[]): string =>
    execFileSync('git', ['--git-dir', served.remote, ...args], { env, encoding: 'utf8' }).trim();
  const isAncestor = (ancestor: string, of: string): boolean =>
    spawnSync('git', ['--git-dir', served.remote, 'merge-base', '--is-ancestor', ancestor, of], { env }).status === 0;
  /** Every ref of the served repository with its sha: what "writes nothing" is checked against. */
  const allRefs = (): string => git(['for-each-ref', '--format=%(refname) %(objectname)']);
  const api = async (path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${served.apiUrl}${path}`, {
      headers: { accept: 'application/vnd.github+json', authorization: `token ${served.token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const apiPost = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${served.apiUrl}${path}`, {
      method: 'POST',
      headers: { accept: 'application/vnd.github+json', authorization: `token ${served.token}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, unknown>;
  };

  /** Runs a flow with --yes --json and reads its output: one line per step as it ends, then the run. */
  const flow = async (args: string[]): Promise<FlowResult> => {
    const result = await cli([...args, ...target(), '--yes', '--json']);
    expect(result.stdout).not.toContain(served.token);
    expect(result.stderr).not.toContain(served.token);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    const last = lines.pop() as { run: FlowRun };
    return { ...result, steps: lines as StepLine[], run: last.run };
  };

  /** A completed run printed each of its steps once, in plan order, as done. */
  const expectCompleted = (result: FlowResult): void => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.run.status).toBe('completed');
    expect(result.code).toBe(0);
    expect(result.steps.map((line) => [line.step, line.state])).toEqual(
      result.run.plan.steps.map((planned) => [planned.id, 'done']),
    );
    expect(new Set(result.steps.map((line) => line.runId))).toEqual(new Set([result.run.id]));
  };
  const outputOf = (result: FlowResult, step: string, output: string): string => {
    const value = result.steps.find((line) => line.step === step)?.outputs[output];
    expect(value, `${step}.${output}`).toBeDefined();
    return value as string;
  };

  beforeAll(async () => {
    assertFreshBuild(SOURCES);
    sandbox = createGitSandbox();
    env = {
      ...sandbox.env,
      RELEASE_DESK_HOME: mkdtempSync(join(sandbox.root, 'data-')),
      // The testing knobs: poll PRs and workflow runs often, and do not space writes to the local server.
      RELEASE_DESK_POLL_MS: '100',
      RELEASE_DESK_WRITE_SPACING_MS: '0',
    };
    const dir = join(sandbox.root, 'practice');
    const created = await cli(['sandbox', 'create', dir, '--json']);
    expect(created.code, created.stderr).toBe(0);
    serving = spawn(process.execPath, [CLI, 'sandbox', 'serve', dir], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    serving.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const line = await new Promise<string>((resolveLine, reject) => {
      serving.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const end = stdout.indexOf('\n');
        if (end !== -1) resolveLine(stdout.slice(0, end));
      });
      serving.on('close', () => reject(new Error(`serve ended before it was ready: ${stderr}`)));
    });
    served = JSON.parse(line) as ServeLine;
    env = { ...env, GITHUB_TOKEN: served.token };
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (serving && serving.exitCode === null) {
      const ended = new Promise((resolveEnd) => serving.on('close', resolveEnd));
      serving.kill('SIGTERM');
      await ended;
    }
    sandbox?.dispose();
  });

  it(
    'a dry run prints the preflight and the exact plan, and changes nothing on the remote',
    async () => {
      const before = allRefs();
      const text = await cli(['freeze', ...target(), '--dry-run']);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/^Preflight:\n {2}✓ GitHub is connected — Connected to hotosm-practice/);
      expect(text.stdout).toContain(`Plan: freeze of ${OWNER_REPO} (`);
      expect(text.stdout).toMatch(/ {2}2\. Create release\/2026\.\d+\.\d+ at [0-9a-f]{7}\n/);
      expect(text.stdout).toContain(
        `       POST /repos/${OWNER_REPO}/pulls {"head":"release/2026.11.0","base":"staging"`,
      );
      expect(text.stdout).toMatch(/Merge PR #<pr\.number> into staging \(merge\) {2}\[changes what others see\]/);
      expect(text.stdout).toContain('Dry run: nothing was changed.');
      // The project was added from the served bare repository: its managed clone is named for the server.
      expect(text.stderr).toContain(`Added ${OWNER_REPO} — managed clone at `);

      const json = await cli(['freeze', ...target(), '--dry-run', '--json']);
      expect(json.code).toBe(0);
      const preview = JSON.parse(json.stdout) as FlowPreview;
      expect(preview.canStart).toBe(true);
      expect(preview.plan.steps.map((planned) => planned.id)).toEqual([
        'lock',
        'branch',
        'pr',
        'wait',
        'merge',
        'deploy',
        'unlock',
      ]);
      expect(preview.plan.projectId).toMatch(/^127\.0\.0\.1:\d+\/hotosm-practice\/tasking-manager$/);
      expect(preview.plan.steps.every((planned) => planned.effects.length > 0)).toBe(true);

      // --config stands in for the repository's own file, for this command only.
      const direct = join(sandbox.root, 'direct-freeze.yml');
      writeFileSync(direct, `${git(['show', 'development:.release-desk.yml'])}\nfreeze:\n  mode: direct\n`);
      const configured = await cli(['freeze', ...target(), '--config', direct, '--dry-run', '--json']);
      expect(configured.code, configured.stderr).toBe(0);
      const directPlan = (JSON.parse(configured.stdout) as FlowPreview).plan;
      expect(directPlan.choices.mode).toBe('direct');
      expect(directPlan.steps.map((planned) => planned.id)).not.toContain('branch');
      expect(directPlan.steps.find((planned) => planned.id === 'pr')?.step).toMatchObject({ head: 'development' });
      const again = JSON.parse((await cli(['freeze', ...target(), '--dry-run', '--json'])).stdout) as FlowPreview;
      expect(again.plan.choices.mode).toBe('branch');

      expect(allRefs()).toBe(before);
      const runs = await cli(['runs', '--json']);
      expect(JSON.parse(runs.stdout)).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'refuses to start without --yes when there is no terminal, and checks choices before git sees them',
    async () => {
      const before = allRefs();
      const unconfirmed = await cli(['freeze', ...target()]);
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stdout).toContain('Plan: freeze of');
      expect(unconfirmed.stderr).toMatch(/^error: Not starting the freeze .*Pass --yes to run it/m);

      const badName = await cli(['hotfix', ...target(), '--name', '-x;rm', '--yes', '--json']);
      expect(badName.code).toBe(2);
      expect(JSON.parse(badName.stdout)).toMatchObject({
        error: { code: 'INVALID_ARGUMENTS', message: expect.stringContaining('is not a usable hotfix name') },
      });
      const badSha = await cli(['hotfix', ...target(), '--name', 'ok', '--pick', 'HEAD~1', '--yes']);
      expect(badSha.code).toBe(2);
      expect(badSha.stderr).toContain('is not a full commit sha');
      const badLane = await cli(['backmerge', ...target(), '--from', 'development', '--yes']);
      expect(badLane.code).toBe(2);
      const noApi = await cli(['freeze', '--repo', served.remote, '--dry-run']);
      expect(noApi.code).toBe(1);
      expect(noApi.stderr).toContain('has no GitHub remote');
      expect(allRefs()).toBe(before);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'on a terminal, shows the plan and asks first; anything but yes changes nothing',
    async () => {
      // In-process, with a fake terminal: the built binary's stdin is never a terminal in a test.
      const before = allRefs();
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        stdin: Readable.from(['n\n']),
        env,
        cwd: () => sandbox.root,
        isTTY: { stdin: true, stderr: false },
      };
      const restore = sandbox.activate();
      let code: number;
      try {
        code = await runCli(['freeze', ...target()], {
          io,
          version: '0.0.0-test',
          openServices: () => Promise.reject(new Error('the flow commands open their own services')),
          practice: () => Promise.reject(new Error('no sandbox here')),
          openFlows: async (options) => openFlowServices(env, process.platform, homedir(), options),
        });
      } finally {
        restore();
      }
      expect(stdout).toContain('Plan: freeze of');
      expect(stderr).toMatch(
        /Run the freeze of hotosm-practice\/tasking-manager now\? It will: Merge PR #<pr\.number> into staging \(merge\)\. \[y\/N\] /,
      );
      expect(stderr).toContain('error: Cancelled: the freeze was not started, and nothing was changed.');
      expect(code).toBe(1);
      expect(allRefs()).toBe(before);
    },
    FLOW_TIMEOUT_MS,
  );

  let frozen = '';
  let picked = '';

  it(
    'freezes a development commit: staging then holds it, and development’s newer work stays out',
    async () => {
      frozen = git(['rev-parse', 'development~1']);
      picked = git(['rev-parse', 'development']);
      const result = await flow(['freeze', '--sha', frozen]);
      expectCompleted(result);
      expect(result.run.plan.choices).toMatchObject({ sha: frozen, version: '2026.11.0' });
      expect(outputOf(result, 'pr', 'number')).toMatch(/^\d+$/);
      expect(isAncestor(frozen, 'staging')).toBe(true);
      expect(isAncestor(picked, 'staging')).toBe(false);
      expect(git(['rev-parse', 'release/2026.11.0'])).toBe(frozen);
      expect(git(['rev-parse', 'staging'])).toBe(outputOf(result, 'merge', 'sha'));
      // The lock was given back: no lock ref is left on the remote.
      expect(allRefs()).not.toContain('refs/release-desk/lock');
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'a second flow fails with exit 1 naming the lock’s holder; unlock breaks it, and runs lists the runs',
    async () => {
      // Another machine's run holds the lock: its holder tag and lock ref, made through the API.
      const anchor = git(['rev-parse', 'development']);
      const holder = {
        runId: '20261126-090000-promote-beef',
        by: 'mira',
        host: 'release-laptop',
        pid: 4242,
        since: '2026-11-26T09:00:00.000Z',
      };
      const tag = await apiPost(`/repos/${OWNER_REPO}/git/tags`, {
        tag: 'release-desk-lock',
        message: JSON.stringify(holder),
        object: anchor,
        type: 'commit',
      });
      await apiPost(`/repos/${OWNER_REPO}/git/refs`, { ref: 'refs/release-desk/lock', sha: tag.sha });

      const blocked = await flow(['backmerge', '--from', 'staging']);
      expect(blocked.code).toBe(1);
      expect(blocked.run.status).toBe('failed');
      expect(blocked.steps).toEqual([
        {
          runId: blocked.run.id,
          step: 'lock',
          state: 'failed',
          outputs: {},
          error: {
            code: 'CONFLICT',
            message: expect.stringContaining('run 20261126-090000-promote-beef by mira on release-laptop'),
          },
        },
      ]);
      expect(git(['rev-parse', 'development'])).toBe(anchor);

      const refused = await cli(['unlock', ...target()]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('Pass --yes to break it');
      const unlocked = await cli(['unlock', ...target(), '--yes']);
      expect(unlocked.code, unlocked.stderr).toBe(0);
      expect(unlocked.stdout).toBe(`Broke the flow lock of ${OWNER_REPO}.\n`);
      expect((await api(`/repos/${OWNER_REPO}/git/ref/release-desk/lock`)).status).toBe(404);

      const abandoned = await cli(['abandon', blocked.run.id, '--api-url', served.apiUrl, '--yes', '--json']);
      expect(abandoned.code, abandoned.stderr).toBe(0);
      expect(JSON.parse(abandoned.stdout)).toMatchObject({ id: blocked.run.id, status: 'abandoned' });

      const runs = JSON.parse((await cli(['runs', '--json'])).stdout) as FlowRun[];
      expect(runs.map((run) => [run.plan.flow, run.status])).toEqual([
        ['backmerge', 'abandoned'],
        ['freeze', 'completed'],
      ]);
      const table = (await cli(['runs'])).stdout.split('\n');
      expect(table[0]).toMatch(/^ID +FLOW +PROJECT +STATUS +BY +STARTED$/);
      expect(table[1]).toMatch(new RegExp(`^${blocked.run.id} +backmerge +${OWNER_REPO} +abandoned `));
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'hotfixes staging with a cherry-picked development commit',
    async () => {
      const result = await flow(['hotfix', '--name', 'fix-login', '--from', 'staging', '--pick', picked]);
      expectCompleted(result);
      expect(result.run.plan.choices).toMatchObject({ branch: 'hotfix/fix-login', shas: picked });
      const merged = outputOf(result, 'merge', 'sha');
      expect(git(['rev-parse', 'staging'])).toBe(merged);
      expect(git(['log', '--format=%H', '--grep', `cherry picked from commit ${picked}`, 'staging'])).toMatch(
        /^[0-9a-f]{40}$/,
      );
      expect(isAncestor(git(['rev-parse', 'hotfix/fix-login']), 'staging')).toBe(true);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'back-merges staging into development',
    async () => {
      const result = await flow(['backmerge', '--from', 'staging']);
      expectCompleted(result);
      expect(isAncestor('staging', 'development')).toBe(true);
      expect(git(['rev-parse', 'development'])).toBe(outputOf(result, 'merge', 'sha'));
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'promotes staging to main',
    async () => {
      const result = await flow(['promote']);
      expectCompleted(result);
      expect(isAncestor('staging', 'main')).toBe(true);
      expect(git(['rev-parse', 'main'])).toBe(outputOf(result, 'merge', 'sha'));
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'releases main: the tag is main’s bumped commit, the release is published, and the back-merge brings the bump to development',
    async () => {
      // The release stops at its draft, for a person to read before anything is published (exit 3).
      const drafted = await flow(['release']);
      expect(drafted.code).toBe(3);
      expect(drafted.run.status).toBe('waiting');
      const { version, tag } = drafted.run.plan.choices as { version: string; tag: string };
      expect(tag).toBe(`v${version}`);
      expect(drafted.steps.map((line) => line.step)).toContain('release');
      expect(drafted.steps.map((line) => line.step)).not.toContain('publish');
      const draft = await api(`/repos/${OWNER_REPO}/releases/tags/${tag}`);
      expect(draft.status).toBe(404); // GitHub does not find drafts by tag
      const listed = (await fetch(`${served.apiUrl}/repos/${OWNER_REPO}/releases`, {
        headers: { accept: 'application/vnd.github+json', authorization: `token ${served.token}` },
      }).then((response) => response.json())) as { tag_name: string; draft: boolean }[];
      expect(listed.find((candidate) => candidate.tag_name === tag)).toMatchObject({ draft: true });
      const text = await cli(['runs']);
      expect(text.stdout).toMatch(new RegExp(`${drafted.run.id} +release +${OWNER_REPO} +waiting`));

      // Approving it publishes the draft and goes on to the end, printing only the steps it ran.
      const approved = await cli(['resume', drafted.run.id, '--approve', '--api-url', served.apiUrl, '--json']);
      expect(approved.stderr).not.toMatch(/error/i);
      expect(approved.code).toBe(0);
      const lines = approved.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown);
      const result = { ...approved, run: (lines.pop() as { run: FlowRun }).run, steps: lines as StepLine[] };
      expect(result.run.status).toBe('completed');
      expect(result.steps.map((line) => line.step)[0]).toBe('review');
      expect(result.steps.map((line) => line.step)).toContain('publish');
      expect(result.steps.map((line) => line.step)).not.toContain('release');
      expect(result.run.approvals?.['review']?.by).toMatch(/@/);
      const main = git(['rev-parse', 'main']);
      expect(git(['rev-parse', `${tag}^{commit}`])).toBe(main);
      expect(git(['show', `main:frontend/package.json`])).toContain(`"version": "${version}"`);
      const release = await api(`/repos/${OWNER_REPO}/releases/tags/${tag}`);
      expect(release.status).toBe(200);
      expect(release.body).toMatchObject({ tag_name: tag, draft: false });

      // The release leaves its back-merge PR main → development open; the back-merge flow merges that PR.
      const pull = outputOf(result, 'backmerge-pr', 'number');
      expect(git(['show', 'development:frontend/package.json'])).not.toContain(`"version": "${version}"`);
      const backmerge = await flow(['backmerge', '--from', 'main']);
      expectCompleted(backmerge);
      expect(outputOf(backmerge, 'pr', 'number')).toBe(pull);
      expect(isAncestor(main, 'development')).toBe(true);
      expect(git(['show', 'development:frontend/package.json'])).toContain(`"version": "${version}"`);

      const runs = JSON.parse((await cli(['runs', '--json'])).stdout) as FlowRun[];
      expect(runs.map((run) => run.plan.flow)).toEqual([
        'backmerge',
        'release',
        'promote',
        'backmerge',
        'hotfix',
        'backmerge',
        'freeze',
      ]);
    },
    FLOW_TIMEOUT_MS,
  );
});
