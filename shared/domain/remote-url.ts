/**
 * Parsing of git remote URLs into the GitHub repository they name. Pure: no Node, no DOM.
 *
 * Accepted forms: `https://HOST/OWNER/REPO(.git)`, `ssh://[user@]HOST[:port]/OWNER/REPO(.git)`,
 * scp-like `user@HOST:OWNER/REPO(.git)`, and plain `http://` for loopback hosts only (the local
 * GitHub-compatible server). Anything else is refused with a sentence that says what to use instead.
 */

/**
 * Which kind of GitHub a repository lives on. `practice` is the app's own practice server; a remote URL
 * never parses to it.
 */
export type ProviderKind = 'github' | 'enterprise' | 'practice';

/** The GitHub repository a remote points at. */
export interface RepositoryRef {
  kind: ProviderKind;
  /** Host name, lower-cased, with a port when one was given (e.g. `127.0.0.1:8123`). */
  host: string;
  owner: string;
  repo: string;
}

/** The outcome of {@link parseRemoteUrl}: a repository, or a user-facing reason it is not one. */
export type RemoteParseResult = { ok: true; ref: RepositoryRef } | { ok: false; reason: string };

const OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const SCP_PATTERN = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!\/)(.+)$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/**
 * A DNS name or IPv4 address (labels never start or end with "-"), or a bracketed IPv6 address, with an
 * optional port. Anything else, e.g. `-oProxyCommand=...` smuggled in as a host, is refused here rather
 * than left for git and ssh to reject.
 */
const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;
const EXAMPLE = 'Use a GitHub URL such as https://github.com/OWNER/REPO or git@github.com:OWNER/REPO.git.';

/** True when the text looks like a remote URL rather than a folder path. */
export function looksLikeRemoteUrl(text: string): boolean {
  const trimmed = text.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || SCP_PATTERN.test(trimmed);
}

function fromPath(kindHost: string, rawPath: string): RemoteParseResult {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // A malformed escape such as "%E0%A4%A": URIError, which must become a reason, not an exception.
    return { ok: false, reason: `The URL path "${rawPath}" is not valid. ${EXAMPLE}` };
  }
  const segments = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  if (segments.length !== 2) {
    return { ok: false, reason: `The URL path must be OWNER/REPO, but it is "${path}". ${EXAMPLE}` };
  }
  const [owner, rawRepo] = segments as [string, string];
  const repo = rawRepo.endsWith('.git') ? rawRepo.slice(0, -4) : rawRepo;
  if (!OWNER_PATTERN.test(owner)) {
    return { ok: false, reason: `"${owner}" is not a valid GitHub owner name. ${EXAMPLE}` };
  }
  if (!REPO_PATTERN.test(repo) || repo === '.' || repo === '..') {
    return { ok: false, reason: `"${repo}" is not a valid GitHub repository name. ${EXAMPLE}` };
  }
  const host = kindHost.toLowerCase();
  if (!HOST_PATTERN.test(host)) {
    return { ok: false, reason: `"${kindHost}" is not a valid host name. ${EXAMPLE}` };
  }
  const kind: ProviderKind = host === 'github.com' ? 'github' : 'enterprise';
  return { ok: true, ref: { kind, host, owner, repo } };
}

/**
 * Reads the GitHub host, owner and repository from a remote URL.
 * Credentials embedded in a URL are refused: tokens belong in the keychain, never in a URL.
 */
export function parseRemoteUrl(input: string): RemoteParseResult {
  const text = input.trim();
  if (text.length === 0) return { ok: false, reason: `The remote URL is empty. ${EXAMPLE}` };
  if (text.startsWith('-')) return { ok: false, reason: `A remote URL cannot start with "-". ${EXAMPLE}` };
  if (/\s/.test(text)) return { ok: false, reason: `A remote URL cannot contain spaces. ${EXAMPLE}` };

  const scp = SCP_PATTERN.exec(text);
  if (scp && !text.includes('://')) {
    return fromPath(scp[2] as string, scp[3] as string);
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `"${text}" is not a URL Release Desk understands. ${EXAMPLE}` };
  }
  if (url.search || url.hash) {
    return { ok: false, reason: `A remote URL cannot carry a query or fragment. ${EXAMPLE}` };
  }
  switch (url.protocol) {
    case 'https:':
      if (url.username || url.password) {
        return {
          ok: false,
          reason:
            'Remove the user name or token from the URL. Release Desk keeps GitHub tokens in the OS keychain, never in a URL.',
        };
      }
      return fromPath(url.host, url.pathname);
    case 'http:':
      if (!LOOPBACK_HOSTS.has(url.hostname)) {
        return {
          ok: false,
          reason: `Plain http:// is only allowed for a server on this machine. Use https://. ${EXAMPLE}`,
        };
      }
      if (url.username || url.password) {
        return { ok: false, reason: 'Remove the user name or token from the URL; tokens belong in the OS keychain.' };
      }
      return fromPath(url.host, url.pathname);
    case 'ssh:':
      if (url.password) {
        return { ok: false, reason: 'Remove the password from the URL; Release Desk never stores secrets in a URL.' };
      }
      // The port of an ssh:// URL is the ssh daemon's, not part of the repository's identity or web
      // address: ssh://git@ghe.example.com:2222/o/r is the same repository as https://ghe.example.com/o/r.
      return fromPath(url.hostname, url.pathname);
    default:
      return {
        ok: false,
        reason: `The "${url.protocol.replace(/:$/, '')}" protocol is not supported. ${EXAMPLE}`,
      };
  }
}

/** The browser URL of a repository, e.g. `https://github.com/hotosm/field-tm`. */
export function repositoryWebUrl(ref: RepositoryRef): string {
  // Strip the port without splitting inside a bracketed IPv6 address such as "[::1]:8080".
  const hostname = ref.host.replace(/:\d+$/, '');
  const scheme = LOOPBACK_HOSTS.has(hostname) ? 'http' : 'https';
  return `${scheme}://${ref.host}/${ref.owner}/${ref.repo}`;
}

/** A stable identifier for a repository, independent of URL form and letter case. */
export function repositoryId(ref: RepositoryRef): string {
  return `${ref.host}/${ref.owner}/${ref.repo}`.toLowerCase();
}
