import { describe, expect, it } from 'vitest';
import {
  looksLikeRemoteUrl,
  parseRemoteUrl,
  repositoryId,
  repositoryWebUrl,
  type RemoteParseResult,
  type RepositoryRef,
} from './remote-url';

const github = (owner: string, repo: string): RepositoryRef => ({ kind: 'github', host: 'github.com', owner, repo });

/** Unwraps a refusal, failing the test when the URL was accepted. */
function reasonOf(result: RemoteParseResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.ref)}`);
  return result.reason;
}

describe('parseRemoteUrl: accepted forms', () => {
  it.each<[string, string, RepositoryRef]>([
    ['https without .git', 'https://github.com/hotosm/field-tm', github('hotosm', 'field-tm')],
    ['https with .git', 'https://github.com/hotosm/field-tm.git', github('hotosm', 'field-tm')],
    ['https with a trailing slash', 'https://github.com/hotosm/field-tm/', github('hotosm', 'field-tm')],
    ['https with .git and a trailing slash', 'https://github.com/hotosm/field-tm.git/', github('hotosm', 'field-tm')],
    ['surrounding whitespace', '  https://github.com/hotosm/fmtm.git\n', github('hotosm', 'fmtm')],
    ['upper-case host, case of owner/repo kept', 'https://GitHub.COM/HotOSM/FMTM', github('HotOSM', 'FMTM')],
    ['the default https port', 'https://github.com:443/hotosm/fmtm', github('hotosm', 'fmtm')],
    ['scp-like', 'git@github.com:hotosm/field-tm.git', github('hotosm', 'field-tm')],
    ['scp-like without .git', 'git@github.com:hotosm/field-tm', github('hotosm', 'field-tm')],
    ['ssh:// without a port', 'ssh://git@github.com/hotosm/field-tm.git', github('hotosm', 'field-tm')],
    ['ssh:// to github.com on port 22', 'ssh://git@github.com:22/hotosm/field-tm.git', github('hotosm', 'field-tm')],
    ['repository names with dots', 'https://github.com/hotosm/osm-fieldwork.js', github('hotosm', 'osm-fieldwork.js')],
    [
      'ssh:// with a custom port: the ssh port is not part of the repository',
      'ssh://git@ghe.example.com:2222/owner/repo.git',
      { kind: 'enterprise', host: 'ghe.example.com', owner: 'owner', repo: 'repo' },
    ],
    [
      'GitHub Enterprise over https',
      'https://ghe.example.com/Platform/deployer.git',
      { kind: 'enterprise', host: 'ghe.example.com', owner: 'Platform', repo: 'deployer' },
    ],
    [
      'GitHub Enterprise over https on a custom port',
      'https://ghe.example.com:8443/platform/deployer',
      { kind: 'enterprise', host: 'ghe.example.com:8443', owner: 'platform', repo: 'deployer' },
    ],
    [
      'GitHub Enterprise scp-like',
      'git@ghe.example.com:platform/deployer.git',
      { kind: 'enterprise', host: 'ghe.example.com', owner: 'platform', repo: 'deployer' },
    ],
    [
      'plain http on 127.0.0.1 with a port (the local GitHub-compatible server)',
      'http://127.0.0.1:48123/practice/train.git',
      { kind: 'enterprise', host: '127.0.0.1:48123', owner: 'practice', repo: 'train' },
    ],
    [
      'plain http on localhost',
      'http://localhost:8080/practice/train',
      { kind: 'enterprise', host: 'localhost:8080', owner: 'practice', repo: 'train' },
    ],
    [
      'plain http on the IPv6 loopback',
      'http://[::1]:8080/practice/train',
      { kind: 'enterprise', host: '[::1]:8080', owner: 'practice', repo: 'train' },
    ],
  ])('%s: %s', (_label, input, expected) => {
    expect(parseRemoteUrl(input)).toEqual({ ok: true, ref: expected });
  });

  it('gives one repository the same host whether it is reached over ssh on a custom port or https', () => {
    const overSsh = parseRemoteUrl('ssh://git@ghe.example.com:2222/owner/repo.git');
    const overHttps = parseRemoteUrl('https://ghe.example.com/owner/repo');
    if (!overSsh.ok || !overHttps.ok) throw new Error('both forms must parse');
    expect(repositoryId(overSsh.ref)).toBe(repositoryId(overHttps.ref));
  });
});

describe('parseRemoteUrl: refusals', () => {
  it.each<[string, string, RegExp]>([
    ['empty', '   ', /empty/],
    ['plain http to a public host', 'http://example.com/owner/repo.git', /only allowed for a server on this machine/],
    ['plain http to github.com', 'http://github.com/owner/repo.git', /Use https:\/\//],
    ['a user and token in an https URL', 'https://octocat:ghp_secret123@github.com/o/r.git', /keychain/],
    ['a token alone in an https URL', 'https://ghp_secret123@github.com/o/r.git', /keychain/],
    ['credentials in a loopback http URL', 'http://user:pw@127.0.0.1:8080/o/r', /keychain/],
    ['a password in an ssh:// URL', 'ssh://git:hunter2@github.com/o/r.git', /never stores secrets in a URL/],
    ['a leading "-" (git option injection)', '--upload-pack=touch /tmp/pwned', /cannot start with "-"/],
    ['a leading "-" after whitespace', '  -oProxyCommand=calc', /cannot start with "-"/],
    ['the ext:: transport', 'ext::sh', /"ext" protocol is not supported/],
    ['ext:: with a command', 'ext::ssh -oProxyCommand=calc %S', /cannot contain spaces/],
    ['file://', 'file:///srv/git/owner/repo.git', /"file" protocol is not supported/],
    ['git://', 'git://github.com/owner/repo.git', /"git" protocol is not supported/],
    ['too many path segments', 'https://github.com/hotosm/field-tm/tree/main', /must be OWNER\/REPO/],
    ['a single path segment', 'https://github.com/hotosm', /must be OWNER\/REPO/],
    ['an encoded slash that adds a segment', 'https://github.com/hotosm/field%2Ftm', /must be OWNER\/REPO/],
    ['scp-like with too many segments', 'git@github.com:hotosm/field-tm/extra.git', /must be OWNER\/REPO/],
    ['an owner starting with "-"', 'https://github.com/-hotosm/field-tm', /"-hotosm" is not a valid GitHub owner/],
    ['an owner with "_"', 'https://github.com/hot_osm/field-tm', /"hot_osm" is not a valid GitHub owner/],
    ['an owner longer than 39 characters', `https://github.com/${'a'.repeat(40)}/r`, /not a valid GitHub owner/],
    ['a repository named ".."', 'https://github.com/hotosm/...git', /"\.\." is not a valid GitHub repository/],
    ['a repository with a space (encoded)', 'https://github.com/hotosm/field%20tm', /not a valid GitHub repository/],
    ['a malformed percent-escape', 'https://github.com/hotosm/%E0%A4%A', /is not valid/],
    ['a query', 'https://github.com/hotosm/field-tm?tab=readme', /query or fragment/],
    ['a fragment', 'https://github.com/hotosm/field-tm#readme', /query or fragment/],
    ['an scp-like host starting with "-"', 'git@-oProxyCommand:owner/repo.git', /not a valid host name/],
    ['an ssh:// host that is an option', 'ssh://-oProxyCommand=calc/owner/repo.git', /not a valid host name/],
    ['a bare path', '/srv/git/owner/repo.git', /not a URL Release Desk understands/],
  ])('%s: %s', (_label, input, reason) => {
    expect(reasonOf(parseRemoteUrl(input))).toMatch(reason);
  });

  it('says what to use instead in every refusal that is not about secrets', () => {
    expect(reasonOf(parseRemoteUrl('file:///srv/x/y.git'))).toContain('https://github.com/OWNER/REPO');
    expect(reasonOf(parseRemoteUrl('https://github.com/a/b/c'))).toContain('git@github.com:OWNER/REPO.git');
  });

  it('never echoes the token of a refused URL', () => {
    expect(reasonOf(parseRemoteUrl('https://octocat:ghp_secret123@github.com/o/r.git'))).not.toContain('ghp_');
  });
});

