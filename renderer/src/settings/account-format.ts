import {
  defaultApiUrl,
  parseGitHubEndpoint,
  PRACTICE_HOST,
  type ConnectResult,
  type GitHubAccountView,
} from '../../../shared/domain/github/github-account';

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for a host on this machine (a test server) or the practice server: no real GitHub behind it. */
function isLocalHost(host: string): boolean {
  if (host === PRACTICE_HOST) return true;
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? host);
  return LOOPBACK_HOSTNAMES.has(hostname);
}

/**
 * The API URL worth showing under an account: only when it is not the one the host implies (a GitHub
 * Enterprise server with a custom API path). The practice server's URL changes port on every run, so it
 * is never shown.
 */
export function visibleApiUrl(account: Pick<GitHubAccountView, 'host' | 'apiUrl' | 'practice'>): string | null {
  if (account.practice || account.host === PRACTICE_HOST) return null;
  const normalised = account.apiUrl.replace(/\/+$/, '');
  return normalised === defaultApiUrl(account.host) ? null : normalised;
}

/** The host a connect form is about: the chosen project's, else what was typed (github.com when empty or unreadable). */
export function connectHost(projectHost: string | null, serverInput: string): string {
  if (projectHost) return projectHost;
  const parsed = parseGitHubEndpoint(serverInput);
  return parsed.ok ? parsed.endpoint.host : 'github.com';
}

/**
 * Where a fine-grained token is created on a host: github.com's page, or the same path on a GitHub
 * Enterprise host. Null for the practice server and servers on this machine, which take no real token.
 */
export function tokenPageUrl(host: string): string | null {
  if (isLocalHost(host)) return null;
  return `https://${host}/settings/personal-access-tokens/new`;
}

/** What the Settings screen says after a successful connect. */
export interface ConnectionSummary {
  /** "Connected as @login to github.com." */
  headline: string;
  /** "Can push to owner/repo." (or "Can read owner/repo, but not push to it."); null when no project was checked. */
  repositoryLine: string | null;
  /** What the token cannot do and what that means, as main reported it. */
  warnings: string[];
}

/** Turns a `github.connect` (or `practice.connect`) answer into the sentences the screen shows. */
export function describeConnection(result: ConnectResult): ConnectionSummary {
  const headline = `Connected as @${result.account.login} to ${result.account.host}.`;
  const repository = result.repository;
  if (!repository) return { headline, repositoryLine: null, warnings: [] };
  const repositoryLine = repository.canPush
    ? `Can push to ${repository.fullName}.`
    : `Can read ${repository.fullName}, but not push to it.`;
  return { headline, repositoryLine, warnings: repository.warnings };
}
