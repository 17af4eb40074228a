import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoView } from '../../shared/domain/demos/demo';
import type { SshServer } from '../../shared/domain/demos/ssh-server';
import type { EventChannel } from '../../shared/ipc/channels';
import { AppError } from '../../shared/ipc/errors';
import { createDemoHandlers, type DemoEvents, type DemosPort } from './demo-handlers';

// The handlers' own work (reading the key file, batching the log, ordering log and state, which URLs
// may open) over a port that records what reached it. The service behind the port is tested against a
// real sshd in electron/services/demos.
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
const FINGERPRINT = `SHA256:${'A'.repeat(43)}`;
const SERVER: SshServer = {
  name: 'eu-1',
  host: '127.0.0.1',
  port: 22,
  user: 'deploy',
  auth: 'key',
  hostKey: { algorithm: 'ssh-ed25519', fingerprint: FINGERPRINT },
};

function view(change: Partial<DemoView>): DemoView {
  return {
    name: 'maps',
    server: 'eu-1',
    branch: 'main',
    sha: 'a'.repeat(40),
    url: '',
    owner: 'me@laptop',
    startedAt: '2026-03-01T12:00:00Z',
    expiresAt: '2026-03-15T12:00:00Z',
    state: 'starting',
    exitCode: null,
    expired: false,
    problem: null,
    ...change,
  };
}

let dir: string;
let added: Parameters<DemosPort['addServer']>[0][];
let emitted: { event: EventChannel; payload: unknown }[];
let launch: (events: DemoEvents, signal?: AbortSignal) => Promise<DemoView>;

function port(): DemosPort {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    servers: () => [SERVER],
    probe: unused,
    addServer: async (input) => {
      added.push(input);
      return SERVER;
    },
    removeServer: unused,
    testServer: unused,
    up: async (_request, events) => launch(events),
    follow: async (_server, _name, _from, events, signal) => launch(events, signal),
    list: async () => [],
    status: unused,
    down: unused,
  };
}

function handlers() {
  return createDemoHandlers({
    demos: port(),
    demoBranches: async () => ({
      branches: [],
      pulls: [],
      expiryDays: 14,
      deployCommand: null,
      mode: 'ssh',
      workflow: null,
    }),
    pickKeyFile: async () => null,
    emit: (event, payload) => emitted.push({ event, payload }),
  });
}

const addition = {
  name: 'eu-1',
  host: '127.0.0.1',
  port: 22,
  user: 'deploy',
  auth: 'key' as const,
  trustedFingerprint: FINGERPRINT,
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-handlers-'));
  added = [];
  emitted = [];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the servers handlers', () => {
  it('read the chosen key file in main and hand the key on, returning only the server', async () => {
    const file = join(dir, 'id_ed25519');
    writeFileSync(file, KEY);
    const result = await handlers().handlers['servers.add']({ ...addition, keyFile: file, passphrase: 'pw' });
    expect(added).toEqual([{ ...addition, privateKey: KEY, passphrase: 'pw' }]);
    expect(JSON.stringify(result)).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
  });

  it('refuse a public key, a file that is no key, and a missing file, without echoing the content', async () => {
    const pub = join(dir, 'id_ed25519.pub');
    writeFileSync(pub, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIsecret me@laptop\n');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my secret notes\n');
    const add = handlers().handlers['servers.add'];
    await expect(add({ ...addition, keyFile: pub })).rejects.toThrow(/is a public key/);
    await expect(add({ ...addition, keyFile: notes })).rejects.toThrow(/does not look like a private key/);
    await expect(add({ ...addition, keyFile: join(dir, 'missing') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(add({ ...addition, keyFile: 'id_ed25519' })).rejects.toBeInstanceOf(AppError);
    for (const file of [pub, notes]) {
      const error = await add({ ...addition, keyFile: file }).catch((caught: Error) => caught);
      expect(String((error as Error).message)).not.toMatch(/secret/);
    }
    expect(added).toEqual([]);
  });
});

describe('the demos handlers', () => {
  it('stream the log in batches and flush it before each state, so the renderer sees them in order', async () => {
    launch = async (events) => {
      events.onLog(['one', 'two'], 1);
      events.onLog(['three'], 3);
      events.onState(view({ state: 'running', url: 'http://127.0.0.1:8080/' }));
      events.onLog(['four'], 4);
      return view({ state: 'running', url: 'http://127.0.0.1:8080/' });
    };
    const demo = handlers();
    await demo.handlers['demos.up']({
      projectId: 'p',
      server: 'eu-1',
      branch: 'main',
      name: 'maps',
      expires: '14d',
      env: {},
    });
    expect(emitted.map((entry) => entry.event)).toEqual(['demos.log', 'demos.state', 'demos.log']);
    expect(emitted[0]?.payload).toEqual({ server: 'eu-1', name: 'maps', fromLine: 1, lines: ['one', 'two', 'three'] });
    expect(emitted[2]?.payload).toEqual({ server: 'eu-1', name: 'maps', fromLine: 4, lines: ['four'] });
  });

  it('refuse a branch name git would not accept, before anything reaches the service', async () => {
    launch = async () => {
      throw new Error('must not launch');
    };
    await expect(
      handlers().handlers['demos.up']({
        projectId: 'p',
        server: 'eu-1',
        branch: '--upload-pack=x',
        name: 'maps',
        expires: '14d',
        env: {},
      }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('end a live follow on demos.unfollow of that demo only, and report whether one was running', async () => {
    const demo = handlers();
    launch = (events, signal) =>
      new Promise((_resolve, reject) => {
        events.onState(view({ state: 'running' }));
        signal?.addEventListener('abort', () => reject(new AppError('CANCELLED', 'Stopped following.')));
      });
    const following = demo.handlers['demos.follow']({ server: 'eu-1', name: 'maps', fromLine: 1 });
    const outcome = following.then(
      () => 'resolved',
      (error: unknown) => (error instanceof AppError ? error.code : 'other'),
    );
    expect(await demo.handlers['demos.unfollow']({ server: 'eu-1', name: 'other' })).toEqual({ stopped: false });
    expect(await demo.handlers['demos.unfollow']({ server: 'eu-1', name: 'maps' })).toEqual({ stopped: true });
    expect(await outcome).toBe('CANCELLED');
    // Ended and forgotten: a second unfollow finds nothing to stop.
    expect(await demo.handlers['demos.unfollow']({ server: 'eu-1', name: 'maps' })).toEqual({ stopped: false });
  });

  it('allow opening a demo URL only once a demo reported it', async () => {
    const demo = handlers();
    expect(demo.isDemoUrl('http://127.0.0.1:8080/')).toBe(false);
    launch = async () => view({ state: 'running', url: 'http://127.0.0.1:8080/' });
    await demo.handlers['demos.follow']({ server: 'eu-1', name: 'maps', fromLine: 1 });
    expect(demo.isDemoUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(demo.isDemoUrl('http://127.0.0.1:8081/')).toBe(false);
  });
});
