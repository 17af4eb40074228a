import ssh2, { type ServerHostKeyAlgorithm } from 'ssh2';
import type { HostKeyProbe } from '../../../shared/domain/demos/demo';
import { hostKeyAlgorithmsPreferring, keyBlobType, sha256Fingerprint } from './host-key';
import { knownHostsEntriesFor, knownHostsVerdict, readKnownHostsFile } from './known-hosts';
import { checkPlace, socketHost } from './ssh-connect';
import { sshAppError, type SshPlace } from './ssh-errors';

const { Client } = ssh2;

const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

/** Options of {@link probeHostKey}. */
export interface ProbeHostKeyOptions {
  /** The known_hosts file to compare with; `~/.ssh/known_hosts` by default. */
  knownHostsFile?: string;
  timeoutMs?: number;
}

/**
 * Reads the host key a server presents, without logging in: the key exchange starts, the key is kept and
 * the connection is refused right there (no user name or key is ever sent). Used on first contact.
 * `algorithms` orders the host key types to ask for.
 */
export async function readHostKey(
  place: SshPlace,
  algorithms: ServerHostKeyAlgorithm[],
  timeoutMs: number,
): Promise<Buffer> {
  checkPlace(place);
  return new Promise<Buffer>((resolve, reject) => {
    const client = new Client();
    let presented: Buffer | null = null;
    let settled = false;
    const settle = (error: unknown): void => {
      if (settled) return;
      settled = true;
      if (presented) resolve(presented);
      else reject(sshAppError(error, 'read the host key', place));
      client.end();
    };
    client.on('error', (error: Error) => settle(error));
    client.on('close', () => settle(new Error('Connection lost before handshake')));
    client.on('ready', () => settle(new Error('Connection lost before handshake')));
    try {
      client.connect({
        host: socketHost(place.host),
        port: place.port,
        // Never sent: the key exchange ends at the host key, before the user authentication service.
        username: 'release-desk-probe',
        readyTimeout: timeoutMs,
        tryKeyboard: false,
        agentForward: false,
        algorithms: { serverHostKey: algorithms },
        hostVerifier: (key: Buffer) => {
          presented = Buffer.from(key);
          return false;
        },
      });
    } catch (error) {
      settle(error);
    }
  });
}

/**
 * First contact: reads the server's host key without logging in, and says whether known_hosts agrees
 * (`match`, `mismatch` or `absent`). Key types known_hosts already holds for the host are asked for
 * first, as OpenSSH does, so a server with several keys shows the one the user's ssh knows.
 */
export async function probeHostKey(
  target: Pick<SshPlace, 'host' | 'port'>,
  options: ProbeHostKeyOptions = {},
): Promise<HostKeyProbe> {
  checkPlace(target);
  const entries = await readKnownHostsFile(options.knownHostsFile);
  const knownTypes = knownHostsEntriesFor(entries, target.host, target.port).map((entry) => entry.keyType);
  const key = await readHostKey(
    target,
    hostKeyAlgorithmsPreferring(knownTypes),
    options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
  );
  const algorithm = keyBlobType(key);
  return {
    algorithm,
    fingerprint: sha256Fingerprint(key),
    knownHosts: knownHostsVerdict(entries, target.host, target.port, algorithm, key),
  };
}
