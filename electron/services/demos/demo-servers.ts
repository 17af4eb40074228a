import type { ConnectionReport, HostKeyProbe } from '../../../shared/domain/demos/demo';
import { HOST_KEY_FINGERPRINT_PATTERN, sshServerSchema, type SshServer } from '../../../shared/domain/demos/ssh-server';
import { AppError } from '../../../shared/ipc/errors';
import { sshKeyAccount, sshPassphraseAccount } from '../secrets/secret-accounts';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { probeHostKey } from '../ssh/host-key-probe';
import { connectSsh } from '../ssh/ssh-connect';
import { hostKeyChangedError } from '../ssh/ssh-errors';
import type { SshAuth, SshSession } from '../ssh/ssh-types';
import { testConnection } from '../ssh/test-connection';

/** What {@link DemoServers.add} takes: the server, its secrets and the fingerprint the user trusted. */
export interface AddServerInput {
  name: string;
  host: string;
  port: number;
  user: string;
  auth: 'key' | 'agent';
  /** The private key (OpenSSH or PEM text) for `auth: 'key'`; it goes to the keychain, nowhere else. */
  privateKey?: string;
  passphrase?: string;
  /** `SHA256:…` as the user saw and trusted it after {@link DemoServers.probe}. */
  trustedFingerprint: string;
}

/** The demo servers: who and where in settings, keys and passphrases in the keychain. */
export interface DemoServers {
  list(): SshServer[];
  /** The server named `name`, or `NOT_FOUND` saying how to add it. */
  get(name: string): SshServer;
  probe(host: string, port: number): Promise<HostKeyProbe>;
  add(input: AddServerInput): Promise<SshServer>;
  remove(name: string): Promise<{ removed: boolean }>;
  test(name: string): Promise<ConnectionReport>;
  /** Logs in to the server with its pinned host key and stored key (or the agent). */
  connect(server: SshServer): Promise<SshSession>;
}

/** What the servers are built from. */
export interface DemoServersDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** For `SSH_AUTH_SOCK` (agent login); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** The known_hosts file first contact compares with; `~/.ssh/known_hosts` by default. */
  knownHostsFile?: string;
  /** How long a connection may take to be ready. */
  readyTimeoutMs?: number;
}

// An OpenSSH or PEM private key block; anything else (a public key, a path pasted by mistake) is refused
// before it reaches the keychain.
const PRIVATE_KEY_PATTERN = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]+-----END [A-Z0-9 ]*PRIVATE KEY-----\s*$/;

/** Creates the demo servers over settings and the keychain. */
export function createDemoServers(deps: DemoServersDeps): DemoServers {
  const env = deps.env ?? process.env;
  const list = (): SshServer[] => deps.settings.get('servers');

  const get = (name: string): SshServer => {
    const server = list().find((candidate) => candidate.name === name);
    if (!server) {
      throw new AppError(
        'NOT_FOUND',
        `There is no server “${name.slice(0, 40)}”. Add it in Settings → Servers (or with \`release-desk servers add\`).`,
      );
    }
    return server;
  };

  const authOf = async (server: SshServer): Promise<SshAuth> => {
    if (server.auth === 'agent') return { kind: 'agent', socket: env.SSH_AUTH_SOCK ?? '' };
    const privateKey = await deps.secrets.get(sshKeyAccount(server.name));
    if (privateKey === null) {
      throw new AppError(
        'AUTH_FAILED',
        `No private key for ${server.name} is in the keychain. Remove the server and add it again with its key.`,
      );
    }
    const passphrase = await deps.secrets.get(sshPassphraseAccount(server.name));
    return passphrase === null ? { kind: 'key', privateKey } : { kind: 'key', privateKey, passphrase };
  };

  const connect = async (server: SshServer): Promise<SshSession> =>
    connectSsh({
      target: { host: server.host, port: server.port, user: server.user },
      auth: await authOf(server),
      hostKey: server.hostKey,
      ...(deps.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: deps.readyTimeoutMs }),
    });

  const probe = (host: string, port: number): Promise<HostKeyProbe> =>
    probeHostKey({ host, port }, deps.knownHostsFile === undefined ? {} : { knownHostsFile: deps.knownHostsFile });

  return {
    list,
    get,
    probe,
    connect,

    async add(input) {
      if (
        typeof input.trustedFingerprint !== 'string' ||
        !HOST_KEY_FINGERPRINT_PATTERN.test(input.trustedFingerprint)
      ) {
        throw new AppError('INVALID_ARGUMENTS', 'A host key fingerprint looks like SHA256:… (43 characters).');
      }
      if (list().some((known) => known.name === input.name)) {
        throw new AppError(
          'ALREADY_ADDED',
          `A server named ${input.name} is already added. Remove it first to add it again (e.g. after a reinstall).`,
        );
      }
      if (input.auth === 'key') {
        if (!input.privateKey || !PRIVATE_KEY_PATTERN.test(input.privateKey.trim())) {
          throw new AppError(
            'INVALID_ARGUMENTS',
            'That is not a private key: choose the private key file (e.g. ~/.ssh/id_ed25519), not the .pub file.',
          );
        }
      }
      // First contact again, right before pinning: the key the server presents now must be the one the
      // user looked at and trusted.
      const presented = await probe(input.host, input.port);
      if (presented.fingerprint !== input.trustedFingerprint) {
        throw hostKeyChangedError(input.host, input.trustedFingerprint, presented.fingerprint);
      }
      const parsed = sshServerSchema.safeParse({
        name: input.name,
        host: input.host,
        port: input.port,
        user: input.user,
        auth: input.auth,
        hostKey: { algorithm: presented.algorithm, fingerprint: presented.fingerprint },
      });
      if (!parsed.success) {
        throw new AppError('INVALID_ARGUMENTS', parsed.error.issues.map((issue) => issue.message).join(' '));
      }
      const server = parsed.data;
      const auth: SshAuth =
        input.auth === 'agent'
          ? { kind: 'agent', socket: env.SSH_AUTH_SOCK ?? '' }
          : {
              kind: 'key',
              privateKey: (input.privateKey ?? '').trim() + '\n',
              ...(input.passphrase ? { passphrase: input.passphrase } : {}),
            };
      // Log in once before storing anything: a wrong key or passphrase is refused here, not at the demo.
      const session = await connectSsh({
        target: { host: server.host, port: server.port, user: server.user },
        auth,
        hostKey: server.hostKey,
        ...(deps.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: deps.readyTimeoutMs }),
      });
      session.close();
      if (auth.kind === 'key') {
        await deps.secrets.set(sshKeyAccount(server.name), auth.privateKey);
        if (auth.passphrase) await deps.secrets.set(sshPassphraseAccount(server.name), auth.passphrase);
        else await deps.secrets.delete(sshPassphraseAccount(server.name));
      }
      deps.settings.set('servers', [...list().filter((known) => known.name !== server.name), server]);
      return server;
    },

    async remove(name) {
      const before = list();
      const known = before.some((server) => server.name === name);
      const removedKey = await deps.secrets.delete(sshKeyAccount(name));
      await deps.secrets.delete(sshPassphraseAccount(name));
      deps.settings.set(
        'servers',
        before.filter((server) => server.name !== name),
      );
      return { removed: known || removedKey };
    },

    async test(name) {
      const server = get(name);
      return testConnection({
        target: { host: server.host, port: server.port, user: server.user },
        auth: await authOf(server),
        hostKey: server.hostKey,
      });
    },
  };
}
