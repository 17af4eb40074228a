import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { Client, ClientChannel, SFTPWrapper } from 'ssh2';
import { AppError } from '../../../shared/ipc/errors';
import { describePlace, sshAppError, type SshPlace } from './ssh-errors';
import type { SshExecOptions, SshExecResult, SshSession } from './ssh-types';

/** What the connection knows when the session is created. */
export interface SessionParts {
  client: Client;
  place: SshPlace;
  /** Resolves when the client closes (wired before the handshake, so no close is missed). */
  closed: Promise<{ reason: string }>;
  /** Whether the client has closed already. */
  isClosed(): boolean;
  /** Records that Release Desk itself closed the connection (for the `closed` reason). */
  markClosing(): void;
}

function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The command on the server was cancelled.');
}

/** A {@link SshSession} over a client that is ready (authenticated). */
export function createSshSession(parts: SessionParts): SshSession {
  const { client, place } = parts;
  const where = describePlace(place);
  let sftp: Promise<SFTPWrapper> | null = null;

  const connectionGone = (): AppError =>
    new AppError('NETWORK', `The connection to ${where} is closed. Connect again, then retry.`);

  const exec = (command: string, options: SshExecOptions = {}): Promise<SshExecResult> =>
    new Promise((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) return reject(cancelledError());
      if (parts.isClosed()) return reject(connectionGone());
      // Only a cancellable command is wrapped: it reports its process group first, for the kill.
      const cancel = signal ? cancellingFor((kill) => exec(kill)) : null;
      try {
        client.exec(cancel ? cancel.wrap(command) : command, (error, channel) => {
          if (error) return reject(sshAppError(error, 'run a command', place));
          runChannel(channel, options, where, cancel?.cancelling ?? null).then(resolve, reject);
        });
      } catch (error) {
        // ssh2 throws "Not connected" when the socket closed a moment before its close event.
        reject(sshAppError(error, 'run a command', place));
      }
    });

  const openSftp = (): Promise<SFTPWrapper> => {
    sftp ??= new Promise<SFTPWrapper>((resolve, reject) => {
      const failed = (error: unknown): void => {
        sftp = null;
        reject(sshAppError(error, 'open SFTP', place));
      };
      try {
        client.sftp((error, wrapper) => {
          if (error) return failed(error);
          wrapper.once('close', () => (sftp = null));
          // A dropped connection errors the SFTP channel too; the next upload opens a new one.
          wrapper.on('error', () => (sftp = null));
          resolve(wrapper);
        });
      } catch (error) {
        failed(error);
      }
    });
    return sftp;
  };

  const upload = async (content: string | Buffer, remotePath: string, mode: number): Promise<void> => {
    if (!remotePath || remotePath.includes('\0') || remotePath.endsWith('/')) {
      throw new AppError('INVALID_ARGUMENTS', 'An upload needs a remote file path.');
    }
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) {
      throw new AppError('INVALID_ARGUMENTS', 'An upload mode is a permission number such as 0o755.');
    }
    if (parts.isClosed()) throw connectionGone();
    const wrapper = await openSftp();
    const slash = remotePath.lastIndexOf('/');
    const temp = `${remotePath.slice(0, slash + 1)}.${remotePath.slice(slash + 1)}.${randomBytes(6).toString('hex')}.tmp`;
    const step = (what: string, run: (done: (error?: Error | null) => void) => void): Promise<void> =>
      new Promise((resolve, reject) =>
        run((error) => (error ? reject(sftpError(error, what, remotePath, where)) : resolve())),
      );
    try {
      await step('write', (done) => wrapper.writeFile(temp, content, { mode }, done));
      // The mode given at open is filtered by the server's umask: set it explicitly.
      await step('set the mode of', (done) => wrapper.chmod(temp, mode, done));
      // posix-rename@openssh.com replaces the target atomically; plain SFTP rename refuses an existing one.
      await step('rename', (done) => wrapper.ext_openssh_rename(temp, remotePath, done));
    } catch (error) {
      wrapper.unlink(temp, () => undefined);
      throw error;
    }
  };

  return {
    exec,
    upload,
    closed: parts.closed,
    close() {
      parts.markClosing();
      client.end();
    },
  };
}

function sftpError(error: Error, what: string, remotePath: string, where: string): AppError {
  const code = (error as { code?: unknown }).code;
  // SFTP status codes: 2 no such file, 3 permission denied.
  const why =
    code === 2
      ? ' Its directory does not exist.'
      : code === 3
        ? ' Permission denied.'
        : error.message
          ? ` The server said: ${error.message}.`
          : '';
  return new AppError('NETWORK', `Could not ${what} ${remotePath} on ${where} over SFTP.${why}`);
}