describe('repositoryId', () => {
  it('lower-cases host, owner and repository', () => {
    expect(repositoryId({ kind: 'github', host: 'github.com', owner: 'HotOSM', repo: 'Field-TM' })).toBe(
      'github.com/hotosm/field-tm',
    );
  });

  it('is the same for the https and scp-like forms of one repository in different letter case', () => {
    const https = parseRemoteUrl('https://github.com/hotosm/fmtm.git');
    const scp = parseRemoteUrl('git@GitHub.com:HOTOSM/FMTM.git');
    if (!https.ok || !scp.ok) throw new Error('both forms must parse');
    expect(repositoryId(scp.ref)).toBe(repositoryId(https.ref));
    expect(repositoryId(https.ref)).toBe('github.com/hotosm/fmtm');
  });

  it('keeps the port, so two local servers are two repositories', () => {
    expect(repositoryId({ kind: 'enterprise', host: '127.0.0.1:8123', owner: 'o', repo: 'r' })).toBe(
      '127.0.0.1:8123/o/r',
    );
  });
});

describe('looksLikeRemoteUrl', () => {
  it.each<[string, boolean]>([
    ['https://github.com/hotosm/field-tm', true],
    ['HTTPS://github.com/hotosm/field-tm', true],
    ['ssh://git@github.com/hotosm/field-tm.git', true],
    ['git@github.com:hotosm/field-tm.git', true],
    ['  git@github.com:hotosm/field-tm.git  ', true],
    ['file:///home/me/field-tm', true],
    ['/home/me/src/field-tm', false],
    ['~/src/field-tm', false],
    ['src/field-tm', false],
    ['C:\\Users\\me\\field-tm', false],
    ['/home/me/user@host:dir', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeRemoteUrl(text)).toBe(expected);
  });
});

