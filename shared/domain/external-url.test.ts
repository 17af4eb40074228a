import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTERNAL_HOSTS, isAllowedExternalUrl } from './external-url';

const ENTERPRISE = [...DEFAULT_EXTERNAL_HOSTS, 'ghe.example.com'];

describe('isAllowedExternalUrl', () => {
  it.each<[string, string, readonly string[], boolean]>([
    ['a github.com page', 'https://github.com/hotosm/field-tm/pull/42', DEFAULT_EXTERNAL_HOSTS, true],
    ['the github.com root', 'https://github.com', DEFAULT_EXTERNAL_HOSTS, true],
    ['a github.com subdomain', 'https://gist.github.com/octocat/1', DEFAULT_EXTERNAL_HOSTS, true],
    ['a deeper subdomain', 'https://docs.api.github.com/x', DEFAULT_EXTERNAL_HOSTS, true],
    ['an upper-case scheme and host', 'HTTPS://GITHUB.COM/hotosm', DEFAULT_EXTERNAL_HOSTS, true],
    ['the explicit default port', 'https://github.com:443/hotosm', DEFAULT_EXTERNAL_HOSTS, true],
    ['a query and fragment', 'https://github.com/hotosm/field-tm/issues?q=is%3Aopen#top', DEFAULT_EXTERNAL_HOSTS, true],
    ['plain http', 'http://github.com/hotosm/field-tm', DEFAULT_EXTERNAL_HOSTS, false],
    ['javascript:', 'javascript:alert(document.cookie)', DEFAULT_EXTERNAL_HOSTS, false],
    ['javascript: dressed as a github path', 'javascript://github.com/%0aalert(1)', DEFAULT_EXTERNAL_HOSTS, false],
    ['file:', 'file:///etc/passwd', DEFAULT_EXTERNAL_HOSTS, false],
    ['file: with the github host', 'file://github.com/etc/passwd', DEFAULT_EXTERNAL_HOSTS, false],
    ['data:', 'data:text/html,<script>alert(1)</script>', DEFAULT_EXTERNAL_HOSTS, false],
    ['a custom protocol', 'vscode://github.com/x', DEFAULT_EXTERNAL_HOSTS, false],
    ['user and password', 'https://user:pass@github.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['a user name alone', 'https://ghp_token@github.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['an allowed host used as the user name', 'https://github.com@evil.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['a custom port', 'https://github.com:8443/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['a lookalike suffix host', 'https://github.com.evil.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['a lookalike prefix host', 'https://evilgithub.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['a lookalike with a dash', 'https://evil-github.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['a homoglyph host (Cyrillic і)', 'https://gіthub.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['a backslash host trick', 'https://evil.com\\@github.com/', DEFAULT_EXTERNAL_HOSTS, false],
    ['a relative URL', '/hotosm/field-tm', DEFAULT_EXTERNAL_HOSTS, false],
    ['not a URL', 'github.com/hotosm', DEFAULT_EXTERNAL_HOSTS, false],
    ['an empty string', '', DEFAULT_EXTERNAL_HOSTS, false],
    ['an Enterprise host when listed', 'https://ghe.example.com/platform/deployer', ENTERPRISE, true],
    ['an Enterprise subdomain when listed', 'https://pages.ghe.example.com/x', ENTERPRISE, true],
    ['an Enterprise host listed in upper case', 'https://ghe.example.com/x', ['GHE.Example.COM'], true],
    ['an Enterprise host when not listed', 'https://ghe.example.com/platform/deployer', DEFAULT_EXTERNAL_HOSTS, false],
    ['a lookalike of a listed Enterprise host', 'https://ghe.example.com.evil.net/x', ENTERPRISE, false],
    ['the parent of a listed Enterprise host', 'https://example.com/x', ENTERPRISE, false],
    ['github.com when nothing is listed', 'https://github.com/hotosm', [], false],
  ])('%s: %s', (_label, url, hosts, expected) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(expected);
  });

  it('allows github.com by default and nothing else', () => {
    expect(DEFAULT_EXTERNAL_HOSTS).toEqual(['github.com']);
  });
});
