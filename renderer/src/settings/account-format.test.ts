import { describe, expect, it } from 'vitest';
import type { ConnectResult, GitHubAccountView } from '../../../shared/domain/github/github-account';
import { connectHost, describeConnection, tokenPageUrl, visibleApiUrl } from './account-format';

const account = (overrides: Partial<GitHubAccountView> = {}): GitHubAccountView => ({
  host: 'github.com',
  apiUrl: 'https://api.github.com',
  login: 'octocat',
  name: 'The Octocat',
  connectedAt: '2026-03-10T12:00:00Z',
  practice: false,
  ...overrides,
});

describe('visibleApiUrl', () => {
  it('hides the API URL a host implies, on github.com and on Enterprise', () => {
    expect(visibleApiUrl(account())).toBeNull();
    expect(visibleApiUrl(account({ host: 'ghe.example.com', apiUrl: 'https://ghe.example.com/api/v3/' }))).toBeNull();
  });

  it('shows a custom API URL, but never the practice server’s changing port', () => {
    expect(visibleApiUrl(account({ host: 'ghe.example.com', apiUrl: 'https://api.ghe.example.com' }))).toBe(
      'https://api.ghe.example.com',
    );
    expect(
      visibleApiUrl(account({ host: 'practice.localhost', apiUrl: 'http://127.0.0.1:41234', practice: true })),
    ).toBeNull();
  });
});

describe('connectHost and tokenPageUrl', () => {
  it('uses the project’s host over anything typed, and github.com for an empty or unreadable field', () => {
    expect(connectHost('ghe.example.com', 'other.example.com')).toBe('ghe.example.com');
    expect(connectHost(null, '')).toBe('github.com');
    expect(connectHost(null, 'https://GHE.example.com/api/v3')).toBe('ghe.example.com');
    expect(connectHost(null, 'bad host!')).toBe('github.com');
  });

  it('links github.com and Enterprise hosts to their token page, and local servers to none', () => {
    expect(tokenPageUrl('github.com')).toBe('https://github.com/settings/personal-access-tokens/new');
    expect(tokenPageUrl('ghe.example.com:8443')).toBe(
      'https://ghe.example.com:8443/settings/personal-access-tokens/new',
    );
    expect(tokenPageUrl('practice.localhost')).toBeNull();
    expect(tokenPageUrl('127.0.0.1:4567')).toBeNull();
    expect(tokenPageUrl('[::1]:4567')).toBeNull();
  });
});

describe('describeConnection', () => {
  const repository = { fullName: 'hotosm/field-tm', canPush: true, canAdmin: false, warnings: [] };

  it('names the account and host, with no repository line when no project was checked', () => {
    const result: ConnectResult = { account: account(), repository: null };
    expect(describeConnection(result)).toEqual({
      headline: 'Connected as @octocat to github.com.',
      repositoryLine: null,
      warnings: [],
    });
  });

  it('says whether the token can push, and passes main’s warnings on', () => {
    expect(describeConnection({ account: account(), repository }).repositoryLine).toBe('Can push to hotosm/field-tm.');
    const readOnly = describeConnection({
      account: account(),
      repository: {
        ...repository,
        canPush: false,
        warnings: ['The token can read the repository but not write to it.'],
      },
    });
    expect(readOnly.repositoryLine).toBe('Can read hotosm/field-tm, but not push to it.');
    expect(readOnly.warnings).toEqual(['The token can read the repository but not write to it.']);
  });
});
