/**
 * The shapes of the SSH layer: where to connect, how to log in, and a live session. Demos (and the
 * "Test connection" button) use these; nothing outside `electron/services/ssh` touches ssh2 itself.
 */

/** Where to connect. */
export interface SshTarget {
  host: string;
  port: number;
  user: string;
}

/**
 * How to log in: a private key (OpenSSH or PEM text, from the keychain, with its passphrase if any) or
 * the running ssh-agent at `socket` (`SSH_AUTH_SOCK`). The agent is used to sign only: never forwarded.
 */
export type SshAuth = { kind: 'key'; privateKey: string; passphrase?: string } | { kind: 'agent'; socket: string };

/** Options of {@link SshSession.exec}. */
export interface SshExecOptions {
  /** Written to the command's stdin, which is then closed (it is closed at once without this). */
  stdin?: string;
  /** Each decoded chunk of stdout as it arrives (UTF-8 sequences are never split). */
  onStdout?: (text: string) => void;
  /** Each decoded chunk of stderr as it arrives. */
  onStderr?: (text: string) => void;
  /**
   * Aborting rejects with `CANCELLED` and ends the command's whole process group on the server (TERM,
   * then KILL after 2 s); what it detached with setsid keeps running.
   */
  signal?: AbortSignal;
}

/** How a command ended, and all it printed. */
export interface SshExecResult {
  /** The exit status, or null when a signal ended it. */
  code: number | null;
  /** The signal that ended it (`SIGTERM`…), or null. */
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** A live connection; every exec is one channel. */
export interface SshSession {
  /**
   * Runs `command` (a constant string: NEVER built from user input; data goes on stdin) with `stdin`
   * written then closed. Rejects with `NETWORK` when the connection ends before the command does, and
   * with `CANCELLED` when `signal` aborts.
   */
  exec(command: string, options?: SshExecOptions): Promise<SshExecResult>;
  /**
   * Writes `content` to `remotePath` over SFTP with `mode`, atomically: a temp name beside it, chmod,
   * then an atomic rename over the old file. The parent directory must exist. A relative path is
   * relative to the user's home directory.
   */
  upload(content: string | Buffer, remotePath: string, mode: number): Promise<void>;
  /** Resolves when the connection ends (closed, dropped, keepalive failed), with why in a sentence. */
  closed: Promise<{ reason: string }>;
  /** Ends the connection; running commands reject with `NETWORK`. Safe to call twice. */
  close(): void;
}
