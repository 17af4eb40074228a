import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshAgent, type SshAgentFixture } from '../../sandbox/sshd/ssh-agent-fixture';
import { startSshd, type SshdFixture } from '../../sandbox/sshd/sshd-fixture';
import { connectSsh } from './ssh-connect';
import type { SshAuth, SshSession } from './ssh-types';

// Real ssh2 against a real OpenSSH sshd on 127.0.0.1: commands, stdin, SFTP, cancelling and dropped links.
let sshd: SshdFixture;
let session: SshSession;

beforeAll(async () => {
  sshd = await startSshd();
  session = await open();
});
afterAll(async () => {
  session?.close();
  await sshd?.stop();
});

function open(auth: SshAuth = { kind: 'key', privateKey: sshd.userPrivateKey }): Promise<SshSession> {
  return connectSsh({
    target: { host: sshd.host, port: sshd.port, user: sshd.user },
    auth,
    hostKey: { algorithm: sshd.hostKeyAlgorithm, fingerprint: sshd.hostKeyFingerprint },
  });
}

/** Polls `check` until it is true or `ms` pass; returns its last answer. */
async function eventually(check: () => boolean, ms = 5_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(0) until sshd reaps it; it no longer runs.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('exec', () => {
  it('round-trips stdin through cat and reports exit codes and stderr', async () => {
    const echoed = await session.exec('cat', { stdin: 'line one\nzwei – ünïcode\n' });
    expect(echoed).toEqual({ code: 0, signal: null, stdout: 'line one\nzwei – ünïcode\n', stderr: '' });

    const failed = await session.exec('echo out; echo problem >&2; exit 7');
    expect(failed).toEqual({ code: 7, signal: null, stdout: 'out\n', stderr: 'problem\n' });
  });

  it('streams stdout and stderr to the callbacks as they arrive', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const result = await session.exec('for i in 1 2 3; do echo "line $i"; done; echo warn >&2', {
      onStdout: (text) => out.push(text),
      onStderr: (text) => err.push(text),
    });
    expect(out.join('')).toBe('line 1\nline 2\nline 3\n');
    expect(err.join('')).toBe('warn\n');
    expect(result.stdout).toBe(out.join(''));
  });

  it('closes stdin when none is given, so a command reading it ends', async () => {
    expect(await session.exec('wc -c')).toMatchObject({ code: 0, stdout: '0\n' });
  });

  it("gives the command the fixture's temp HOME", async () => {
    expect((await session.exec('printf %s "$HOME"')).stdout).toBe(sshd.home);
  });

  it('reports a command ended by a signal', async () => {
    const result = await session.exec('kill -TERM $$');
    expect(result).toMatchObject({ code: null, signal: 'SIGTERM' });
  });

  it('runs several commands at once on one connection', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((letter) => session.exec('cat', { stdin: letter })));
    expect(results.map((result) => result.stdout)).toEqual(['a', 'b', 'c']);
  });

  it('cancels with an AbortSignal: rejects CANCELLED and the remote process is gone', async () => {
    const pidFile = join(sshd.dir, 'sleep.pid');
    const controller = new AbortController();
    // A child of the shell, not the shell itself: cancelling must end everything the command started.
    const running = session.exec(`sleep 30 & echo $! > '${pidFile}'; echo started; wait`, {
      signal: controller.signal,
      onStdout: (text) => {
        if (text.includes('started')) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(pid).toBeGreaterThan(1);
    const gone = await eventually(() => !processExists(pid));
    expect(gone).toBe(true);
    // The connection is still usable afterwards.
    expect((await session.exec('echo still here')).stdout).toBe('still here\n');
  });

  it('passes stderr through untouched for a cancellable command that is not cancelled', async () => {
    const result = await session.exec('echo out; echo err >&2', { signal: new AbortController().signal });
    expect(result).toEqual({ code: 0, signal: null, stdout: 'out\n', stderr: 'err\n' });
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(session.exec('echo never', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});

describe('upload', () => {
  it('writes a file over SFTP with its mode, readable by exec', async () => {
    const path = join(sshd.dir, 'feature-demo.sh');
    await session.upload('#!/bin/bash\necho "uploaded ✓"\n', path, 0o750);
    const result = await session.exec(`stat -c %a '${path}'; '${path}'`);
    expect(result).toMatchObject({ code: 0, stdout: '750\nuploaded ✓\n' });
  });

  it('replaces an existing file atomically and leaves no temp file behind', async () => {
    const path = join(sshd.dir, 'replace-me.txt');
    await session.upload('first', path, 0o600);
    await session.upload(Buffer.from('second'), path, 0o644);
    const result = await session.exec(
      `stat -c %a '${path}'; cat '${path}'; echo; ls -A '${sshd.dir}' | grep -c tmp || true`,
    );
    expect(result.stdout).toBe('644\nsecond\n0\n');
  });

  it('says when the directory does not exist', async () => {
    await expect(session.upload('x', join(sshd.dir, 'missing-dir', 'file'), 0o644)).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('does not exist'),
    });
  });
});

describe('agent', () => {
  let agent: SshAgentFixture;
  beforeAll(async () => {
    agent = await startSshAgent(sshd.userPrivateKeyFile);
  });
  afterAll(async () => {
    await agent?.stop();
  });

  it('logs in with a key held by a real ssh-agent', async () => {
    const viaAgent = await open({ kind: 'agent', socket: agent.socket });
    try {
      expect((await viaAgent.exec('echo agent')).stdout).toBe('agent\n');
      // Agent forwarding is never requested: the remote has no SSH_AUTH_SOCK.
      expect((await viaAgent.exec('echo "[${SSH_AUTH_SOCK:-none}]"')).stdout).toBe('[none]\n');
    } finally {
      viaAgent.close();
    }
    expect(await viaAgent.closed).toEqual({ reason: 'Release Desk closed the connection.' });
  });
});

describe('a dropped link', () => {
  it('resolves closed and rejects a running command with NETWORK when sshd cuts the connection', async () => {
    const doomed = await open();
    const running = doomed.exec('echo started; exec sleep 30', {
      onStdout: (text) => {
        if (text.includes('started')) void sshd.dropConnections();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining('ended before') });
    const { reason } = await doomed.closed;
    expect(reason).not.toBe('Release Desk closed the connection.');
    expect(reason).toContain(`${sshd.host}:${sshd.port}`);
    await expect(doomed.exec('echo too late')).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(doomed.upload('x', join(sshd.dir, 'late'), 0o600)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