/** What {@link runChannel} needs to cancel a command: how to end its process group once it is known. */
interface Cancelling {
  /** Filters the marker line out of stderr; returns the rest of `text` to pass on. */
  filterStderr(text: string, last: boolean): string;
  /** Ends the command's process group on the server (now, or as soon as its id is known). */
  terminate(): void;
}

/**
 * Cancelling for one command. sshd starts each command's shell as a session (and process group) leader,
 * so `kill -TERM -<pgid>` from a second channel ends the shell and everything it started, except what
 * detached itself with setsid (a demo's deploy, on purpose). The SSH "signal" request would be simpler,
 * but OpenSSH refuses it for root logins, where there is no privilege-separated child.
 */
function cancellingFor(exec: (command: string) => Promise<unknown>): {
  wrap(command: string): string;
  cancelling: Cancelling;
} {
  const marker = `release-desk-pgid-${randomBytes(8).toString('hex')}:`;
  let pending = '';
  let found = false;
  let pgid: number | null = null;
  let wanted = false;
  const kill = (): void => {
    if (pgid === null) return;
    // TERM, then KILL for a command still running after 2 s. Built only from a number the shell printed.
    const command =
      `g=${pgid}; kill -TERM -$g 2>/dev/null || exit 0; i=0; ` +
      'while [ $i -lt 20 ] && kill -0 -$g 2>/dev/null; do sleep 0.1; i=$((i+1)); done; kill -KILL -$g 2>/dev/null; exit 0';
    exec(command).catch(() => undefined);
  };
  return {
    wrap: (command) => `printf '%s%s\\n' '${marker}' "$$" >&2; ${command}`,
    cancelling: {
      filterStderr(text, last) {
        if (found) return text;
        pending += text;
        const at = pending.indexOf(marker);
        const end = at < 0 ? -1 : pending.indexOf('\n', at);
        if (end < 0) {
          // A login shell that prints much before our line (or never runs it): stop waiting, pass it on.
          if (!last && pending.length < 65_536) return '';
          found = true;
          const all = pending;
          pending = '';
          return all;
        }
        found = true;
        const id = Number(pending.slice(at + marker.length, end));
        if (Number.isInteger(id) && id > 1) pgid = id;
        const rest = pending.slice(0, at) + pending.slice(end + 1);
        pending = '';
        if (wanted) kill();
        return rest;
      },
      terminate() {
        wanted = true;
        kill();
      },
    },
  };
}

/** Feeds stdin, collects the output and settles when the channel closes, the connection drops or abort. */
function runChannel(
  channel: ClientChannel,
  options: SshExecOptions,
  where: string,
  cancelling: Cancelling | null,
): Promise<SshExecResult> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    const outDecoder = new StringDecoder('utf8');
    const errDecoder = new StringDecoder('utf8');
    let stdout = '';
    let stderr = '';
    let exit: { code: number | null; signal: string | null } | null = null;
    let settled = false;

    const takeOut = (text: string): void => {
      if (!text) return;
      stdout += text;
      options.onStdout?.(text);
    };
    const takeErr = (raw: string, last = false): void => {
      const text = cancelling ? cancelling.filterStderr(raw, last) : raw;
      if (!text) return;
      stderr += text;
      options.onStderr?.(text);
    };

    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      cancelling?.terminate();
      reject(cancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    channel.on('data', (chunk: Buffer) => takeOut(outDecoder.write(chunk)));
    channel.stderr.on('data', (chunk: Buffer) => takeErr(errDecoder.write(chunk)));
    channel.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      reject(new AppError('NETWORK', `The command on ${where} failed: ${error.message}`));
    });
    channel.on('exit', (code: number | null, signalName?: string) => {
      exit = { code: typeof code === 'number' ? code : null, signal: signalName ?? null };
    });
    channel.on('close', () => {
      signal?.removeEventListener('abort', onAbort);
      takeOut(outDecoder.end());
      takeErr(errDecoder.end(), true);
      if (settled) return;
      settled = true;
      if (exit) resolve({ ...exit, stdout, stderr });
      else {
        reject(
          new AppError(
            'NETWORK',
            `The connection to ${where} ended before the command finished. Connect again to see where it stands.`,
          ),
        );
      }
    });
    channel.end(options.stdin ?? undefined);
  });
}
