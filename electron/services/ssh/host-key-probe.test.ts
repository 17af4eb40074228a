import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keygenFingerprint, startSshd, type SshdFixture } from '../../sandbox/sshd/sshd-fixture';
import { probeHostKey } from './host-key-probe';
import { connectSsh } from './ssh-connect';

// First contact and the pinned host key, against a real sshd: what ssh-keygen says is what Release Desk
// shows, known_hosts is read as OpenSSH reads it, and a changed key is refused before any login.
let sshd: SshdFixture;

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

const place = () => ({ host: sshd.host, port: sshd.port });
const target = () => ({ ...place(), user: sshd.user });
const keyAuth = () => ({ kind: 'key' as const, privateKey: sshd.userPrivateKey });

function knownHosts(name: string, lines: string[]): string {
  const file = join(sshd.dir, name);
  writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  return file;
}

/** A known_hosts line for the same host with another (freshly made) ed25519 key. */
function otherKeyLine(): string {
  const file = join(sshd.dir, `other-${Math.random().toString(36).slice(2)}`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
  const [type, base64] = execFileSync('cat', [`${file}.pub`])
    .toString()
    .trim()
    .split(/\s+/);
  return `[127.0.0.1]:${sshd.port} ${type} ${base64}`;
}

describe('probeHostKey', () => {
  it('reads the fingerprint ssh-keygen -lf prints for the host key, without logging in', async () => {
    const before = sshd.log();
    const probe = await probeHostKey(place(), { knownHostsFile: join(sshd.dir, 'no-such-file') });
    expect(probe).toEqual({
      algorithm: 'ssh-ed25519',
      fingerprint: await keygenFingerprint(sshd.hostPublicKeyFile),
      knownHosts: 'absent',
    });
    // sshd saw no user and no key: the probe stopped at the key exchange.
    expect(sshd.log().slice(before.length)).not.toMatch(/publickey|Accepted|Failed|for root/);
  });

  it('says match when known_hosts holds the key (plain, comma list or hashed)', async () => {
    const plain = knownHosts('plain', ['# comment', '', sshd.knownHostsLine]);
    expect((await probeHostKey(place(), { knownHostsFile: plain })).knownHosts).toBe('match');

    const [, type, base64] = sshd.knownHostsLine.split(' ');
    const listed = knownHosts('listed', [`example.org,[127.0.0.1]:${sshd.port},10.0.0.1 ${type} ${base64}`]);
    expect((await probeHostKey(place(), { knownHostsFile: listed })).knownHosts).toBe('match');

    const hashed = knownHosts('hashed', [sshd.knownHostsLine]);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', hashed]);
    expect(execFileSync('cat', [hashed]).toString()).toMatch(/^\|1\|/);
    expect((await probeHostKey(place(), { knownHostsFile: hashed })).knownHosts).toBe('match');
  });

  it('says mismatch when known_hosts holds another key of that type for the host', async () => {
    const file = knownHosts('mismatch', [otherKeyLine()]);
    expect((await probeHostKey(place(), { knownHostsFile: file })).knownHosts).toBe('mismatch');
    const hashed = knownHosts('mismatch-hashed', [otherKeyLine()]);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', hashed]);
    expect((await probeHostKey(place(), { knownHostsFile: hashed })).knownHosts).toBe('mismatch');
  });

  it('says absent for other hosts, other ports, and @revoked or @cert-authority lines', async () => {
    const [, type, base64] = sshd.knownHostsLine.split(' ');
    const file = knownHosts('absent', [
      `127.0.0.1 ${type} ${base64}`,
      `[127.0.0.1]:1 ${type} ${base64}`,
      `@revoked [127.0.0.1]:${sshd.port} ${type} ${base64}`,
      `@cert-authority [127.0.0.1]:${sshd.port} ${type} ${base64}`,
    ]);
    expect((await probeHostKey(place(), { knownHostsFile: file })).knownHosts).toBe('absent');
  });
});

describe('the pinned host key', () => {
  it('refuses a server whose key is not pinned yet, naming its fingerprint', async () => {
    await expect(connectSsh({ target: target(), auth: keyAuth(), hostKey: null })).rejects.toMatchObject({
      code: 'HOST_KEY_UNKNOWN',
      message: expect.stringContaining(sshd.hostKeyFingerprint),
    });
  });

  it('refuses a changed host key with both fingerprints, before any login attempt', async () => {
    const pinned = { algorithm: sshd.hostKeyAlgorithm, fingerprint: sshd.hostKeyFingerprint };
    const session = await connectSsh({ target: target(), auth: keyAuth(), hostKey: pinned });
    session.close();

    await sshd.rotateHostKey();
    const rotated = sshd.hostKeyFingerprint;
    expect(rotated).not.toBe(pinned.fingerprint);
    const before = sshd.log();
    const refusal = connectSsh({ target: target(), auth: keyAuth(), hostKey: pinned });
    await expect(refusal).rejects.toMatchObject({
      code: 'HOST_KEY_CHANGED',
      message: `The host key of 127.0.0.1 changed from ${pinned.fingerprint} to ${rotated}. Release Desk refuses to connect. If the server was really reinstalled, remove it and add it again after checking the new fingerprint with its administrator.`,
    });
    // The log of that connection has no authentication in it: the key never left this machine.
    expect(sshd.log().slice(before.length)).not.toMatch(/publickey|Accepted|Failed|for root/);

    // The probe shows the new key, and a connection pinned to it works.
    expect((await probeHostKey(place(), { knownHostsFile: join(sshd.dir, 'none') })).fingerprint).toBe(rotated);
    const again = await connectSsh({
      target: target(),
      auth: keyAuth(),
      hostKey: { algorithm: sshd.hostKeyAlgorithm, fingerprint: rotated },
    });
    expect((await again.exec('echo ok')).stdout).toBe('ok\n');
    again.close();
  });

  it('treats a server that no longer offers the pinned key type as changed', async () => {
    const pinned = { algorithm: 'ecdsa-sha2-nistp256', fingerprint: sshd.hostKeyFingerprint };
    await expect(connectSsh({ target: target(), auth: keyAuth(), hostKey: pinned })).rejects.toMatchObject({
      code: 'HOST_KEY_CHANGED',
      message: expect.stringContaining('no longer offers the ecdsa-sha2-nistp256 key'),
    });
  });
});
