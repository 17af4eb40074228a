import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSandbox, type GitSandbox } from '../services/testing/git-sandbox';
import { assertFreshBuild, CLI, runBuiltCli, type CliRun } from './testing/built-cli';

/** The sources `sandbox` and `status` are built from; a change to any of them needs a rebuild. */
const SOURCES = ['electron/cli', 'electron/sandbox', 'electron/services/train', 'electron/services/config'];

// Each `sandbox create` builds the whole practice history (~250 git processes): quick on an idle
// machine, slow on a busy CI runner, so these tests get room beyond vitest's default (nothing is timed).
const BUILD_TIMEOUT_MS = 180_000;

/** The line `sandbox serve` prints when it is ready. */
interface ServeLine {
  apiUrl: string;
  token: string;
  repo: string;
  remote: string;
}

/** A running `release-desk sandbox serve`, its first stdout line, and how it ends. */
interface Serving {
  child: ChildProcessWithoutNullStreams;
  line: Promise<string>;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

describe('release-desk sandbox, the built binary (real git, real server)', () => {
  let sandbox: GitSandbox;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
    runBuiltCli(args, { env: { ...env, ...extraEnv }, cwd: sandbox.root });

  function serve(args: string[]): Serving {
    const child = spawn(process.execPath, [CLI, 'sandbox', 'serve', ...args], {
      cwd: sandbox.root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const line = new Promise<string>((resolveLine, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const end = stdout.indexOf('\n');
        if (end !== -1) resolveLine(stdout.slice(0, end));
      });
      child.on('close', () => reject(new Error(`serve ended before it was ready: ${stderr}`)));
    });
    line.catch(() => undefined);
    const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolveExit) =>
      child.on('close', (code) => resolveExit({ code, stdout, stderr })),
    );
    return { child, line, exit };
  }

  beforeAll(() => {
    assertFreshBuild(SOURCES);
    sandbox = createGitSandbox();
    env = { ...sandbox.env, RELEASE_DESK_HOME: mkdtempSync(join(sandbox.root, 'data-')) };
    dir = join(sandbox.root, 'practice');
  });
  afterAll(() => sandbox?.dispose());

  it(
    'creates a practice project and prints it as one JSON object',
    async () => {
      const run = await cli(['sandbox', 'create', 'practice', '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        dir,
        repo: 'hotosm-practice/tasking-manager',
        remote: join(dir, 'state', 'repos', 'hotosm-practice', 'tasking-manager.git'),
        stateDir: join(dir, 'state'),
      });
      expect(readdirSync(dir).sort()).toEqual(['sandbox.json', 'state']);

      const again = await cli(['sandbox', 'create', dir]);
      expect(again.code).toBe(1);
      expect(again.stdout).toBe('');
      expect(again.stderr).toMatch(/^error: .*already holds a practice project\. Reset it to start over/);
    },
    BUILD_TIMEOUT_MS,
  );

