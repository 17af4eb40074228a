import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { freePort } from '../../sandbox/sshd/free-port';
import { startSshd, type SshdFixture } from '../../sandbox/sshd/sshd-fixture';
import { connectSsh } from './ssh-connect';
import type { SshAuth } from './ssh-types';

// Each way a connection fails, against real sockets and a real sshd, and the words the user gets.
let sshd: SshdFixture;

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

const pinned = () => ({ algorithm: sshd.hostKeyAlgorithm, fingerprint: sshd.hostKeyFingerprint });

function connect(auth: SshAuth, place: { host: string; port: number } = sshd, readyTimeoutMs?: number) {
  return connectSsh({
    target: { host: place.host, port: place.port, user: sshd.user },
    auth,
    hostKey: pinned(),
    readyTimeoutMs,
  });
}

/** A fresh ed25519 key (optionally with a passphrase): its private text and public line. */
function newKey(name: string, passphrase = ''): { privateKey: string; publicKey: string } {
  const file = join(sshd.dir, name);
  // Few KDF rounds: ssh2 derives the key in JavaScript, and the default 16 rounds take seconds on CI.
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '2', '-N', passphrase, '-C', name, '-f', file]);
  return { privateKey: readFileSync(file, 'utf8'), publicKey: readFileSync(`${file}.pub`, 'utf8') };
}

/** The rejection of `promise`, which must be an AppError. */
async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Everything an error could show anywhere: message, detail, stack and its JSON. */
function everythingIn(error: AppError): string {
  return [
    error.message,
    error.detail ?? '',
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error.toIpcError()),
  ].join('\n');
}

describe('login', () => {
  it('refuses a key that is not authorized with AUTH_FAILED, never quoting the key', async () => {
    const stranger = newKey('stranger-key');
    const error = await failureOf(connect({ kind: 'key', privateKey: stranger.privateKey }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain(`${sshd.host}:${sshd.port} did not accept the key`);
    const body = stranger.privateKey.split('\n')[1] ?? '';
    expect(body.length).toBeGreaterThan(20);
    expect(everythingIn(error)).not.toContain(body);
  });

  it('logs in with a passphrase-protected key, and says so plainly when the passphrase is wrong', async () => {
    const passphrase = 'correct horse battery staple';
    const locked = newKey('locked-key', passphrase);
    appendFileSync(join(sshd.dir, 'authorized_keys'), locked.publicKey);

    const session = await connect({ kind: 'key', privateKey: locked.privateKey, passphrase });
    expect((await session.exec('echo unlocked')).stdout).toBe('unlocked\n');
    session.close();

    const wrong = 'not the passphrase at all';
    const error = await failureOf(connect({ kind: 'key', privateKey: locked.privateKey, passphrase: wrong }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('passphrase is wrong');
    const all = everythingIn(error);
    expect(all).not.toContain(wrong);
    expect(all).not.toContain(passphrase);
    expect(all).not.toContain(locked.privateKey.split('\n')[1]);
  });

  it('says when no ssh-agent is there', async () => {
    const error = await failureOf(connect({ kind: 'agent', socket: join(sshd.dir, 'no-agent.sock') }));
    expect(error.code).toBe('AUTH_FAILED');
  });
});

describe('network', () => {
  it('says a closed port refused the connection', async () => {
    const port = await freePort();
    const error = await failureOf(
      connect({ kind: 'key', privateKey: sshd.userPrivateKey }, { host: '127.0.0.1', port }),
    );
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection: is sshd running and the port right?`);
  });

  it('says a name that does not resolve could not be resolved', async () => {
    const error = await failureOf(
      connect({ kind: 'key', privateKey: sshd.userPrivateKey }, { host: 'nonexistent.invalid', port: 22 }),
    );
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain('The name nonexistent.invalid could not be resolved');
  });

  describe('a listener that never speaks', () => {
    let silent: Server;
    let port: number;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      port = (silent.address() as { port: number }).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('times out with NETWORK after readyTimeoutMs', async () => {
      const error = await failureOf(
        connect({ kind: 'key', privateKey: sshd.userPrivateKey }, { host: '127.0.0.1', port }, 300),
      );
      expect(error.code).toBe('NETWORK');
      expect(error.message).toContain(`127.0.0.1:${port} did not answer in time`);
    });
  });

  it('rejects a target it cannot accept before opening anything', async () => {
    const bad = connectSsh({
      target: { host: '-oProxyCommand=x', port: 22, user: 'root' },
      auth: { kind: 'key', privateKey: sshd.userPrivateKey },
      hostKey: pinned(),
    });
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
    const badUser = connectSsh({
      target: { host: '127.0.0.1', port: sshd.port, user: 'root; rm -rf /' },
      auth: { kind: 'key', privateKey: sshd.userPrivateKey },
      hostKey: pinned(),
    });
    await expect(badUser).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });
});
