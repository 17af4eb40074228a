import { z } from 'zod';

/**
 * The host name practice projects live on. It is not a real host: the app resolves it to the API URL of
 * the practice server it runs on 127.0.0.1, whose port changes from run to run.
 */
export const PRACTICE_HOST = 'practice.localhost';

/** A connected GitHub account as settings keep it. The token is in the OS keychain, never here. */
export const githubAccountSchema = z.object({
  /** `github.com`, a GitHub Enterprise host (with port if any), or {@link PRACTICE_HOST}. Lower case. */
  host: z.string().min(1).max(260),
  /** The REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: z.string().min(1).max(2048),
  login: z.string().min(1).max(100),
  name: z.string().max(300).nullable(),
  /** ISO-8601 time the token was checked and stored. */
  connectedAt: z.string().min(1),
});

/** See {@link githubAccountSchema}. */
export type GitHubAccount = z.infer<typeof githubAccountSchema>;

/** What the renderer is told about an account: never the token, only who and where. */
export interface GitHubAccountView extends GitHubAccount {
  /** The account of the practice server, not of a real GitHub. */
  practice: boolean;
}

/** What a token may do in the repository of a project, as GitHub reported it while connecting. */
export interface RepositoryAccessView {
  /** `owner/name`. */
  fullName: string;
  canPush: boolean;
  canAdmin: boolean;
  /** Sentences about what the token cannot do and what that means for the train; empty when all is well. */
  warnings: string[];
}

/** The answer to connecting an account. */
export interface ConnectResult {
  account: GitHubAccountView;
  /** The project's repository access, when a project was named; null otherwise. */
  repository: RepositoryAccessView | null;
}

/** Where an account lives: its host and API root. */
export interface GitHubEndpoint {
  host: string;
  apiUrl: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * The REST API root of a host: `api.github.com` for github.com, `/api/v3` on an Enterprise host, and the
 * root itself over http for a server on this machine (the GitHub-compatible server tests and practice use).
 */
export function defaultApiUrl(host: string): string {
  if (host === 'github.com') return 'https://api.github.com';
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return LOOPBACK.has(hostname ?? '') ? `http://${host}` : `https://${host}/api/v3`;
}

/**
 * Reads what a user typed as the GitHub to connect to: empty (github.com), a host (`ghe.example.com`), a
 * web URL (`https://ghe.example.com`) or an API URL (`https://ghe.example.com/api/v3`). Plain http is
 * accepted only on this machine. Returns the endpoint, or a sentence saying what to type instead.
 */
export function parseGitHubEndpoint(
  input: string,
): { ok: true; endpoint: GitHubEndpoint } | { ok: false; reason: string } {
  const text = input.trim();
  if (text === '' || text.toLowerCase() === 'github.com' || /^https:\/\/(api\.)?github\.com\/?$/i.test(text)) {
    return { ok: true, endpoint: { host: 'github.com', apiUrl: defaultApiUrl('github.com') } };
  }
  const example = 'Type a host such as ghe.example.com, or its API URL such as https://ghe.example.com/api/v3.';
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: `“${text}” is not a host or URL. ${example}` };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Remove the user name or token from the URL: the token goes in its own field.' };
  }
  if (url.search || url.hash) return { ok: false, reason: `The URL cannot carry a query or fragment. ${example}` };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return {
      ok: false,
      reason: `Plain http:// is only allowed for a server on this machine. Use https://. ${example}`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Use an https:// URL. ${example}` };
  }
  const host = url.host.toLowerCase();
  if (!HOST_PATTERN.test(host)) return { ok: false, reason: `“${url.host}” is not a valid host name. ${example}` };
  if (host === 'api.github.com') return parseGitHubEndpoint('github.com');
  const path = url.pathname.replace(/\/+$/, '');
  // A bare host (or its web root) means the standard Enterprise API path; a loopback URL is taken as
  // the API root itself, since that is what the practice server and test servers print.
  const apiUrl = path === '' && url.protocol === 'https:' ? defaultApiUrl(host) : `${url.protocol}//${url.host}${path}`;
  return { ok: true, endpoint: { host, apiUrl } };
}

/** One permission of the minimal fine-grained token, and why Release Desk needs it. */
export interface TokenPermission {
  name: string;
  access: 'Read-only' | 'Read and write';
  why: string;
  /** Only needed in some cases, said in `why`. */
  optional?: boolean;
}

/** The minimal fine-grained personal access token, as the Settings → GitHub screen explains it. */
export const MINIMAL_TOKEN_PERMISSIONS: readonly TokenPermission[] = [
  { name: 'Metadata', access: 'Read-only', why: 'Find the repository and its branch rules (GitHub adds it for you).' },
  { name: 'Contents', access: 'Read and write', why: 'Create release branches and tags, and publish releases.' },
  {
    name: 'Pull requests',
    access: 'Read and write',
    why: 'Open, update and merge the freeze, promote and back-merge PRs.',
  },
  { name: 'Checks', access: 'Read-only', why: 'Wait for the required checks before a merge.' },
  { name: 'Commit statuses', access: 'Read-only', why: 'Read CI statuses that are not check runs.' },
  { name: 'Actions', access: 'Read-only', why: 'Watch the deploy workflows each step starts.' },
  {
    name: 'Workflows',
    access: 'Read and write',
    why: 'Only if promoted commits change files in .github/workflows: GitHub refuses to move those otherwise.',
    optional: true,
  },
];
