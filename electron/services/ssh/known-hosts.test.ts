import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Fingerprint, keyBlobType, hostKeyAlgorithmsPreferring } from './host-key';
import { knownHostsName, knownHostsVerdict, parseKnownHosts } from './known-hosts';

// The known_hosts reader on texts written the ways OpenSSH writes them. (host-key-probe.test.ts checks it
// against files made by ssh-keygen itself, hashed ones included.)
function blob(type: string, body: string): Buffer {
  const typeBytes = Buffer.from(type);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(typeBytes.length);
  return Buffer.concat([length, typeBytes, Buffer.from(body)]);
}

const KEY = blob('ssh-ed25519', 'the-key');
const OTHER = blob('ssh-ed25519', 'another-key');
const RSA = blob('ssh-rsa', 'an-rsa-key');
const line = (hosts: string, key: Buffer, type = 'ssh-ed25519') => `${hosts} ${type} ${key.toString('base64')} comment`;

function hashed(name: string): string {
  const salt = Buffer.from('0123456789abcdefghij');
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts', () => {
  it('names a host as OpenSSH looks it up', () => {
    expect(knownHostsName('Example.ORG', 22)).toBe('example.org');
    expect(knownHostsName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222');
  });

  it('matches plain names, comma lists, wildcards and hashed names', () => {
    const verdict = (text: string, host = 'demo.example.org', port = 22) =>
      knownHostsVerdict(parseKnownHosts(text), host, port, 'ssh-ed25519', KEY);
    expect(verdict(line('demo.example.org', KEY))).toBe('match');
    expect(verdict(line('a.example.org,DEMO.example.org,10.0.0.1', KEY))).toBe('match');
    expect(verdict(line('*.example.org', KEY))).toBe('match');
    expect(verdict(line('demo.example.or?', KEY))).toBe('match');
    expect(verdict(line(hashed('demo.example.org'), KEY))).toBe('match');
    expect(verdict(line(hashed('[demo.example.org]:2222'), KEY), 'demo.example.org', 2222)).toBe('match');
    expect(verdict(line(hashed('demo.example.org'), KEY), 'demo.example.org', 2222)).toBe('absent');
  });

  it('lets a negated pattern exclude a host', () => {
    const entries = parseKnownHosts(line('*.example.org,!demo.example.org', OTHER));
    expect(knownHostsVerdict(entries, 'demo.example.org', 22, 'ssh-ed25519', KEY)).toBe('absent');
    expect(knownHostsVerdict(entries, 'other.example.org', 22, 'ssh-ed25519', KEY)).toBe('mismatch');
  });

  it('says mismatch only for another key of the same type', () => {
    expect(knownHostsVerdict(parseKnownHosts(line('h', OTHER)), 'h', 22, 'ssh-ed25519', KEY)).toBe('mismatch');
    expect(knownHostsVerdict(parseKnownHosts(line('h', RSA, 'ssh-rsa')), 'h', 22, 'ssh-ed25519', KEY)).toBe('absent');
    const both = `${line('h', OTHER)}\n${line('h', KEY)}`;
    expect(knownHostsVerdict(parseKnownHosts(both), 'h', 22, 'ssh-ed25519', KEY)).toBe('match');
  });

  it('skips comments, markers and malformed lines', () => {
    const text = [
      '# a comment',
      '',
      `@revoked h ssh-ed25519 ${KEY.toString('base64')}`,
      `@cert-authority *.example.org ssh-ed25519 ${KEY.toString('base64')}`,
      'h ssh-ed25519',
      'h ssh-ed25519 not*base64',
      line('g', KEY),
    ].join('\r\n');
    const entries = parseKnownHosts(text);
    expect(entries.map((entry) => entry.patterns)).toEqual([['g']]);
  });
});

describe('host key blobs', () => {
  it('reads the type and fingerprints like ssh-keygen (base64 without padding)', () => {
    expect(keyBlobType(KEY)).toBe('ssh-ed25519');
    expect(sha256Fingerprint(KEY)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(() => keyBlobType(Buffer.from([0, 0]))).toThrow();
  });

  it('asks for the key types known_hosts holds first', () => {
    expect(hostKeyAlgorithmsPreferring(['ssh-rsa']).slice(0, 4)).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
      'ssh-ed25519',
    ]);
    expect(hostKeyAlgorithmsPreferring([])[0]).toBe('ssh-ed25519');
  });
});
