import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectSsh } from '../../services/ssh/ssh-connect';
import type { SshSession } from '../../services/ssh/ssh-types';
import { portAccepts } from './free-port';
import { startSshd, type SshdFixture } from './sshd-fixture';

// The fixture other suites build on (demos, the e2e bridge, the bench): what it promises about the
// listener, open sessions and clean-up.
let sshd: SshdFixture;

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

function open(): Promise<SshSession> {
  return connectSsh({
    target: { host: sshd.host, port: sshd.port, user: sshd.user },
    auth: { kind: 'key', privateKey: sshd.userPrivateKey },
    hostKey: { algorithm: sshd.hostKeyAlgorithm, fingerprint: sshd.hostKeyFingerprint },
  });
}

/** Pids whose environment has the fixture's HOME. */
function processesInHome(home: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(`HOME=${home}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('startSshd', () => {
  it('drops open connections but keeps listening', async () => {
    const first = await open();
    await sshd.dropConnections();
    expect((await first.closed).reason).not.toBe('Release Desk closed the connection.');
    const second = await open();
    expect((await second.exec('echo back')).stdout).toBe('back\n');
    second.close();
  });

  it('rotates the host key on the same port, leaving open sessions running like a real restart', async () => {
    const before = { port: sshd.port, fingerprint: sshd.hostKeyFingerprint, line: sshd.knownHostsLine };
    const session = await open();
    await sshd.rotateHostKey();
    expect(sshd.port).toBe(before.port);
    expect(sshd.hostKeyFingerprint).not.toBe(before.fingerprint);
    expect(sshd.knownHostsLine).not.toBe(before.line);
    expect((await session.exec('echo survived')).stdout).toBe('survived\n');
    session.close();
  });

  it('stops everything its sessions started, detached ones included, and frees the port', async () => {
    const own = await startSshd();
    const session = await connectSsh({
      target: { host: own.host, port: own.port, user: own.user },
      auth: { kind: 'key', privateKey: own.userPrivateKey },
      hostKey: { algorithm: own.hostKeyAlgorithm, fingerprint: own.hostKeyFingerprint },
    });
    await session.exec('setsid sleep 60 </dev/null >/dev/null 2>&1 & echo started');
    // The detached process may still be starting when the session's command returns.
    await vi.waitFor(() => expect(processesInHome(own.home).length).toBeGreaterThan(0), { timeout: 10_000 });
    await own.stop();
    expect(processesInHome(own.home)).toEqual([]);
    expect(await portAccepts('127.0.0.1', own.port)).toBe(false);
    expect(await session.closed).toEqual({ reason: expect.any(String) });
  });
});
