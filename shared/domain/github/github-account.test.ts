import { describe, expect, it } from 'vitest';
import { defaultApiUrl, parseGitHubEndpoint } from './github-account';

describe('parseGitHubEndpoint', () => {
  it.each([
    ['', 'github.com', 'https://api.github.com'],
    ['github.com', 'github.com', 'https://api.github.com'],
    ['https://github.com/', 'github.com', 'https://api.github.com'],
    ['https://api.github.com', 'github.com', 'https://api.github.com'],
    ['ghe.example.com', 'ghe.example.com', 'https://ghe.example.com/api/v3'],
    ['GHE.Example.com:8443', 'ghe.example.com:8443', 'https://ghe.example.com:8443/api/v3'],
    ['https://ghe.example.com', 'ghe.example.com', 'https://ghe.example.com/api/v3'],
    ['https://ghe.example.com/api/v3/', 'ghe.example.com', 'https://ghe.example.com/api/v3'],
    ['http://127.0.0.1:4567', '127.0.0.1:4567', 'http://127.0.0.1:4567'],
  ])('reads %j as host %s with API %s', (input, host, apiUrl) => {
    expect(parseGitHubEndpoint(input)).toEqual({ ok: true, endpoint: { host, apiUrl } });
  });

  it.each([
    ['http://ghe.example.com', 'only allowed for a server on this machine'],
    ['https://user:ghp_secret@ghe.example.com', 'Remove the user name or token'],
    ['ftp://ghe.example.com', 'Use an https:// URL'],
    ['https://ghe.example.com/?x=1', 'query or fragment'],
    ['bad host!', 'not a'],
  ])('refuses %j with a reason', (input, reason) => {
    const parsed = parseGitHubEndpoint(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain(reason);
      expect(parsed.reason).not.toContain('ghp_secret');
    }
  });
});

describe('defaultApiUrl', () => {
  it('uses api.github.com, /api/v3 on Enterprise, and the plain root on loopback', () => {
    expect(defaultApiUrl('github.com')).toBe('https://api.github.com');
    expect(defaultApiUrl('ghe.example.com')).toBe('https://ghe.example.com/api/v3');
    expect(defaultApiUrl('127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(defaultApiUrl('[::1]:8080')).toBe('http://[::1]:8080');
  });
});
