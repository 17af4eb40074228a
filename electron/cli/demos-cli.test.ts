import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoView } from '../../shared/domain/demos/demo';
import type { SshServer } from '../../shared/domain/demos/ssh-server';
import { startSshd, type SshdFixture } from '../sandbox/sshd/sshd-fixture';
import { startSecretServiceSandbox, type SecretServiceSandbox } from '../services/secrets/secret-service-sandbox';
import {
  createDemoRepository,
  freePort,
  HTTP_SERVER_DEPLOY,
  stopLeftoverDemos,
} from '../services/demos/testing/demo-repository';
import { DEMO_REMOTE_DIR_VARIABLE } from './open-services';
import { assertFreshBuild, runBuiltCli, type CliRun } from './testing/built-cli';

// The built `release-desk` adding a real sshd as a server (its key into a real Secret Service) and
// launching, listing and tearing down a demo on it, as a script in CI would.

// Eight runs of the built CLI, each opening SSH sessions; a loaded runner needs the room.
const TEST_TIMEOUT_MS = 90_000;

let keyring: SecretServiceSandbox;
let sshd: SshdFixture;
let root: string;
let env: NodeJS.ProcessEnv;
let remote: string;

beforeAll(async () => {
  assertFreshBuild(['electron/cli', 'electron/services/demos', 'electron/services/ssh']);
  keyring = await startSecretServiceSandbox({ keyring: true });
  sshd = await startSshd();
  root = mkdtempSync(join(tmpdir(), 'rd-demos-cli-'));
  mkdirSync(join(root, 'server'));
  const config = ['demos:', '  deployCommand: |', ...HTTP_SERVER_DEPLOY.split('\n').map((line) => `    ${line}`)];
  // A bare repository as `sandbox serve` lays them out (OWNER/REPO.git), so `--api-url` names it.
  remote = createDemoRepository(join(root, 'remotes', 'demo-owner'), 'demo-app', {
    main: { '.release-desk.yml': `${config.join('\n')}\n` },
    'feature/cli': { 'index.html': 'from the cli\n' },
  });
  writeFileSync(join(root, 'id_ed25519'), sshd.userPrivateKey, { mode: 0o600 });
  env = {
    ...keyring.env,
    RELEASE_DESK_HOME: join(root, 'data'),
    [DEMO_REMOTE_DIR_VARIABLE]: join(root, 'server'),
    GIT_CONFIG_NOSYSTEM: '1',
  };
});

afterAll(async () => {
  // Whatever a failed test left running.
  stopLeftoverDemos(join(root, 'server', 'demos'));
  await keyring?.dispose();
  await sshd?.stop();
  rmSync(root, { recursive: true, force: true });
});

const cli = (args: string[]): Promise<CliRun> => runBuiltCli(args, { env, cwd: root });
const json = <T>(run: CliRun): T => JSON.parse(run.stdout) as T;

describe('release-desk servers and demo, the built binary against a real sshd', () => {
  it(
    'adds a server only with a trusted host key, then launches, lists and tears down a demo',
    async () => {
      const add = ['servers', 'add', '--name', 'local', '--host', sshd.host, '--port', String(sshd.port)];
      add.push('--user', sshd.user, '--key-file', join(root, 'id_ed25519'), '--json');

      // No terminal and no --trust-host-key: refused with the fingerprint to check, and nothing stored.
      const untrusted = await cli(add);
      expect(untrusted.code).toBe(2);
      expect(json<{ error: { message: string } }>(untrusted).error.message).toContain(sshd.hostKeyFingerprint);
      expect(json<SshServer[]>(await cli(['servers', 'list', '--json']))).toEqual([]);

      const added = await cli([...add, '--trust-host-key', sshd.hostKeyFingerprint]);
      expect(added.code, added.stderr).toBe(0);
      expect(json<SshServer>(added)).toMatchObject({
        name: 'local',
        hostKey: { fingerprint: sshd.hostKeyFingerprint },
      });
      expect(added.stdout).not.toContain('PRIVATE KEY');

      const port = await freePort();
      const up = await cli([
        'demo',
        'up',
        '--repo',
        remote,
        '--api-url',
        'http://127.0.0.1:9/api/v3',
        '--server',
        'local',
        '--branch',
        'feature/cli',
        '--name',
        'cli-demo',
        '--env',
        `PORT=${port}`,
      ]);
      expect(up.code, up.stderr).toBe(0);
      const lines = up.stdout.trimEnd().split('\n');
      expect(lines).toContain(`starting a web server on port ${port}`);
      expect(lines.at(-1)).toBe(`Demo cli-demo is running at http://127.0.0.1:${port}/`);
      expect(await (await fetch(`http://127.0.0.1:${port}/index.html`)).text()).toBe('from the cli\n');

      const listed = await cli(['demo', 'list', '--json']);
      expect(listed.code, listed.stderr).toBe(0);
      expect(json<DemoView[]>(listed).map((demo) => [demo.server, demo.name, demo.branch, demo.state])).toEqual([
        ['local', 'cli-demo', 'feature/cli', 'running'],
      ]);

      // Without a terminal a teardown needs --yes; with it, the demo is gone.
      expect((await cli(['demo', 'down', '--server', 'local', '--name', 'cli-demo'])).code).toBe(2);
      const down = await cli(['demo', 'down', '--server', 'local', '--name', 'cli-demo', '--yes', '--json']);
      expect(down.code, down.stderr).toBe(0);
      expect(json<{ removed: boolean }>(down)).toEqual({ removed: true });
      expect(json<DemoView[]>(await cli(['demo', 'list', '--json']))).toEqual([]);

      const badName = await cli(['demo', 'status', '--server', 'local', '--name', '-x;id']);
      expect(badName.code).toBe(2);
    },
    TEST_TIMEOUT_MS,
  );
});
