import { lookup } from 'node:dns/promises';
import { isIP, Socket } from 'node:net';
import type { ConnectionReport, ConnectionStageId } from '../../../shared/domain/demos/demo';
import type { PinnedHostKey } from '../../../shared/domain/demos/ssh-server';
import { AppError } from '../../../shared/ipc/errors';
import { missingPrograms, requirementNames } from './remote-requirements';
import { checkTarget, connectWithProgress, DEFAULT_READY_TIMEOUT_MS, socketHost } from './ssh-connect';
import { hostKeyAlgorithmsFor, hostKeyAlgorithmsPreferring, keyBlobType, sha256Fingerprint } from './host-key';
import { readHostKey } from './host-key-probe';
import {
  describePlace,
  hostKeyChangedError,
  hostKeyTypeGoneError,
  hostKeyUnknownError,
  requirementsMissingError,
  sshProblem,
  type SshPlace,
} from './ssh-errors';
import type { SshAuth, SshSession, SshTarget } from './ssh-types';

/** Options of {@link testConnection}. */
export interface TestConnectionOptions {
  target: SshTarget;
  auth: SshAuth;
  /** The pinned host key; null when none is pinned yet (the host-key stage then fails, naming the key). */
  hostKey: PinnedHostKey | null;
  /** Programs the project's deploy command needs beyond git, flock, setsid, bash and base64 (e.g. docker). */
  requirements?: string[];
  /** For each network stage (DNS, TCP, the SSH login); 20 s by default. */
  timeoutMs?: number;
}

/** The message of whatever a stage threw. */
function problemOf(error: unknown, place: SshPlace): string {
  return sshProblem(error, place).message;
}

function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function timeoutError(): Error {
  return Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' });
}

/** Opens and closes a TCP connection to `address:port`. */
function tryTcp(address: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(timeoutError());
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    socket.connect(port, address, () => {
      socket.destroy();
      resolve();
    });
  });
}

/**
 * "Test connection": DNS, TCP, host key, login and the server's programs, each in order with what it
 * found, stopping at the first failure. Never throws for a failing server (that is what the report is
 * for); throws `INVALID_ARGUMENTS` for a bad target or requirement name.
 */
export async function testConnection(options: TestConnectionOptions): Promise<ConnectionReport> {
  const { target, auth, hostKey } = options;
  checkTarget(target);
  const names = requirementNames(options.requirements ?? []);
  const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const place: SshPlace = { host: target.host, port: target.port };
  const where = describePlace(place);
  const stages: ConnectionReport['stages'] = [];
  const pass = (id: ConnectionStageId, message: string): void => void stages.push({ id, ok: true, message });
  const stop = (id: ConnectionStageId, message: string): ConnectionReport => {
    stages.push({ id, ok: false, message });
    return { ok: false, stages };
  };

  const host = socketHost(target.host);
  let address = host;
  if (isIP(host)) {
    pass('dns', `${target.host} is an IP address: no name to look up.`);
  } else {
    try {
      address = (await withTimeout(lookup(host), timeoutMs, timeoutError)).address;
      pass('dns', `${target.host} resolves to ${address}.`);
    } catch (error) {
      return stop('dns', problemOf(error, place));
    }
  }

  try {
    await tryTcp(address, target.port, timeoutMs);
    pass('tcp', `${where} accepts connections.`);
  } catch (error) {
    return stop('tcp', problemOf(error, place));
  }

  let accepted: { algorithm: string; fingerprint: string } | null = null;
  let session: SshSession;
  try {
    session = await connectWithProgress(
      { target, auth, hostKey, readyTimeoutMs: timeoutMs },
      { onHostKeyAccepted: (presented) => (accepted = presented) },
    );
  } catch (error) {
    if (!accepted && error instanceof AppError && error.code === 'AUTH_FAILED') {
      // The key could not even be used (unreadable, wrong passphrase): the login stopped before the key
      // exchange, so the host key was never asked for. Check it on its own, then report the key.
      const hostKeyCheck = await checkHostKeyAlone(place, hostKey, timeoutMs);
      if (!hostKeyCheck.ok) return stop('host-key', hostKeyCheck.message);
      pass('host-key', hostKeyCheck.message);
      return stop('auth', error.message);
    }
    if (!accepted) return stop('host-key', problemOf(error, place));
    pass('host-key', hostKeyMessage(accepted));
    return stop('auth', problemOf(error, place));
  }
  try {
    // `accepted` is set: the login cannot succeed without the verifier's approval.
    pass('host-key', accepted ? hostKeyMessage(accepted) : 'The host key matches the pinned one.');
    pass(
      'auth',
      `Logged in as ${target.user} with ${auth.kind === 'agent' ? 'a key from the ssh-agent' : 'the stored key'}.`,
    );
    try {
      const missing = await missingPrograms(session, names);
      if (missing.length > 0) return stop('requirements', requirementsMissingError(missing).message);
      pass('requirements', `The server has ${names.join(', ')}.`);
    } catch (error) {
      return stop('requirements', error instanceof AppError ? error.message : problemOf(error, place));
    }
    return { ok: true, stages };
  } finally {
    session.close();
  }
}

/** The host-key stage without logging in: the key the server presents, against the pinned one. */
async function checkHostKeyAlone(
  place: SshPlace,
  hostKey: PinnedHostKey | null,
  timeoutMs: number,
): Promise<{ ok: boolean; message: string }> {
  const offered = (hostKey && hostKeyAlgorithmsFor(hostKey.algorithm)) ?? hostKeyAlgorithmsPreferring([]);
  let key: Buffer;
  try {
    key = await readHostKey(place, offered, timeoutMs);
  } catch (error) {
    const gone = hostKey && /no matching host key format/.test((error as AppError).detail ?? '');
    return { ok: false, message: gone ? hostKeyTypeGoneError(place.host, hostKey).message : problemOf(error, place) };
  }
  const presented = { algorithm: keyBlobType(key), fingerprint: sha256Fingerprint(key) };
  if (!hostKey) {
    return { ok: false, message: hostKeyUnknownError(place.host, presented.algorithm, presented.fingerprint).message };
  }
  if (presented.algorithm !== hostKey.algorithm || presented.fingerprint !== hostKey.fingerprint) {
    return { ok: false, message: hostKeyChangedError(place.host, hostKey.fingerprint, presented.fingerprint).message };
  }
  return { ok: true, message: hostKeyMessage(presented) };
}

function hostKeyMessage(presented: { algorithm: string; fingerprint: string }): string {
  return `The host key is the pinned ${presented.algorithm} key ${presented.fingerprint}.`;
}
