import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoView } from '../../../shared/domain/demos/demo';
import type { Project } from '../../../shared/domain/project';
import { AppError } from '../../../shared/ipc/errors';
import { startSshd, type SshdFixture } from '../../sandbox/sshd/sshd-fixture';
import { sshKeyAccount, sshPassphraseAccount } from '../secrets/secret-accounts';
import { startSecretServiceSandbox, type SecretServiceSandbox } from '../secrets/secret-service-sandbox';
import { createKeychainSecretStore } from '../secrets/secret-store';
import { createConfSettingsStore } from '../settings/conf-settings-store';
import { openDemoRecords } from './demo-records';
import { createDemosService, type DemoEvents, type DemosService } from './demos-service';
import { createDemoRepository, freePort, HTTP_SERVER_DEPLOY, stopLeftoverDemos } from './testing/demo-repository';

// The demos service against a real OpenSSH sshd on 127.0.0.1 (logging in as the user running the tests)
// and a real Secret Service: the script is uploaded over SFTP, run over SSH, detached with setsid, and
// its demo is a real web server. The tests run in order, like a developer's day with one server.

const SECRET = 'hunter2-"$(touch /tmp/rd-demo-pwned)"';
// Prints STEPS numbered lines PAUSE seconds apart, then serves the clone on PORT.
const DEPLOY = `for i in $(seq 1 "\${STEPS:-3}"); do echo "step $i"; sleep "\${PAUSE:-0}"; done
echo "secret is \${#SECRET} long"
${HTTP_SERVER_DEPLOY}`;

// Running once it printed its URL, then a line every 200 ms until it is stopped.
const TICKER_DEPLOY = `echo "DEMO_URL=http://127.0.0.1:9/"
i=0; while :; do i=$((i + 1)); echo "tick $i"; sleep 0.2; done`;

// A launch is a handful of SSH round trips plus a web server starting; a loaded runner needs the room.
const LAUNCH_TIMEOUT_MS = 60_000;

let keyring: SecretServiceSandbox;
let restoreBus: () => void;
let sshd: SshdFixture;
let root: string;
let project: Project;
let bareProject: Project;
let tickerProject: Project;

beforeAll(async () => {
  keyring = await startSecretServiceSandbox({ keyring: true });
  restoreBus = keyring.activate();
  sshd = await startSshd();
  root = mkdtempSync(join(tmpdir(), 'rd-demos-'));
  mkdirSync(join(root, 'remote'));
  const config = ['demos:', '  deployCommand: |', ...DEPLOY.split('\n').map((line) => `    ${line}`)];
  config.push(`  stopCommand: echo "$DEMO_NAME" >> ${join(root, 'stopped')}`);
  const remote = createDemoRepository(root, 'demo-app', {
    main: { '.release-desk.yml': `${config.join('\n')}\n` },
    'feature/map-export': { 'index.html': '<h1>map export</h1>\n' },
  });
  project = projectOf('demo-app', remote);
  bareProject = projectOf(
    'plain-app',
    createDemoRepository(root, 'plain-app', { main: { 'README.md': 'no demos\n' } }),
  );
  const tickerConfig = ['demos:', '  deployCommand: |', ...TICKER_DEPLOY.split('\n').map((line) => `    ${line}`)];
  tickerProject = projectOf(
    'ticker-app',
    createDemoRepository(root, 'ticker-app', { main: { '.release-desk.yml': `${tickerConfig.join('\n')}\n` } }),
  );
});

afterAll(async () => {
  // Whatever a failed test left running.
  stopLeftoverDemos(join(root, 'remote', 'demos'));
  restoreBus?.();
  await keyring?.dispose();
  await sshd?.stop();
  rmSync(root, { recursive: true, force: true });
});

function projectOf(name: string, remote: string): Project {
  return {
    id: `local/demo-owner/${name}`,
    name,
    remoteUrl: remote,
    repository: { kind: 'enterprise', host: 'local', owner: 'demo-owner', repo: name },
    localPath: null,
    clonePath: remote,
    addedAt: '2026-11-26T00:00:00.000Z',
    configFile: null,
    practice: null,
  };
}

