import { createHash } from 'node:crypto';
import type { ServerHostKeyAlgorithm } from 'ssh2';

/**
 * Host keys as the SSH wire protocol carries them: a "key blob" (`string type, …`), the same bytes as the
 * base64 field of a `.pub` or `known_hosts` line. Fingerprints are computed from the blob, as OpenSSH does.
 */

/**
 * The SHA256 fingerprint of a public key blob, exactly as `ssh-keygen -lf` prints it: `SHA256:` and the
 * base64 of the digest without `=` padding.
 */
export function sha256Fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type a blob names in its first field (`ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`…). */
export function keyBlobType(keyBlob: Buffer): string {
  if (keyBlob.length < 4) throw new Error('A host key blob is too short to name its type.');
  const length = keyBlob.readUInt32BE(0);
  if (length === 0 || length > 64 || keyBlob.length < 4 + length) {
    throw new Error('A host key blob does not start with a key type.');
  }
  return keyBlob.subarray(4, 4 + length).toString('latin1');
}

// The signature algorithms that prove possession of a key of each type. An RSA key signs with SHA-2
// (RFC 8332) on any current server; plain `ssh-rsa` (SHA-1) is last, for old ones.
const SIGNATURE_ALGORITHMS: Record<string, readonly ServerHostKeyAlgorithm[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/** Every key type, in the order Release Desk prefers them when nothing else decides. */
export const HOST_KEY_TYPES: readonly string[] = Object.keys(SIGNATURE_ALGORITHMS);

/**
 * The host key algorithms to offer so the server proves a key of `keyType`, or null for a type this
 * client cannot check. Offering only these makes a server with several host keys present the pinned one.
 */
export function hostKeyAlgorithmsFor(keyType: string): ServerHostKeyAlgorithm[] | null {
  const algorithms = SIGNATURE_ALGORITHMS[keyType];
  return algorithms ? [...algorithms] : null;
}

/** The algorithms to offer for `preferredTypes` first, then every other type, without repeats. */
export function hostKeyAlgorithmsPreferring(preferredTypes: readonly string[]): ServerHostKeyAlgorithm[] {
  const order = [...preferredTypes.filter((type) => type in SIGNATURE_ALGORITHMS), ...HOST_KEY_TYPES];
  return [...new Set(order.flatMap((type) => SIGNATURE_ALGORITHMS[type] ?? []))];
}
