import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A reader for OpenSSH's `known_hosts`, so first contact can say whether the user's own ssh already
 * trusts the key a server shows. Release Desk never writes the file: its trust lives in the pinned key.
 */

/** One usable line of a known_hosts file. */
export interface KnownHostsEntry {
  /** The host patterns of the line: plain names, `[host]:port`, wildcards, `!negations` or `|1|salt|hash`. */
  patterns: string[];
  keyType: string;
  keyBlob: Buffer;
}

/** Whether known_hosts agrees with a key: the same key, another key of that type, or nothing for the host. */
export type KnownHostsVerdict = 'match' | 'mismatch' | 'absent';

/** `~/.ssh/known_hosts` of the user running Release Desk. */
export function defaultKnownHostsFile(): string {
  return join(homedir(), '.ssh', 'known_hosts');
}

/**
 * The entries of a known_hosts text. Comments, blank and malformed lines are dropped, and so are
 * `@cert-authority` lines (they trust a CA, not a host key) and `@revoked` lines.
 */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    if (fields[0]?.startsWith('@')) continue;
    const [hosts, keyType, keyBase64] = fields;
    if (!hosts || !keyType || !keyBase64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(keyBase64)) continue;
    entries.push({ patterns: hosts.split(',').filter(Boolean), keyType, keyBlob: Buffer.from(keyBase64, 'base64') });
  }
  return entries;
}

/** The name OpenSSH looks up for a host: `host` on port 22, else `[host]:port`; lower-case. */
export function knownHostsName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** Whether one pattern (`*` and `?` wildcards, or a hashed `|1|salt|hash`) matches `name`. */
function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64');
    const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  const lowered = pattern.toLowerCase();
  if (!/[*?]/.test(lowered)) return lowered === name;
  const regex = lowered
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(name);
}

/** Whether an entry applies to `name`: one pattern matches and no `!pattern` does (as OpenSSH decides). */
export function entryMatchesHost(entry: KnownHostsEntry, name: string): boolean {
  let matched = false;
  for (const pattern of entry.patterns) {
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), name)) return false;
    } else if (patternMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/** The entries that apply to `host:port`. */
export function knownHostsEntriesFor(entries: KnownHostsEntry[], host: string, port: number): KnownHostsEntry[] {
  const name = knownHostsName(host, port);
  return entries.filter((entry) => entryMatchesHost(entry, name));
}

/**
 * What `entries` say about `keyBlob` for `host:port`: `match` when a line holds this very key,
 * `mismatch` when lines hold another key of the same type, `absent` otherwise. A host known only with
 * keys of other types is `absent`, as OpenSSH treats it (it asks, noting that other keys are known).
 */
export function knownHostsVerdict(
  entries: KnownHostsEntry[],
  host: string,
  port: number,
  keyType: string,
  keyBlob: Buffer,
): KnownHostsVerdict {
  const forHost = knownHostsEntriesFor(entries, host, port);
  if (forHost.some((entry) => entry.keyBlob.equals(keyBlob))) return 'match';
  if (forHost.some((entry) => entry.keyType === keyType)) return 'mismatch';
  return 'absent';
}

/** The entries of a known_hosts file; none when it does not exist or cannot be read. */
export async function readKnownHostsFile(file: string = defaultKnownHostsFile()): Promise<KnownHostsEntry[]> {
  try {
    return parseKnownHosts(await readFile(file, 'utf8'));
  } catch {
    // No file (or an unreadable one) means ssh knows no hosts: first contact then asks the user plainly.
    return [];
  }
}