function service(): DemosService {
  return createDemosService({
    dataDir: join(root, 'data'),
    settings: createConfSettingsStore(join(root, 'data')),
    secrets: createKeychainSecretStore(),
    projects: () => [project, bareProject, tickerProject],
    hooksDir: join(root, 'hooks'),
    env: {},
    knownHostsFile: join(root, 'known_hosts'),
    remoteScriptPath: join(root, 'remote', 'feature-demo.sh'),
    remoteBaseDir: join(root, 'remote', 'demos'),
    owner: 'dev@laptop',
    reconnect: { attempts: 4, firstDelayMs: 100 },
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Records what `up` and `follow` report, checking each batch continues where the last one ended. */
function recorder(onLines?: (lines: string[]) => void) {
  const lines: string[] = [];
  const states: DemoView['state'][] = [];
  let next: number | null = null;
  const events: DemoEvents = {
    onLog(batch, fromLine) {
      if (next !== null) expect(fromLine).toBe(next);
      next = fromLine + batch.length;
      lines.push(...batch);
      onLines?.(batch);
    },
    onState: (demo) => states.push(demo.state),
  };
  return { lines, states, events };
}

/** The `tail` processes following a demo's log on this machine (the sshd is local). */
function tailsOf(name: string): string[] {
  const log = join(root, 'remote', 'demos', name, 'demo.log');
  try {
    return execFileSync('pgrep', ['-f', `^tail .*-F .*${log}$`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    // pgrep exits 1 when nothing matches.
    return [];
  }
}

/** The number in the last `tick N` line of `lines`, or 0. */
function lastTick(lines: string[]): number {
  const ticks = lines.filter((line) => /^tick \d+$/.test(line));
  return ticks.length === 0 ? 0 : Number(ticks.at(-1)?.slice('tick '.length));
}

/** How many SSH connections sshd has accepted so far. */
function connectionCount(): number {
  return (sshd.log().match(/Connection from 127\.0\.0\.1/g) ?? []).length;
}

const demoRequest = (name: string, env: Record<string, string>) => ({
  projectId: project.id,
  server: 'local',
  branch: 'feature/map-export',
  name,
  expiresInMs: 14 * 24 * 3_600_000,
  env,
});

describe('demos over SSH', () => {
  it('pins the host key the user trusted, refuses a different one and a wrong key, and keeps the key in the keychain', async () => {
    const demos = service();
    const probe = await demos.probe(sshd.host, sshd.port);
    expect(probe).toEqual({ algorithm: 'ssh-ed25519', fingerprint: sshd.hostKeyFingerprint, knownHosts: 'absent' });

    const base = { name: 'local', host: sshd.host, port: sshd.port, user: sshd.user, auth: 'key' as const };
    const otherFingerprint = `SHA256:${'A'.repeat(43)}`;
    const changed = await rejection(
      demos.addServer({ ...base, privateKey: sshd.userPrivateKey, trustedFingerprint: otherFingerprint }),
    );
    expect(changed.code).toBe('HOST_KEY_CHANGED');
    expect(changed.message).toContain(sshd.hostKeyFingerprint);

    const strangerKey = join(root, 'stranger');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', strangerKey]);
    const wrongKey = await rejection(
      demos.addServer({
        ...base,
        privateKey: readFileSync(strangerKey, 'utf8'),
        trustedFingerprint: sshd.hostKeyFingerprint,
      }),
    );
    expect(wrongKey.code).toBe('AUTH_FAILED');
    expect(demos.servers()).toEqual([]);
    expect(await createKeychainSecretStore().get(sshKeyAccount('local'))).toBeNull();

    const added = await demos.addServer({
      ...base,
      privateKey: sshd.userPrivateKey,
      trustedFingerprint: sshd.hostKeyFingerprint,
    });
    expect(added).toEqual({
      name: 'local',
      host: sshd.host,
      port: sshd.port,
      user: sshd.user,
      auth: 'key',
      hostKey: { algorithm: 'ssh-ed25519', fingerprint: sshd.hostKeyFingerprint },
    });
    expect(await createKeychainSecretStore().get(sshKeyAccount('local'))).toBe(sshd.userPrivateKey.trim() + '\n');
    expect(await createKeychainSecretStore().get(sshPassphraseAccount('local'))).toBeNull();
    expect(readFileSync(join(root, 'data', 'config.json'), 'utf8')).not.toContain('PRIVATE KEY');
    expect((await demos.testServer('local')).ok).toBe(true);
  });

  it('refuses bad names, bad environment names and a project without a deploy command before any SSH', async () => {
    const demos = service();
    const before = connectionCount();
    for (const name of ['a;rm -rf x', '-x', 'a'.repeat(41), '$(id)', 'Upper']) {
      const error = await rejection(demos.up(demoRequest(name, {}), recorder().events));
      expect(error.code, name).toBe('INVALID_ARGUMENTS');
      expect((await rejection(demos.down('local', name))).code).toBe('INVALID_ARGUMENTS');
    }
    expect((await rejection(demos.up(demoRequest('ok', { 'A=B': 'x' }), recorder().events))).code).toBe(
      'INVALID_ARGUMENTS',
    );
    expect((await rejection(demos.up(demoRequest('ok', { LD_PRELOAD: 'x' }), recorder().events))).code).toBe(
      'INVALID_ARGUMENTS',
    );
    const noDeploy = await rejection(
      demos.up({ ...demoRequest('plain', {}), projectId: bareProject.id }, recorder().events),
    );
    expect(noDeploy.code).toBe('CONFIG_INVALID');
    expect(noDeploy.message).toContain('demos.deployCommand');
    expect((await rejection(demos.up({ ...demoRequest('x', {}), server: 'nope' }, recorder().events))).code).toBe(
      'NOT_FOUND',
    );
    expect(connectionCount()).toBe(before);
  });

  it(
    'launches a demo, streams its log to the URL, reports it and refuses a second launch of the same name',
    async () => {
      const demos = service();
      const port = await freePort();
      const seen = recorder();
      const view = await demos.up(demoRequest('map-export', { PORT: String(port), SECRET }), seen.events);

      expect(view).toMatchObject({
        name: 'map-export',
        server: 'local',
        branch: 'feature/map-export',
        url: `http://127.0.0.1:${port}/`,
        owner: 'dev@laptop',
        state: 'running',
        expired: false,
        problem: null,
      });
      expect(seen.states).toEqual(['starting', 'running']);
      expect(seen.lines).toEqual(expect.arrayContaining(['step 1', 'step 3', `secret is ${SECRET.length} long`]));
      expect(seen.lines.at(-1)).toBe(`[release-desk] state=running url=http://127.0.0.1:${port}/`);
      expect(await (await fetch(`http://127.0.0.1:${port}/index.html`)).text()).toBe('<h1>map export</h1>\n');

      expect(await demos.status('local', 'map-export')).toMatchObject({ state: 'running', url: view.url });
      expect(await demos.logs('local', 'map-export')).toEqual(seen.lines);
      expect((await demos.list()).map((row) => [row.server, row.name, row.state])).toEqual([
        ['local', 'map-export', 'running'],
      ]);
      // The secret went to the deploy on stdin: not into a command line, sshd's log or the status file.
      expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(SECRET);
      expect(sshd.log()).not.toContain(SECRET);
      expect(readFileSync(join(root, 'remote', 'demos', 'map-export', 'status.json'), 'utf8')).not.toContain(SECRET);

      const again = await rejection(demos.up(demoRequest('map-export', { PORT: String(port) }), recorder().events));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toContain('already running');
    },
    LAUNCH_TIMEOUT_MS,
  );

  it(
    'reattaches after the connection drops mid-launch: the demo keeps running and no line is lost or repeated',
    async () => {
      const demos = service();
      let dropped: Promise<void> | null = null;
      const seen = recorder((lines) => {
        if (!dropped && lines.includes('step 4')) dropped = sshd.dropConnections();
      });
      const env = { PORT: String(await freePort()), STEPS: '30', PAUSE: '0.05' };
      const view = await demos.up(demoRequest('slow', env), seen.events);
      expect(dropped).not.toBeNull();
      expect(view.state).toBe('running');

      const log = await demos.logs('local', 'slow');
      expect(seen.lines).toEqual(log);
      expect(log.filter((line) => /^step \d+$/.test(line))).toEqual(
        Array.from({ length: 30 }, (_, index) => `step ${index + 1}`),
      );

      // The app restarted: it follows again from a line it had, and gets the rest once. The demo runs
      // on, so the follow tails it live until the caller stops.
      const later = recorder();
      const stop = new AbortController();
      const following = demos.follow('local', 'slow', 5, later.events, stop.signal);
      await vi.waitFor(() => expect(later.lines).toEqual(log.slice(4)), { timeout: 15_000 });
      expect(later.states).toEqual(['running']);
      stop.abort();
      expect((await rejection(following)).code).toBe('CANCELLED');
    },
    LAUNCH_TIMEOUT_MS,
  );

  it('reports demos of a server that is gone per demo, and refuses to drop them silently', async () => {
    const demos = service();
    const settings = createConfSettingsStore(join(root, 'data'));
    const local = settings.get('servers')[0]!;
    settings.set('servers', [...settings.get('servers'), { ...local, name: 'gone', port: await freePort() }]);
    await createKeychainSecretStore().set(sshKeyAccount('gone'), sshd.userPrivateKey);
    await openDemoRecords(join(root, 'data')).put({
      server: 'gone',
      name: 'old-demo',
      branch: 'feature/old',
      project: project.id,
      launchedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-15T00:00:00.000Z',
    });

    const rows = await demos.list();
    expect(rows.map((row) => [row.server, row.name, row.state])).toEqual([
      ['gone', 'old-demo', 'unreachable'],
      ['local', 'map-export', 'running'],
      ['local', 'slow', 'running'],
    ]);
    expect(rows[0]).toMatchObject({ expired: true, branch: 'feature/old' });
    expect(rows[0]?.problem).toContain('refused');

    const down = await rejection(demos.down('gone', 'old-demo'));
    expect(down.code).toBe('NETWORK');
    expect(down.message).toContain('gone');
    expect((await openDemoRecords(join(root, 'data')).list()).map((record) => record.name)).toContain('old-demo');
    await demos.removeServer('gone');
    expect((await demos.list()).find((row) => row.name === 'old-demo')?.problem).toContain('no longer in Settings');
    expect(await openDemoRecords(join(root, 'data')).remove('gone', 'old-demo')).toBe(true);
  });

  it('tears demos down with the stop command, idempotently', async () => {
    const demos = service();
    const { url } = await demos.status('local', 'map-export');
    expect(await demos.down('local', 'map-export')).toEqual({ removed: true });
    expect(await demos.down('local', 'slow')).toEqual({ removed: true });
    expect(readFileSync(join(root, 'stopped'), 'utf8')).toBe('map-export\nslow\n');
    await expect(fetch(url)).rejects.toThrow();
    expect(await demos.list()).toEqual([]);
    expect(await openDemoRecords(join(root, 'data')).list()).toEqual([]);
    expect(await demos.down('local', 'map-export')).toEqual({ removed: false });
    expect((await rejection(demos.status('local', 'map-export'))).code).toBe('NOT_FOUND');
  });

  it(
    'follows a running demo live until the caller stops, or the demo is torn down, leaving no tail behind',
    async () => {
      const demos = service();
      const launched = await demos.up(
        { ...demoRequest('ticker', {}), projectId: tickerProject.id, branch: 'main' },
        recorder().events,
      );
      expect(launched.state).toBe('running');

      // Following the running demo goes on past the lines the log had when the call started.
      const before = lastTick(await demos.logs('local', 'ticker'));
      const seen = recorder();
      const stop = new AbortController();
      let outcome: 'pending' | 'ended' = 'pending';
      const following = demos.follow('local', 'ticker', 1, seen.events, stop.signal).finally(() => {
        outcome = 'ended';
      });
      await vi.waitFor(() => expect(lastTick(seen.lines)).toBeGreaterThan(before + 5), { timeout: 15_000 });
      expect(outcome).toBe('pending');
      expect(seen.states).toEqual(['running']);
      expect(tailsOf('ticker')).toHaveLength(1);

      // The user closed the panel: the call ends, and so does the tail on the server.
      stop.abort();
      expect((await rejection(following)).code).toBe('CANCELLED');
      await vi.waitFor(() => expect(tailsOf('ticker')).toEqual([]), { timeout: 10_000 });
      const logged = await demos.logs('local', 'ticker');
      expect(seen.lines).toEqual(logged.slice(0, seen.lines.length));

      // Following again from where it stopped, until the demo is torn down from elsewhere.
      const again = recorder();
      const tornDown = demos.follow('local', 'ticker', seen.lines.length + 1, again.events);
      await vi.waitFor(() => expect(again.lines.length).toBeGreaterThan(2), { timeout: 15_000 });
      expect(again.lines[0]).toBe(logged[seen.lines.length]);
      expect(await service().down('local', 'ticker')).toEqual({ removed: true });
      expect((await tornDown).state).toBe('stopped');
      expect(again.states).toEqual(['running', 'stopped']);
      expect(tailsOf('ticker')).toEqual([]);
    },
    LAUNCH_TIMEOUT_MS,
  );

  it('refuses a server whose host key changed, everywhere, and keeps its demos listed as unreachable', async () => {
    const demos = service();
    await openDemoRecords(join(root, 'data')).put({
      server: 'local',
      name: 'kept',
      branch: 'main',
      project: project.id,
      launchedAt: '2026-11-26T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    const pinned = sshd.hostKeyFingerprint;
    await sshd.rotateHostKey();

    const status = await rejection(demos.status('local', 'kept'));
    expect(status.code).toBe('HOST_KEY_CHANGED');
    expect(status.message).toContain(pinned);
    expect(status.message).toContain(sshd.hostKeyFingerprint);
    expect((await rejection(demos.down('local', 'kept'))).code).toBe('HOST_KEY_CHANGED');
    const [row] = await demos.list();
    expect(row).toMatchObject({ name: 'kept', state: 'unreachable', expired: false });
    expect(row?.problem).toContain('changed');
    expect((await demos.testServer('local')).stages.map((stage) => [stage.id, stage.ok])).toEqual([
      ['dns', true],
      ['tcp', true],
      ['host-key', false],
    ]);
  });
});