  it('serves it with a fresh token until SIGTERM, and `status` reads the served remote', async () => {
    const serving = serve([dir, '--port', '0']);
    const ready = JSON.parse(await serving.line) as ServeLine;
    expect(Object.keys(ready).sort()).toEqual(['apiUrl', 'remote', 'repo', 'token']);
    expect(ready).toMatchObject({
      apiUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      token: expect.stringMatching(/^ghs_\w+/),
      repo: 'hotosm-practice/tasking-manager',
      remote: join(dir, 'state', 'repos', 'hotosm-practice', 'tasking-manager.git'),
    });

    const get = (path: string, token?: string) =>
      fetch(`${ready.apiUrl}${path}`, {
        headers: {
          accept: 'application/vnd.github+json',
          ...(token === undefined ? {} : { authorization: `token ${token}` }),
        },
      });
    const user = await get('/user', ready.token);
    expect(user.status).toBe(200);
    expect(await user.json()).toMatchObject({ login: 'practice-user' });
    const repository = await get(`/repos/${ready.repo}`, ready.token);
    expect(repository.status).toBe(200);
    expect(await repository.json()).toMatchObject({ full_name: ready.repo, default_branch: 'development' });
    expect((await get('/user')).status).toBe(401);
    expect((await get(`/repos/${ready.repo}`)).status).toBe(401);
    expect((await get(`/repos/${ready.repo}`, 'ghs_not-the-token')).status).toBe(401);

    const status = await cli(['status', '--repo', ready.remote, '--json']);
    expect(status.code).toBe(0);
    const train = JSON.parse(status.stdout) as {
      pairs: { from: string; to: string; ahead: number; prs: number[] }[];
      backMerge: { lane: string; prs: number[] }[];
      lastRelease: { tag: string } | null;
    };
    expect(train.pairs[0]).toMatchObject({ from: 'development', to: 'staging', prs: [22, 21, 20, 19, 18] });
    expect(train.pairs[0]?.ahead).toBeGreaterThan(0);
    expect(train.backMerge[0]).toEqual(expect.objectContaining({ lane: 'staging', prs: [17] }));
    expect(train.lastRelease?.tag).toBe('v2026.10.1');

    // With --api-url and the token in GITHUB_TOKEN, status adds GitHub's side of the same train.
    const withGitHub = await cli(['status', '--repo', ready.remote, '--api-url', ready.apiUrl, '--json'], {
      GITHUB_TOKEN: ready.token,
    });
    expect(withGitHub.stderr).toBe('');
    expect(withGitHub.code).toBe(0);
    expect(withGitHub.stdout).not.toContain(ready.token);
    const github = (JSON.parse(withGitHub.stdout) as { github: Record<string, unknown> }).github as {
      state: string;
      login: string;
      lanes: { lane: string; latestRun: { name: string } | null }[];
      waitingPulls: Record<string, { number: number }[]>;
    };
    expect(github).toMatchObject({ state: 'connected', login: 'practice-user' });
    expect(github.lanes.map((lane) => lane.latestRun?.name)).toEqual([
      'Deploy to development',
      'Deploy to staging',
      'Deploy to production',
    ]);
    expect(github.waitingPulls['development→staging']?.map((pull) => pull.number)).toEqual([22, 21, 20, 19, 18]);
    const text = await cli(['status', '--repo', ready.remote, '--api-url', ready.apiUrl], {
      GITHUB_TOKEN: ready.token,
    });
    expect(text.stdout).toContain('GitHub (127.0.0.1');
    expect(text.stdout).toContain('as @practice-user');

    serving.child.kill('SIGTERM');
    const ended = await serving.exit;
    expect(ended.stderr).toBe('');
    expect(ended.code).toBe(0);
    // One line, and only one: scripts read it with `head -1` or a line reader.
    expect(ended.stdout).toBe(`${JSON.stringify(ready)}\n`);
    await expect(get('/user', ready.token)).rejects.toThrow();
  });

  it('stops on SIGINT too, and a new start gets a new token', async () => {
    const first = serve([dir]);
    const { token: firstToken } = JSON.parse(await first.line) as ServeLine;
    first.child.kill('SIGINT');
    expect((await first.exit).code).toBe(0);
    const second = serve([dir]);
    const { token: secondToken } = JSON.parse(await second.line) as ServeLine;
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
    expect(secondToken).not.toBe(firstToken);
  });

  it('fails with exit 1 and a message on stderr: not a practice project, a port in use, a foreign folder', async () => {
    const empty = join(sandbox.root, 'empty');
    mkdirSync(empty);
    const notSandbox = await serve([empty]).exit;
    expect(notSandbox.code).toBe(1);
    expect(notSandbox.stdout).toBe('');
    expect(notSandbox.stderr).toBe(`error: ${empty} is not a practice project. Create one there first.\n`);

    const blocker: Server = createServer();
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const busy = await serve([dir, '--port', String(port)]).exit;
      expect(busy.code).toBe(1);
      expect(busy.stdout).toBe('');
      expect(busy.stderr).toMatch(new RegExp(`^error: Port ${port} on 127\\.0\\.0\\.1 is already in use\\.`));
    } finally {
      blocker.close();
    }

    const badPort = await serve([dir, '--port', 'eighty']).exit;
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a port number');

    const foreign = join(sandbox.root, 'work');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine\n');
    const refused = await cli(['sandbox', 'create', foreign, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('is not empty and is not a practice project') },
    });
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
  });

  it(
    'rebuilds with --reset and says so in plain text',
    async () => {
      const run = await cli(['sandbox', 'create', dir, '--reset']);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        `Rebuilt the practice project hotosm-practice/tasking-manager in ${dir}\n` +
          `  repository: ${join(dir, 'state', 'repos', 'hotosm-practice', 'tasking-manager.git')}\n` +
          `Serve it with: release-desk sandbox serve ${dir}\n`,
      );
    },
    BUILD_TIMEOUT_MS,
  );
});
