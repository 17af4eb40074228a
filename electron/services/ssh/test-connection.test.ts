import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../sandbox/sshd/free-port';
import { startSshd, type SshdFixture } from '../../sandbox/sshd/sshd-fixture';
import { testConnection, type TestConnectionOptions } from './test-connection';

// "Test connection" stage by stage against a real sshd: where it stops, and what it says there.
let sshd: SshdFixture;

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

function options(extra: Partial<TestConnectionOptions> = {}): TestConnectionOptions {
  return {
    target: { host: sshd.host, port: sshd.port, user: sshd.user },
    auth: { kind: 'key', privateKey: sshd.userPrivateKey },
    hostKey: { algorithm: sshd.hostKeyAlgorithm, fingerprint: sshd.hostKeyFingerprint },
    ...extra,
  };
}

const ids = (report: { stages: { id: string; ok: boolean }[] }) =>
  report.stages.map((stage) => `${stage.id}:${stage.ok ? 'ok' : 'failed'}`);

describe('testConnection', () => {
  it('passes every stage on a server with the pinned key, the key and the programs', async () => {
    const report = await testConnection(options());
    expect(report.ok).toBe(true);
    expect(ids(report)).toEqual(['dns:ok', 'tcp:ok', 'host-key:ok', 'auth:ok', 'requirements:ok']);
    expect(report.stages[2]?.message).toContain(sshd.hostKeyFingerprint);
    expect(report.stages[4]?.message).toBe('The server has git, flock, setsid, bash, base64.');
  });

  it('names the programs the server lacks', async () => {
    const report = await testConnection(options({ requirements: ['definitely-not-installed-tool', 'git', 'sh'] }));
    expect(report.ok).toBe(false);
    expect(ids(report)).toEqual(['dns:ok', 'tcp:ok', 'host-key:ok', 'auth:ok', 'requirements:failed']);
    expect(report.stages[4]?.message).toBe(
      'The server lacks: definitely-not-installed-tool. Install it, or choose another server.',
    );
  });

  it('refuses a requirement that is not a program name before connecting', async () => {
    await expect(testConnection(options({ requirements: ['docker; reboot'] }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
    await expect(testConnection(options({ requirements: ['-v'] }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
  });

  it('stops at the host key when it is not trusted yet, naming its fingerprint', async () => {
    const report = await testConnection(options({ hostKey: null }));
    expect(ids(report)).toEqual(['dns:ok', 'tcp:ok', 'host-key:failed']);
    expect(report.stages[2]?.message).toContain(
      `is not trusted yet: it is the ssh-ed25519 key ${sshd.hostKeyFingerprint}`,
    );
  });

  it('stops at the host key when it changed', async () => {
    const report = await testConnection(
      options({ hostKey: { algorithm: 'ssh-ed25519', fingerprint: `SHA256:${'A'.repeat(43)}` } }),
    );
    expect(ids(report)).toEqual(['dns:ok', 'tcp:ok', 'host-key:failed']);
    expect(report.stages[2]?.message).toContain(`changed from SHA256:${'A'.repeat(43)} to ${sshd.hostKeyFingerprint}`);
  });

  it('stops at auth with a key the server does not accept', async () => {
    const file = join(sshd.dir, 'unknown-user-key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
    const report = await testConnection(options({ auth: { kind: 'key', privateKey: readFileSync(file, 'utf8') } }));
    expect(ids(report)).toEqual(['dns:ok', 'tcp:ok', 'host-key:ok', 'auth:failed']);
    expect(report.stages[3]?.message).toContain('did not accept the key');
  });

  it('checks the host key on its own when the key cannot even be read, then stops at auth', async () => {
    const file = join(sshd.dir, 'locked-user-key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '2', '-N', 'right passphrase', '-f', file]);
    const auth = { kind: 'key' as const, privateKey: readFileSync(file, 'utf8'), passphrase: 'wrong passphrase' };
    const report = await testConnection(options({ auth }));
    expect(ids(report)).toEqual(['dns:ok', 'tcp:ok', 'host-key:ok', 'auth:failed']);
    expect(report.stages[2]?.message).toContain(sshd.hostKeyFingerprint);
    expect(report.stages[3]?.message).toContain('passphrase is wrong');
    expect(JSON.stringify(report)).not.toContain('wrong passphrase');

    const unpinned = await testConnection(options({ auth, hostKey: null }));
    expect(ids(unpinned)).toEqual(['dns:ok', 'tcp:ok', 'host-key:failed']);
  });

  it('stops at tcp when the port is closed, and at dns when the name does not resolve', async () => {
    const port = await freePort();
    const refused = await testConnection(options({ target: { host: '127.0.0.1', port, user: sshd.user } }));
    expect(ids(refused)).toEqual(['dns:ok', 'tcp:failed']);
    expect(refused.stages[1]?.message).toBe(
      `127.0.0.1:${port} refused the connection: is sshd running and the port right?`,
    );

    const unresolved = await testConnection(
      options({ target: { host: 'nonexistent.invalid', port: 22, user: sshd.user } }),
    );
    expect(ids(unresolved)).toEqual(['dns:failed']);
    expect(unresolved.stages[0]?.message).toContain('The name nonexistent.invalid could not be resolved');
  });
});
