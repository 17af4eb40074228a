import { AppError } from '../../../shared/ipc/errors';

/** What a keychain entry is for. The purpose is the part of the account name before the first `:`. */
export type SecretPurpose = 'github' | 'ssh-key' | 'ssh-passphrase';

/**
 * A keychain account name under the `release-desk` service: `github:<host>`, `ssh-key:<server>` or
 * `ssh-passphrase:<server>`. Build one with {@link githubTokenAccount}, {@link sshKeyAccount} or
 * {@link sshPassphraseAccount}; the store validates every name again at run time.
 */
export type SecretAccount = `${SecretPurpose}:${string}`;

/** The parts of a valid {@link SecretAccount}. */
export interface ParsedSecretAccount {
  purpose: SecretPurpose;
  /** The GitHub host (`github.com`, `ghe.example.com:8443`) or the SSH server's name. */
  name: string;
}

const PURPOSES: readonly SecretPurpose[] = ['github', 'ssh-key', 'ssh-passphrase'];

// A DNS name or IPv4 address in lower case, or a bracketed IPv6 address, with an optional port. The
// sandbox server and GitHub Enterprise both put a port in the host (`127.0.0.1:54321`).
const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;
const MAX_HOST_LENGTH = 253 + 6;

// An SSH server's name as settings know it (`demo-1`, `deploy@demo.example.org:2222`): printable ASCII
// without spaces or `/`. On Windows keytar joins service and account with `/` into the credential's
// target name, so a `/` would make two different accounts look alike there.
const SERVER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,199}$/;

const EXPECTED_FORM = 'github:<host>, ssh-key:<server> or ssh-passphrase:<server>';

/**
 * The account that holds the GitHub token for `host` (`github.com`, or a GitHub Enterprise host with an
 * optional port). Host names are case-insensitive, so they are stored in lower case.
 */
export function githubTokenAccount(host: string): SecretAccount {
  return checkedAccount('github', host.trim().toLowerCase());
}

/** The account that holds the private SSH key for the server named `server` in settings. */
export function sshKeyAccount(server: string): SecretAccount {
  return checkedAccount('ssh-key', server);
}

/** The account that holds the passphrase of the private SSH key for `server`. */
export function sshPassphraseAccount(server: string): SecretAccount {
  return checkedAccount('ssh-passphrase', server);
}

/**
 * Splits a keychain account name into purpose and name, or returns `null` when it is not one Release
 * Desk uses. Hosts must already be in lower case so one host never has two entries.
 */
export function parseSecretAccount(account: string): ParsedSecretAccount | null {
  const colon = account.indexOf(':');
  if (colon <= 0) return null;
  const purpose = PURPOSES.find((candidate) => candidate === account.slice(0, colon));
  const name = account.slice(colon + 1);
  if (purpose === undefined) return null;
  const valid =
    purpose === 'github' ? name.length <= MAX_HOST_LENGTH && HOST_PATTERN.test(name) : SERVER_PATTERN.test(name);
  return valid ? { purpose, name } : null;
}

/**
 * Throws `INVALID_ARGUMENTS` unless `account` is a valid {@link SecretAccount}. The message never echoes
 * the value: a caller that swapped its arguments would otherwise print the secret.
 */
export function assertSecretAccount(account: unknown): asserts account is SecretAccount {
  if (typeof account !== 'string' || parseSecretAccount(account) === null) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `That is not a keychain account Release Desk uses. An account is named ${EXPECTED_FORM}, in lower case for hosts.`,
    );
  }
}

function checkedAccount(purpose: SecretPurpose, name: string): SecretAccount {
  const account: SecretAccount = `${purpose}:${name}`;
  if (parseSecretAccount(account) === null) {
    const what = purpose === 'github' ? 'GitHub host' : 'SSH server name';
    throw new AppError(
      'INVALID_ARGUMENTS',
      `“${name.slice(0, 100)}” is not a valid ${what} for a keychain account (expected ${EXPECTED_FORM}).`,
    );
  }
  return account;
}