describe('repositoryWebUrl', () => {
  it.each<[RepositoryRef, string]>([
    [github('hotosm', 'field-tm'), 'https://github.com/hotosm/field-tm'],
    [
      { kind: 'enterprise', host: 'ghe.example.com', owner: 'platform', repo: 'deployer' },
      'https://ghe.example.com/platform/deployer',
    ],
    [
      { kind: 'enterprise', host: 'ghe.example.com:8443', owner: 'platform', repo: 'deployer' },
      'https://ghe.example.com:8443/platform/deployer',
    ],
    [
      { kind: 'enterprise', host: '127.0.0.1:48123', owner: 'practice', repo: 'train' },
      'http://127.0.0.1:48123/practice/train',
    ],
    [
      { kind: 'enterprise', host: 'localhost:8080', owner: 'practice', repo: 'train' },
      'http://localhost:8080/practice/train',
    ],
    [{ kind: 'enterprise', host: '[::1]:8080', owner: 'practice', repo: 'train' }, 'http://[::1]:8080/practice/train'],
  ])('%j → %s', (ref, expected) => {
    expect(repositoryWebUrl(ref)).toBe(expected);
  });

  it('round-trips: the web URL of a parsed remote parses back to the same repository', () => {
    for (const input of ['git@github.com:hotosm/field-tm.git', 'http://127.0.0.1:48123/practice/train.git']) {
      const parsed = parseRemoteUrl(input);
      if (!parsed.ok) throw new Error(`${input} must parse`);
      expect(parseRemoteUrl(repositoryWebUrl(parsed.ref))).toEqual(parsed);
    }
  });
});
