/**
 * The closed set of error codes that may cross the IPC contract. Each one tells the renderer what kind of
 * problem happened so it can choose wording and a next step; the message itself is already user-facing.
 */
export const IPC_ERROR_CODES = [
  'INVALID_ARGUMENTS',
  'FORBIDDEN_SENDER',
  'NOT_A_REPOSITORY',
  'NO_REMOTE',
  'UNSUPPORTED_REMOTE',
  'ALREADY_ADDED',
  'NOT_FOUND',
  'REF_MISSING',
  'CONFIG_INVALID',
  'NETWORK',
  'AUTH_FAILED',
  'GIT_MISSING',
  'KEYCHAIN_UNAVAILABLE',
  'GITHUB_NOT_CONNECTED',
  'PERMISSION_DENIED',
  'RATE_LIMITED',
  'CONFLICT',
  'CANCELLED',
  /** An SSH server's host key is not pinned yet: the user must compare its fingerprint and trust it. */
  'HOST_KEY_UNKNOWN',
  /** An SSH server's host key differs from the pinned one: refused outright (no setting bypasses it). */
  'HOST_KEY_CHANGED',
  /** A server lacks what demos need (git, flock, setsid, the deploy command's tools). */
  'REQUIREMENTS_MISSING',
  'INTERNAL',
] as const;

/** One of {@link IPC_ERROR_CODES}. */
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** The serialisable error shape every failed IPC call resolves to. */
export interface IpcError {
  code: IpcErrorCode;
  /** A sentence a user can act on: what happened and what to try. */
  message: string;
  /** Optional technical detail (never a secret), e.g. git's own stderr line. */
  detail?: string;
}

/**
 * An error thrown by services and flows that already carries a user-facing message and a contract code.
 * The IPC wrapper passes it through unchanged; anything else becomes `INTERNAL`.
 */
export class AppError extends Error {
  readonly code: IpcErrorCode;
  readonly detail?: string;

  constructor(code: IpcErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  /** The plain object that crosses the contract. */
  toIpcError(): IpcError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Narrows an unknown value to an {@link IpcError} (for results that arrive over a transport). */
export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    (IPC_ERROR_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}
