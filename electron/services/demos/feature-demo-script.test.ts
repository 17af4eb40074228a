import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStatusFile } from '../../../shared/domain/demos/demo';
import { bundledDemoScriptPath } from './bundled-script';
import { createDemoRepository, freePort, HTTP_SERVER_DEPLOY, stopLeftoverDemos } from './testing/demo-repository';

// The bundled demo script run directly with bash, as sshd would run it: a temp BASE, a bare repository
// cloned by path, and a real web server as the deploy. No SSH is involved here; the service tests add it.

const SCRIPT = bundledDemoScriptPath();
// Each step is a bash process or two; a loaded runner needs the room.
const TEST_TIMEOUT_MS = 60_000;
const SECRET = 'pa55-Word!"$(touch /tmp/rd-pwned)';

interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
let base: string;
let repo: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rd-demo-script-'));
  base = join(root, 'demos');
  repo = createDemoRepository(root, 'project', {
    main: { 'README.md': 'main\n' },
    'feature/map-export': { 'index.html': '<h1>map export</h1>\n' },
  });
});

afterAll(async () => {
  // Anything a failed test left running.
  stopLeftoverDemos(base);
  rmSync(root, { recursive: true, force: true });
});

/** Runs the script with `input` as KEY=base64 lines on stdin. */
function script(action: string, name: string | null, input: Record<string, string>): Promise<ScriptRun> {
  const stdin = Object.entries({ BASE: base, ...input })
    .map(([key, value]) => `${key}=${Buffer.from(value).toString('base64')}\n`)
    .join('');
  return new Promise((resolve, reject) => {
    const args = name === null ? [SCRIPT, action, '--'] : [SCRIPT, action, '--', name];
    const child = spawn('bash', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function status(name: string): Promise<DemoStatusFile> {
  const run = await script('status', name, {});
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as DemoStatusFile;
}

/** Polls `status` until the demo has left `starting` (the detached part decides, not `up`). */
async function settled(name: string): Promise<DemoStatusFile> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const current = await status(name);
    if (current.state !== 'starting') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} is still starting`);
}

/** Every command line on the machine, as `ps` shows them. */
function commandLines(): string {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
}

describe('feature-demo.sh', () => {
  it(
    'launches a demo detached, reports it, refuses a second up, shows its log and tears it down',
    async () => {
      const port = await freePort();
      const up = await script('up', 'map-export', {
        REPO: repo,
        BRANCH: 'feature/map-export',
        DEPLOY: `echo "secret has \${#SECRET} characters"\n${HTTP_SERVER_DEPLOY}`,
        OWNER: 'dev@laptop',
        EXPIRES: '2026-12-10T00:00:00.000Z',
        ENV_PORT: String(port),
        ENV_SECRET: SECRET,
      });
      expect(up.code, up.stderr).toBe(0);
      expect(up.stdout).toMatch(/^started \d+\n$/);

      const running = await settled('map-export');
      const sha = execFileSync('git', ['--git-dir', repo, 'rev-parse', 'feature/map-export'], { encoding: 'utf8' });
      expect(running).toMatchObject({
        name: 'map-export',
        branch: 'feature/map-export',
        sha: sha.trim(),
        url: `http://127.0.0.1:${port}/`,
        owner: 'dev@laptop',
        expiresAt: '2026-12-10T00:00:00.000Z',
        state: 'running',
        exitCode: null,
      });
      // The deploy serves the clone of the branch.
      const page = await fetch(`http://127.0.0.1:${port}/index.html`);
      expect(await page.text()).toBe('<h1>map export</h1>\n');

      const list = await script('list', null, {});
      expect(
        list.stdout
          .trim()
          .split('\n')
          .map((line) => (JSON.parse(line) as DemoStatusFile).name),
      ).toEqual(['map-export']);

      const again = await script('up', 'map-export', { REPO: repo, BRANCH: 'feature/map-export', DEPLOY: 'true' });
      expect(again.code).toBe(75);
      expect(again.stderr).toContain('already running for map-export');

      // The secret reached the deploy (its length was printed) but no command line, file or log.
      const demoDir = join(base, 'map-export');
      expect(commandLines()).not.toContain(SECRET);
      const fields = readdirSync(join(demoDir, 'fields')).map((field) => join('fields', field));
      for (const file of ['status.json', 'demo.log', ...fields]) {
        expect(readFileSync(join(demoDir, file), 'utf8')).not.toContain(SECRET);
      }
      expect(existsSync('/tmp/rd-pwned')).toBe(false);

      const all = readFileSync(join(demoDir, 'demo.log'), 'utf8').split('\n');
      expect(all).toContain(`secret has ${SECRET.length} characters`);
      expect(all).toContain(`DEMO_URL=http://127.0.0.1:${port}/`);
      // `logs` follows a live demo until it ends.
      const follower = script('logs', 'map-export', { FROM: '3' });

      const down = await script('down', 'map-export', { STOP: 'echo "stopping $DEMO_NAME"' });
      expect(down.code, down.stderr).toBe(0);
      expect(down.stdout).toBe('removed map-export\n');
      expect(existsSync(demoDir)).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
      // The follower ended with the demo, having printed the log from line 3 on, once.
      const followed = await follower;
      expect(followed.code).toBe(0);
      expect(followed.stdout.split('\n').slice(0, all.length - 3)).toEqual(all.slice(2, -1));
      expect(followed.stdout).toContain('stopping map-export');

      const downAgain = await script('down', 'map-export', {});
      expect(downAgain).toMatchObject({ code: 0, stdout: 'nothing to remove for map-export\n' });
      const gone = await script('status', 'map-export', {});
      expect(gone.code).toBe(66);
    },
    TEST_TIMEOUT_MS,
  );

  it('refuses bad names with exit 64 before creating anything', async () => {
    const names = ['a;rm -rf x', '-x', 'a'.repeat(41), '$(id)', '', 'Upper', 'a b', 'a/../b'];
    for (const name of names) {
      const run = await script('up', name, { REPO: repo, BRANCH: 'main', DEPLOY: 'touch /tmp/rd-pwned' });
      expect(run.code, name).toBe(64);
      expect(run.stderr).toContain('a demo name is 1-40 characters');
    }
    expect(existsSync(base) ? readdirSync(base) : []).toEqual([]);
    expect(existsSync('/tmp/rd-pwned')).toBe(false);
  });

  it('refuses unknown actions, a missing --, unknown or reserved keys and values that are not base64', async () => {
    const raw = (args: string[], stdin = ''): Promise<number | null> =>
      new Promise((resolve) => {
        const child = spawn('bash', [SCRIPT, ...args], { stdio: ['pipe', 'ignore', 'ignore'] });
        child.on('close', resolve);
        child.stdin.end(stdin);
      });
    expect(await raw(['frob', '--', 'demo'])).toBe(64);
    expect(await raw(['up', 'demo'])).toBe(64);
    expect(await raw(['up', '--', 'demo', 'extra'])).toBe(64);
    expect(await raw(['list', '--', 'demo'])).toBe(64);
    expect(await raw(['status', '--', 'demo'], 'NOPE=YQ==\n')).toBe(64);
    expect(await raw(['status', '--', 'demo'], 'BASE=$(id)\n')).toBe(64);
    expect(await raw(['status', '--', 'demo'], `ENV_LD_PRELOAD=${btoa('/x.so')}\n`)).toBe(64);
    expect(await raw(['up', '--', 'demo'], `BASE=${btoa(base)}\nREPO=${btoa(repo)}\nBRANCH=${btoa('main')}\n`)).toBe(
      64,
    );
  });

  it(
    'records a failed deploy with its exit code, and a deploy that exits 0 as running at the template URL',
    async () => {
      const failing = await script('up', 'broken', { REPO: repo, BRANCH: 'main', DEPLOY: 'echo "no luck"; exit 3' });
      expect(failing.code, failing.stderr).toBe(0);
      expect(await settled('broken')).toMatchObject({ state: 'failed', exitCode: 3 });
      // The log of a demo that ended is printed from the line asked for, and `logs` returns.
      const logs = await script('logs', 'broken', { FROM: '2' });
      expect(logs.code).toBe(0);
      expect(logs.stdout.split('\n')).toEqual([
        expect.stringMatching(/^\[release-desk\] deploying main \([0-9a-f]+\)$/),
        'no luck',
        '[release-desk] state=failed exit=3',
        '',
      ]);

      // Quotes, backslashes and control characters survive the JSON written without a JSON library.
      const url = 'https://demo.example.test/"quoted"\\path\ttab\u0001é';
      const daemon = await script('up', 'daemon', { REPO: repo, BRANCH: 'main', DEPLOY: 'echo detached', URL: url });
      expect(daemon.code, daemon.stderr).toBe(0);
      expect(await settled('daemon')).toMatchObject({ state: 'running', exitCode: 0, url });

      for (const name of ['broken', 'daemon']) expect((await script('down', name, {})).code).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reports a demo whose processes died without a word as failed, not running',
    async () => {
      const up = await script('up', 'killed', {
        REPO: repo,
        BRANCH: 'main',
        DEPLOY: 'echo DEMO_URL=http://127.0.0.1:1/; exec sleep 300',
      });
      expect(up.code, up.stderr).toBe(0);
      expect(await settled('killed')).toMatchObject({ state: 'running', exitCode: null });
      const pid = Number(readFileSync(join(base, 'killed', 'runner.pid'), 'utf8'));
      process.kill(-pid, 'SIGKILL');
      // The kernel frees the lock once the last process is gone; `status` then tells the truth.
      let after = await status('killed');
      for (let attempt = 0; attempt < 100 && after.state === 'running'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await status('killed');
      }
      expect(after).toMatchObject({ state: 'failed', exitCode: null });
      expect((await script('down', 'killed', {})).code).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});
