import ssh2, { type ConnectConfig } from 'ssh2';
import { SSH_HOST_PATTERN, SSH_USER_PATTERN, type PinnedHostKey } from '../../../shared/domain/demos/ssh-server';
import { AppError } from '../../../shared/ipc/errors';
import { hostKeyAlgorithmsFor, keyBlobType, sha256Fingerprint } from './host-key';
import {
  describePlace,
  hostKeyChangedError,
  hostKeyTypeGoneError,
  hostKeyUnknownError,
  sshAppError,
  type SshPlace,
} from './ssh-errors';
import { createSshSession } from './ssh-session';
import type { SshAuth, SshSession, SshTarget } from './ssh-types';

const { Client } = ssh2;

/** How long the TCP connect, key exchange and login may take together, unless told otherwise. */
export const DEFAULT_READY_TIMEOUT_MS = 20_000;
// A keepalive every 10 s; three unanswered ones (30 s) close the connection, so a dead link is noticed.
const KEEPALIVE_INTERVAL_MS = 10_000;
const KEEPALIVE_COUNT_MAX = 3;

/** Options of {@link connectSsh}. */
export interface ConnectSshOptions {
  target: SshTarget;
  auth: SshAuth;
  /** The pinned host key. Null (not pinned yet) refuses every key with `HOST_KEY_UNKNOWN`. */
  hostKey: PinnedHostKey | null;
  readyTimeoutMs?: number;
}

/** What the connection learnt along the way, for "Test connection"'s stages. */
export interface ConnectProgress {
  /** Called once the server proved the pinned host key (before any login attempt). */
  onHostKeyAccepted?: (presented: { algorithm: string; fingerprint: string }) => void;
}

/** Throws `INVALID_ARGUMENTS` unless host and port are ones Release Desk accepts. */
export function checkPlace(place: SshPlace): void {
  if (typeof place.host !== 'string' || place.host.length > 253 || !SSH_HOST_PATTERN.test(place.host)) {
    throw new AppError('INVALID_ARGUMENTS', 'Enter a host name or an IP address.');
  }
  if (!Number.isInteger(place.port) || place.port < 1 || place.port > 65535) {
    throw new AppError('INVALID_ARGUMENTS', 'An SSH port is a number from 1 to 65535.');
  }
}

/** Throws `INVALID_ARGUMENTS` unless the target is one Release Desk accepts. */
export function checkTarget(target: SshTarget): void {
  checkPlace(target);
  if (typeof target.user !== 'string' || !SSH_USER_PATTERN.test(target.user)) {
    throw new AppError('INVALID_ARGUMENTS', 'Enter a user name (letters, digits, _ . -).');
  }
}

/** An IPv6 literal may arrive in brackets (`[::1]`); sockets want it bare. */
export function socketHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** ssh2's login settings for `auth`. Only this object ever holds the key and passphrase. */
function authConfig(auth: SshAuth): Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'agent'> {
  if (auth.kind === 'agent') {
    if (typeof auth.socket !== 'string' || auth.socket === '') {
      throw new AppError(
        'AUTH_FAILED',
        'No ssh-agent is running for Release Desk (SSH_AUTH_SOCK is not set). Start one, or use a key.',
      );
    }
    return { agent: auth.socket };
  }
  if (typeof auth.privateKey !== 'string' || auth.privateKey.trim() === '') {
    throw new AppError('AUTH_FAILED', 'No private key is stored for this server. Add the server again with its key.');
  }
  return auth.passphrase
    ? { privateKey: auth.privateKey, passphrase: auth.passphrase }
    : { privateKey: auth.privateKey };
}

/**
 * Connects with the host key pinned: any other key ends the connection during the key exchange, before
 * any login attempt, with `HOST_KEY_CHANGED` naming both fingerprints (no setting bypasses it). Keepalive
 * is on; agent forwarding and keyboard-interactive are off.
 */
export function connectSsh(options: ConnectSshOptions): Promise<SshSession> {
  return connectWithProgress(options, {});
}

/** {@link connectSsh}, reporting when the host key was accepted (for "Test connection"). */
export async function connectWithProgress(options: ConnectSshOptions, progress: ConnectProgress): Promise<SshSession> {
  const { target, hostKey } = options;
  checkTarget(target);
  const place: SshPlace = { host: target.host, port: target.port };
  const where = describePlace(place);
  const doing = 'connect';
  const offered = hostKey ? hostKeyAlgorithmsFor(hostKey.algorithm) : null;
  if (hostKey && !offered) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `Release Desk cannot check a ${hostKey.algorithm} host key. Use a server with an Ed25519, ECDSA or RSA key.`,
    );
  }

  const client = new Client();
  // The verifier's verdict: ssh2 reports a refused key only as "Host denied", so the reason is kept here.
  let verdict: AppError | null = null;
  let closing = false;
  let isClosed = false;
  let lastError: Error | null = null;
  let resolveClosed: (value: { reason: string }) => void = () => undefined;
  const closed = new Promise<{ reason: string }>((resolve) => (resolveClosed = resolve));

  const hostVerifier = (key: Buffer): boolean => {
    let algorithm: string;
    try {
      algorithm = keyBlobType(key);
    } catch {
      verdict = new AppError('NETWORK', `${where} sent a host key Release Desk cannot read.`);
      return false;
    }
    const fingerprint = sha256Fingerprint(key);
    if (!hostKey) {
      verdict = hostKeyUnknownError(target.host, algorithm, fingerprint);
      return false;
    }
    if (algorithm !== hostKey.algorithm || fingerprint !== hostKey.fingerprint) {
      verdict = hostKeyChangedError(target.host, hostKey.fingerprint, fingerprint);
      return false;
    }
    progress.onHostKeyAccepted?.({ algorithm, fingerprint });
    return true;
  };

  const config: ConnectConfig = {
    host: socketHost(target.host),
    port: target.port,
    username: target.user,
    ...authConfig(options.auth),
    agentForward: false,
    tryKeyboard: false,
    readyTimeout: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    keepaliveInterval: KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: KEEPALIVE_COUNT_MAX,
    hostVerifier,
    ...(offered ? { algorithms: { serverHostKey: offered } } : {}),
  };

  return new Promise<SshSession>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(error);
      client.end();
    };
    client.on('error', (error: Error) => {
      lastError = error;
      if (verdict) return fail(verdict);
      if (hostKey && /no matching host key format/.test(error.message)) {
        return fail(hostKeyTypeGoneError(target.host, hostKey));
      }
      fail(sshAppError(error, doing, place));
    });
    client.on('close', () => {
      isClosed = true;
      const reason = closing
        ? 'Release Desk closed the connection.'
        : lastError
          ? sshAppError(lastError, 'keep the connection open', place).message
          : `${where} closed the connection.`;
      resolveClosed({ reason });
      fail(verdict ?? new AppError('NETWORK', `Could not ${doing}. ${where} closed the connection during login.`));
    });
    client.once('ready', () => {
      if (settled) return;
      settled = true;
      resolve(
        createSshSession({
          client,
          place,
          closed,
          isClosed: () => isClosed,
          markClosing: () => (closing = true),
        }),
      );
    });
    try {
      client.connect(config);
    } catch (error) {
      // ssh2 throws at once for a key it cannot parse (wrong passphrase); its message holds no secret.
      fail(sshAppError(error, doing, place));
    }
  });
}
