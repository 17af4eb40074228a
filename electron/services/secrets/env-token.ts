import { AppError } from '../../../shared/ipc/errors';
import { KeychainUnavailableError } from './keychain-errors';
import { githubTokenAccount, type SecretAccount } from './secret-accounts';
import type { SecretStore } from './secret-store';

/**
 * The environment variables the command line takes a GitHub token from, first match wins. `GITHUB_TOKEN`
 * comes first because it is the name Actions and the design use; `GH_TOKEN` is the GitHub CLI's.
 */
export const GITHUB_TOKEN_VARIABLES = ['GITHUB_TOKEN', 'GH_TOKEN'] as const;

/** One of {@link GITHUB_TOKEN_VARIABLES}. */
export type GitHubTokenVariable = (typeof GITHUB_TOKEN_VARIABLES)[number];

/** Where a token came from. */
export type GitHubTokenSource =
  { kind: 'environment'; variable: GitHubTokenVariable } | { kind: 'keychain'; account: SecretAccount };

/** A GitHub token and where it came from. */
export interface ResolvedGitHubToken {
  token: string;
  source: GitHubTokenSource;
}

// A token goes into an HTTP header: anything outside printable ASCII (a space, a line break pasted
// into the variable) would corrupt the request or split the header.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

/**
 * The token from `GITHUB_TOKEN` or `GH_TOKEN`, or `null` when neither is set. Blank values count as unset
 * (CI often sets a variable from a missing secret), and surrounding whitespace is ignored.
 */
export function githubTokenFromEnvironment(env: NodeJS.ProcessEnv): ResolvedGitHubToken | null {
  for (const variable of GITHUB_TOKEN_VARIABLES) {
    const token = env[variable]?.trim();
    if (!token) continue;
    if (!TOKEN_PATTERN.test(token)) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `${variable} contains spaces or control characters, so it cannot be a GitHub token. Set it to the token alone.`,
      );
    }
    return { token, source: { kind: 'environment', variable } };
  }
  return null;
}

/**
 * The command line's GitHub token for `host`: from the environment when set there (used as is, never
 * written to the keychain, and the keychain is not even opened), otherwise from the keychain account
 * `github:<host>`; `null` when neither has one. When the keychain cannot be used, the
 * {@link KeychainUnavailableError} also names the environment variables as a way forward.
 */
export async function resolveGitHubToken(options: {
  host: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
}): Promise<ResolvedGitHubToken | null> {
  const fromEnvironment = githubTokenFromEnvironment(options.env);
  if (fromEnvironment) return fromEnvironment;
  const account = githubTokenAccount(options.host);
  let token: string | null;
  try {
    token = await options.secrets.get(account);
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) throw error;
    throw new KeychainUnavailableError(
      error.reason,
      `${error.message} Or set GITHUB_TOKEN (or GH_TOKEN) in the environment.`,
      error.detail,
    );
  }
  return token === null ? null : { token, source: { kind: 'keychain', account } };
}

/** Says where a token came from, for a status line: "GITHUB_TOKEN from the environment". */
export function describeGitHubTokenSource(source: GitHubTokenSource): string {
  return source.kind === 'environment'
    ? `${source.variable} from the environment`
    : `the keychain (account ${source.account})`;
}
