import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/ipc/errors';
import type { CliIo } from './cli-io';

/** What an environment variable name given to `--passphrase-env` may look like. */
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Tries at the hidden prompt before giving up, as `ssh` does. */
const PROMPT_ATTEMPTS = 3;

/**
 * Asks for a secret on stderr and reads one line from stdin without echoing it: readline runs in
 * terminal mode (raw input) but writes its echo into a sink that drops it. `null` at end of input or
 * Ctrl-C.
 */
export async function askHidden(io: CliIo, question: string): Promise<string | null> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: io.stdin, output: muted, terminal: true });
  // Asked only once the terminal is raw: what is typed after seeing the question is never echoed.
  io.stderr.write(question);
  try {
    return await new Promise<string | null>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve(null));
      // Without a listener readline only pauses on Ctrl-C, which would leave the prompt hanging.
      lines.once('SIGINT', () => resolve(null));
    });
  } finally {
    // Closing restores the terminal's mode and pauses stdin, so the process can exit.
    lines.close();
    // The Enter the user typed was not echoed either.
    io.stderr.write('\n');
  }
}

/** How a private key opens with a passphrase (or without one): ssh2's own parser, so it judges as login will. */
type KeyCheck = 'ok' | 'needs-passphrase' | 'wrong-passphrase';

async function checkKey(privateKey: string, passphrase?: string): Promise<KeyCheck> {
  const { default: ssh2 } = await import('ssh2');
  const parsed = ssh2.utils.parseKey(privateKey, passphrase);
  if (!(parsed instanceof Error)) return 'ok';
  // ssh2 says "… detected, but no passphrase given" or "… bad passphrase?"; its messages hold no secret.
  if (/no passphrase given/i.test(parsed.message)) return 'needs-passphrase';
  if (/passphrase/i.test(parsed.message)) return 'wrong-passphrase';
  // Not a key ssh2 reads at all: the service refuses it with its own message.
  return 'ok';
}

/**
 * The passphrase of `--key-file`'s key, or `undefined` when it has none. With `--passphrase-env VAR`
 * it is read from the environment (never from a flag, so it stays out of `ps` and shell history); without
 * it, an encrypted key is asked for at a hidden prompt when there is a terminal, else refused with what
 * to pass. A passphrase that does not open the key is AUTH_FAILED here, before anything is stored.
 */
export async function keyPassphrase(
  io: CliIo,
  key: { path: string; privateKey: string },
  passphraseEnv: string | undefined,
): Promise<string | undefined> {
  const wrong = (source: string) =>
    new AppError(
      'AUTH_FAILED',
      `${source} does not open the key ${key.path}: the passphrase is wrong. Nothing was stored; try again with the right one.`,
    );
  if (passphraseEnv !== undefined) {
    if (!ENV_NAME_PATTERN.test(passphraseEnv)) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        '--passphrase-env takes the NAME of an environment variable that holds the passphrase, not the passphrase.',
      );
    }
    const passphrase = io.env[passphraseEnv];
    if (!passphrase) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `The environment variable ${passphraseEnv} is not set (or empty): set it to the key's passphrase.`,
      );
    }
    const check = await checkKey(key.privateKey, passphrase);
    if (check === 'wrong-passphrase') throw wrong(`The passphrase in ${passphraseEnv}`);
    // An unencrypted key needs none: nothing goes to the keychain for it.
    return (await checkKey(key.privateKey)) === 'needs-passphrase' ? passphrase : undefined;
  }
  if ((await checkKey(key.privateKey)) !== 'needs-passphrase') return undefined;
  if (!io.isTTY.stdin) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `The key ${key.path} is encrypted and there is no terminal to ask for its passphrase: put it in an environment variable and pass --passphrase-env VAR.`,
    );
  }
  for (let attempt = 1; ; attempt += 1) {
    const passphrase = await askHidden(io, `Passphrase for ${key.path}: `);
    if (passphrase === null) {
      throw new AppError('CANCELLED', 'Cancelled: the server was not added, and nothing was stored.');
    }
    if ((await checkKey(key.privateKey, passphrase)) === 'ok') return passphrase;
    if (attempt >= PROMPT_ATTEMPTS) throw wrong('That passphrase');
    io.stderr.write('That passphrase does not open the key; try again.\n');
  }
}
