import { z } from 'zod';

/**
 * An SSH server demos run on, as settings keep it. Its private key and passphrase live only in the OS
 * keychain (`ssh-key:<name>`, `ssh-passphrase:<name>`); the host key is pinned at first contact.
 */

/** A server's name in Release Desk: lower-case letters, digits and dashes, 1–40. */
export const SERVER_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A POSIX user name as OpenSSH accepts it (no leading dash). */
export const SSH_USER_PATTERN = /^[a-z_][a-z0-9_.-]{0,31}$/i;
/** A host name or IP literal (no spaces, no leading dash, no shell characters). */
export const SSH_HOST_PATTERN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;
/** OpenSSH's SHA256 fingerprint form: `SHA256:` then 43 base64 characters, no padding. */
export const HOST_KEY_FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** The pinned host key: its algorithm (e.g. `ssh-ed25519`) and SHA256 fingerprint. */
export const pinnedHostKeySchema = z
  .object({
    algorithm: z.string().min(1).max(100),
    fingerprint: z
      .string()
      .regex(HOST_KEY_FINGERPRINT_PATTERN, 'A host key fingerprint looks like SHA256:… (43 characters).'),
  })
  .strict();

/** See {@link pinnedHostKeySchema}. */
export type PinnedHostKey = z.infer<typeof pinnedHostKeySchema>;

/** A server as settings keep it (no secrets). */
export const sshServerSchema = z
  .object({
    name: z.string().regex(SERVER_NAME_PATTERN, 'A server name is 1–40 lower-case letters, digits and dashes.'),
    host: z.string().min(1).max(253).regex(SSH_HOST_PATTERN, 'Enter a host name or an IP address.'),
    port: z.number().int().min(1).max(65535).default(22),
    user: z.string().regex(SSH_USER_PATTERN, 'Enter a user name (letters, digits, _ . -).'),
    /** `key`: a private key held in the keychain; `agent`: the running ssh-agent (`SSH_AUTH_SOCK`). */
    auth: z.enum(['key', 'agent']),
    /** Pinned at first contact; a different key later is refused outright. */
    hostKey: pinnedHostKeySchema,
  })
  .strict();

/** See {@link sshServerSchema}. */
export type SshServer = z.infer<typeof sshServerSchema>;
