import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionReport } from '../../shared/domain/demos/demo';
import type { SshServer } from '../../shared/domain/demos/ssh-server';
import { startSshd, type SshdFixture } from '../sandbox/sshd/sshd-fixture';
import { sshKeyAccount, sshPassphraseAccount } from '../services/secrets/secret-accounts';
import { startSecretServiceSandbox, type SecretServiceSandbox } from '../services/secrets/secret-service-sandbox';
import { SECRET_SERVICE_NAME } from '../services/secrets/secret-store';
import { assertFreshBuild, runBuiltCli, type CliRun } from './testing/built-cli';

// The built `release-desk servers add` with a passphrase-protected key (made by the real ssh-keygen and
// authorized on a real sshd): the passphrase comes from the environment variable `--passphrase-env`
// names, a wrong one stores nothing, and the right one lands in a real Secret Service with the key.

const PASSPHRASE = 'secret';
// A few runs of the built CLI, some logging in over SSH; a loaded runner needs the room.
const TEST_TIMEOUT_MS = 60_000;

let keyring: SecretServiceSandbox;
let sshd: SshdFixture;
let root: string;
let keyFile: string;

beforeAll(async () => {
  assertFreshBuild(['electron/cli', 'electron/services/demos', 'electron/services/ssh']);
  keyring = await startSecretServiceSandbox({ keyring: true });
  sshd = await startSshd();
  root = mkdtempSync(join(tmpdir(), 'rd-servers-passphrase-'));
  keyFile = join(root, 'id_encrypted');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', PASSPHRASE, '-C', '', '-f', keyFile]);
  // sshd reads its authorized keys at every login: the encrypted key may log in from now on.
  appendFileSync(join(sshd.dir, 'authorized_keys'), readFileSync(`${keyFile}.pub`, 'utf8'));
});

afterAll(async () => {
  await keyring?.dispose();
  await sshd?.stop();
  rmSync(root, { recursive: true, force: true });
});

const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  runBuiltCli(args, {
    env: { ...keyring.env, RELEASE_DESK_HOME: join(root, 'data'), GIT_CONFIG_NOSYSTEM: '1', ...extraEnv },
    cwd: root,
  });
const json = <T>(run: CliRun): T => JSON.parse(run.stdout) as T;
const add = (): string[] => [
  'servers',
  'add',
  '--name',
  'locked',
  '--host',
  sshd.host,
  '--port',
  String(sshd.port),
  '--user',
  sshd.user,
  '--key-file',
  keyFile,
  '--trust-host-key',
  sshd.hostKeyFingerprint,
  '--json',
];
const stored = async (account: string): Promise<number> =>
  (await keyring.searchItems({ service: SECRET_SERVICE_NAME, account })).length;

describe('release-desk servers add with a passphrase-protected key, the built binary against a real sshd', () => {
  it('documents --passphrase-env in the help', async () => {
    const help = await cli(['servers', 'add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--passphrase-env <VAR>/);
    expect(help.stdout).toMatch(/never a flag value/);
  });

  it(
    'refuses a wrong or missing passphrase storing nothing, then adds the server with the right one',
    async () => {
      // No terminal to ask on, and no variable named: refused with the option to use.
      const unasked = await cli(add());
      expect(unasked.code).toBe(2);
      expect(json<{ error: { message: string } }>(unasked).error.message).toContain('--passphrase-env');

      const wrong = await cli([...add(), '--passphrase-env', 'DEMO_KEY_PASS'], { DEMO_KEY_PASS: 'not-the-one' });
      expect(wrong.code).toBe(1);
      const failure = json<{ error: { code: string; message: string } }>(wrong).error;
      expect(failure.code).toBe('AUTH_FAILED');
      expect(failure.message).toContain('passphrase is wrong');
      expect(`${wrong.stdout}${wrong.stderr}`).not.toContain('not-the-one');
      expect(json<SshServer[]>(await cli(['servers', 'list', '--json']))).toEqual([]);
      expect(await stored(sshKeyAccount('locked'))).toBe(0);
      expect(await stored(sshPassphraseAccount('locked'))).toBe(0);

      const added = await cli([...add(), '--passphrase-env', 'DEMO_KEY_PASS'], { DEMO_KEY_PASS: PASSPHRASE });
      expect(added.code, added.stderr).toBe(0);
      expect(json<SshServer>(added)).toMatchObject({ name: 'locked', auth: 'key' });
      expect(added.stdout).not.toContain(PASSPHRASE);
      expect(await stored(sshKeyAccount('locked'))).toBe(1);
      expect(await stored(sshPassphraseAccount('locked'))).toBe(1);

      // A later command logs in with the key and passphrase from the keychain alone.
      const tested = await cli(['servers', 'test', 'locked', '--json']);
      expect(tested.code, tested.stderr).toBe(0);
      expect(json<ConnectionReport>(tested).stages.find((stage) => stage.id === 'auth')).toMatchObject({ ok: true });
    },
    TEST_TIMEOUT_MS,
  );
});
