import { AppError } from '../../../shared/ipc/errors';

/** Where a failed connection was going, for messages (`host:port`). */
export interface SshPlace {
  host: string;
  port: number;
}

/** The parts of an ssh2 or socket error this module reads. */
interface SshFailure {
  message?: unknown;
  code?: unknown;
  level?: unknown;
}

/** `host:port`, with an IPv6 literal in brackets. */
export function describePlace(place: SshPlace): string {
  return place.host.includes(':') ? `[${place.host}]:${place.port}` : `${place.host}:${place.port}`;
}

/** The server's host key differs from the pinned one. No setting bypasses this. */
export function hostKeyChangedError(host: string, pinned: string, presented: string): AppError {
  return new AppError(
    'HOST_KEY_CHANGED',
    `The host key of ${host} changed from ${pinned} to ${presented}. Release Desk refuses to connect. If the ` +
      'server was really reinstalled, remove it and add it again after checking the new fingerprint with its ' +
      'administrator.',
  );
}

/** The server no longer offers a key of the pinned type at all: just as changed, without a new fingerprint. */
export function hostKeyTypeGoneError(host: string, pinned: { algorithm: string; fingerprint: string }): AppError {
  return new AppError(
    'HOST_KEY_CHANGED',
    `The host key of ${host} changed: the server no longer offers the ${pinned.algorithm} key ${pinned.fingerprint}. ` +
      'Release Desk refuses to connect. If the server was really reinstalled, remove it and add it again after ' +
      'checking the new fingerprint with its administrator.',
  );
}

/** No host key is pinned for the server yet: the user must compare the fingerprint and trust it. */
export function hostKeyUnknownError(host: string, algorithm: string, fingerprint: string): AppError {
  return new AppError(
    'HOST_KEY_UNKNOWN',
    `The host key of ${host} is not trusted yet: it is the ${algorithm} key ${fingerprint}. Compare it with the ` +
      'fingerprint the server’s administrator gives you (`ssh-keygen -lf` on the server’s host key), then trust it.',
  );
}

/** The server lacks programs demos need. */
export function requirementsMissingError(missing: string[]): AppError {
  return new AppError(
    'REQUIREMENTS_MISSING',
    `The server lacks: ${missing.join(', ')}. Install ${missing.length === 1 ? 'it' : 'them'}, or choose another server.`,
  );
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

// How ssh2 starts its message for a private key it cannot read (it never quotes the key).
const KEY_PARSE_PREFIX = 'Cannot parse privateKey';

/**
 * Turns an ssh2 or socket failure into an {@link AppError} that says what happened and what to try,
 * e.g. "127.0.0.1:22 refused the connection: is sshd running and the port right?". `place` is where the
 * connection went. An AppError (a host key verdict, a cancel) passes through unchanged. The message never
 * carries the private key or its passphrase: it is built from error codes, and ssh2's own text (kept as
 * `detail`) never quotes either.
 */
export function sshProblem(error: unknown, place?: SshPlace): AppError {
  if (error instanceof AppError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SshFailure;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const code = typeof failure.code === 'string' ? failure.code : '';
  const level = typeof failure.level === 'string' ? failure.level : '';
  const where = place ? describePlace(place) : 'The server';
  const hostName = place ? place.host : 'the server';
  const detail = `ssh said: ${message}`;

  if (DNS_CODES.has(code) || level === 'client-dns') {
    return new AppError(
      'NETWORK',
      `The name ${hostName} could not be resolved. Check the host name and your network (or VPN).`,
      detail,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new AppError('NETWORK', `${where} refused the connection: is sshd running and the port right?`, detail);
  }
  if (code === 'ETIMEDOUT' || level === 'client-timeout') {
    return new AppError(
      'NETWORK',
      /keepalive/i.test(message)
        ? `${where} stopped answering, so the connection was closed. Check the network, then try again.`
        : `${where} did not answer in time. Check the host, the port and any firewall, then try again.`,
      detail,
    );
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new AppError(
      'NETWORK',
      `${where} cannot be reached from this machine. Check your network (or VPN).`,
      detail,
    );
  }
  if (DROPPED_CODES.has(code) || /Connection lost before handshake|No response from server/.test(message)) {
    return new AppError(
      'NETWORK',
      `The connection to ${where} dropped. Try again; if it keeps happening, check the server's sshd and network.`,
      detail,
    );
  }
  if (message.startsWith(KEY_PARSE_PREFIX)) {
    return new AppError(
      'AUTH_FAILED',
      `The private key for ${hostName} could not be read: it is not an OpenSSH or PEM private key, or its ` +
        'passphrase is wrong. Add the server again with the right key and passphrase.',
      detail,
    );
  }
  if (level === 'agent') {
    return new AppError(
      'AUTH_FAILED',
      'The ssh-agent could not be used. Check that it is running (SSH_AUTH_SOCK) and holds the key.',
      detail,
    );
  }
  if (message === 'All configured authentication methods failed' || level === 'client-authentication') {
    return new AppError(
      'AUTH_FAILED',
      `${where} did not accept the key. Check the user name, and that the key (or one of the agent’s keys) is in ` +
        'that user’s authorized_keys on the server.',
    );
  }
  if (level === 'protocol' || level === 'handshake') {
    return new AppError(
      'NETWORK',
      `The SSH handshake with ${where} failed. Is it an SSH server? Check the port.`,
      detail,
    );
  }
  return new AppError('NETWORK', `The SSH connection to ${where} failed.`, detail);
}

/**
 * {@link sshProblem} for an operation: `doing` names it ("connect to demo-1"), and leads the message
 * ("Could not connect to demo-1. 10.0.0.5:22 refused the connection: …").
 */
export function sshAppError(error: unknown, doing: string, place?: SshPlace): AppError {
  if (error instanceof AppError) return error;
  const problem = sshProblem(error, place);
  return new AppError(problem.code, `Could not ${doing}. ${problem.message}`, problem.detail);
}
