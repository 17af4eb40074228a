/** Hosts whose pages Release Desk may open in the user's browser, besides configured Enterprise hosts. */
export const DEFAULT_EXTERNAL_HOSTS: readonly string[] = ['github.com'];

/**
 * Decides whether a URL may be handed to the OS browser. Only https, only the exact allowed hosts
 * (or their subdomains, e.g. `gist.github.com`), no credentials and no custom ports: a link in
 * release notes must never become `file://`, `javascript:` or a phishing host.
 */
export function isAllowedExternalUrl(candidate: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (url.host !== url.hostname) return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((allowed) => {
    const normalized = allowed.toLowerCase();
    return host === normalized || host.endsWith(`.${normalized}`);
  });
}
