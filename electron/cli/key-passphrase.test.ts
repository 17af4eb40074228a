import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/errors';
import type { CliIo } from './cli-io';
import { keyPassphrase } from './key-passphrase';

// The passphrase of `servers add --key-file`: keys made by the real ssh-keygen, judged by ssh2's parser,
// and the hidden prompt driven through a stdin stream as a terminal would type into it.

let root: string;
let encrypted: { path: string; privateKey: string };
let plain: { path: string; privateKey: string };

function keygen(name: string, passphrase: string): { path: string; privateKey: string } {
  const path = join(root, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', '', '-f', path]);
  return { path, privateKey: readFileSync(path, 'utf8') };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rd-key-passphrase-'));
  encrypted = keygen('encrypted', 'secret');
  plain = keygen('plain', '');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A terminal: `typed` lines arrive one by one, each after the prompt before it was shown. */
function terminal(typed: string[], env: NodeJS.ProcessEnv = {}, tty = true) {
  const stdin = new PassThrough();
  let stderr = '';
  let prompts = 0;
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: {
      write(text: string) {
        stderr += text;
        if (text.startsWith('Passphrase for ')) {
          const line = typed[prompts];
          prompts += 1;
          // A line as a terminal in raw mode sends it (Enter is a carriage return); none left = Ctrl-D.
          setImmediate(() => (line === undefined ? stdin.end() : stdin.write(`${line}\r`)));
        }
        return true;
      },
    },
    stdin,
    env,
    cwd: () => root,
    isTTY: { stdin: tty, stderr: tty },
  };
  return { io, stderr: () => stderr, prompts: () => prompts };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the passphrase of a key file', () => {
  it('asks for an encrypted key’s passphrase without echoing it, again after a wrong one', async () => {
    const tty = terminal(['guess', 'secret']);
    expect(await keyPassphrase(tty.io, encrypted, undefined)).toBe('secret');
    expect(tty.prompts()).toBe(2);
    expect(tty.stderr()).toContain('does not open the key; try again');
    expect(tty.stderr()).not.toContain('guess');
    expect(tty.stderr()).not.toContain('secret');
  });

  it('gives up with AUTH_FAILED after three wrong passphrases, and CANCELLED at end of input', async () => {
    const wrong = terminal(['a', 'b', 'c', 'secret']);
    const error = await rejection(keyPassphrase(wrong.io, encrypted, undefined));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('passphrase is wrong');
    expect(wrong.prompts()).toBe(3);

    expect((await rejection(keyPassphrase(terminal([]).io, encrypted, undefined))).code).toBe('CANCELLED');
  });

  it('asks nothing for a key without a passphrase', async () => {
    const tty = terminal([]);
    expect(await keyPassphrase(tty.io, plain, undefined)).toBeUndefined();
    expect(tty.prompts()).toBe(0);
    // A passphrase given for it anyway is not kept: nothing would need it.
    expect(await keyPassphrase(terminal([], { PASS: 'secret' }).io, plain, 'PASS')).toBeUndefined();
  });

  it('reads the passphrase from the named environment variable and checks it opens the key', async () => {
    expect(await keyPassphrase(terminal([], { PASS: 'secret' }).io, encrypted, 'PASS')).toBe('secret');

    const wrong = await rejection(keyPassphrase(terminal([], { PASS: 'not-it' }).io, encrypted, 'PASS'));
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(wrong.message).toContain('The passphrase in PASS');
    expect(wrong.message).not.toContain('not-it');

    const unset = await rejection(keyPassphrase(terminal([]).io, encrypted, 'PASS'));
    expect(unset.code).toBe('INVALID_ARGUMENTS');
    expect(unset.message).toContain('PASS is not set');

    // The passphrase itself given by mistake is refused without being repeated.
    const value = await rejection(keyPassphrase(terminal([]).io, encrypted, 'my secret!'));
    expect(value.code).toBe('INVALID_ARGUMENTS');
    expect(value.message).not.toContain('my secret!');
  });

  it('refuses an encrypted key without a terminal or --passphrase-env, naming the option', async () => {
    const error = await rejection(keyPassphrase(terminal(['secret'], {}, false).io, encrypted, undefined));
    expect(error.code).toBe('INVALID_ARGUMENTS');
    expect(error.message).toContain('--passphrase-env');
  });
});
