import type { HostKeyProbe } from '../../../shared/domain/demos/demo';
import {
  SERVER_NAME_PATTERN,
  SSH_HOST_PATTERN,
  SSH_USER_PATTERN,
  type SshServer,
} from '../../../shared/domain/demos/ssh-server';
import type { InputOf } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/errors';

/** Where the server's login key comes from. */
export type KeySource = 'file' | 'paste' | 'agent';

/** The Add server form as typed. */
export interface ServerFormValues {
  name: string;
  host: string;
  port: string;
  user: string;
  keySource: KeySource;
  /** The path main will read, as chosen with the file dialog. */
  keyFile: string | null;
  privateKey: string;
  passphrase: string;
}

/** A field of the form that can hold a problem. */
export type ServerField = 'name' | 'host' | 'port' | 'user' | 'key' | 'passphrase';

/** The form's first state: port 22, a key file. */
export const EMPTY_SERVER_FORM: ServerFormValues = {
  name: '',
  host: '',
  port: '22',
  user: '',
  keySource: 'file',
  keyFile: null,
  privateKey: '',
  passphrase: '',
};

/** The add request without the fingerprint, which the trust step supplies. */
export type ServerAddition = Omit<InputOf<'servers.add'>, 'trustedFingerprint'>;

/** What to send, or what to fix. */
export type ServerFormCheck =
  | { ok: true; probe: { host: string; port: number }; addition: ServerAddition }
  | { ok: false; problems: Partial<Record<ServerField, string>> };

/** Checks the form the way main will, so each problem shows beside its field before anything is sent. */
export function checkServerForm(values: ServerFormValues, existingNames: readonly string[]): ServerFormCheck {
  const problems: Partial<Record<ServerField, string>> = {};
  const name = values.name.trim();
  const host = values.host.trim();
  const user = values.user.trim();
  const port = Number(values.port.trim());
  if (!SERVER_NAME_PATTERN.test(name)) {
    problems.name = 'Use 1–40 lower-case letters, digits and dashes, e.g. demo-eu-1.';
  } else if (existingNames.includes(name)) {
    problems.name = `There is already a server named ${name}. Choose another name, or remove that one first.`;
  }
  if (!host || host.length > 253 || !SSH_HOST_PATTERN.test(host)) {
    problems.host = 'Enter a host name (demo.example.org) or an IP address, without user@ or :port.';
  }
  if (!/^\d{1,5}$/.test(values.port.trim()) || port < 1 || port > 65535)
    problems.port = 'A port is 1–65535 (SSH uses 22).';
  if (!SSH_USER_PATTERN.test(user)) problems.user = 'Enter the user to log in as (letters, digits, _ . -).';
  if (values.keySource === 'file' && !values.keyFile) problems.key = 'Choose your private key file.';
  if (values.keySource === 'paste' && !/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(values.privateKey)) {
    problems.key = 'Paste the whole private key, from -----BEGIN … PRIVATE KEY----- to its END line.';
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const base = { name, host, port, user };
  const passphrase = values.passphrase === '' ? {} : { passphrase: values.passphrase };
  const addition: ServerAddition =
    values.keySource === 'agent'
      ? { ...base, auth: 'agent' }
      : values.keySource === 'file'
        ? { ...base, auth: 'key', keyFile: values.keyFile ?? '', ...passphrase }
        : { ...base, auth: 'key', privateKey: values.privateKey, ...passphrase };
  return { ok: true, probe: { host, port }, addition };
}

/** Where adding a server stands: editing, reading the host key, the trust step, saving, done or failed. */
export type AddServerState =
  | { status: 'editing' }
  | { status: 'probing' }
  | { status: 'trust'; probe: HostKeyProbe; addition: ServerAddition }
  | { status: 'adding'; probe: HostKeyProbe; addition: ServerAddition }
  | { status: 'added'; server: SshServer }
  | { status: 'failed'; error: IpcError; field: ServerField | null };

/** The form field an error from main is about, so focus and the message land beside it. */
export function fieldOfServerError(error: IpcError): ServerField | null {
  switch (error.code) {
    case 'AUTH_FAILED':
      return 'key';
    case 'ALREADY_ADDED':
      return 'name';
    case 'NETWORK':
      // "could not be resolved" is the host; "refused" is most often the port.
      return /refused/i.test(error.message) ? 'port' : 'host';
    case 'INVALID_ARGUMENTS': {
      const match = /\b(name|host|port|user|keyFile|privateKey|passphrase):/.exec(error.message);
      if (!match) return /key/i.test(error.message) ? 'key' : null;
      const field = match[1];
      return field === 'keyFile' || field === 'privateKey' ? 'key' : (field as ServerField);
    }
    default:
      return null;
  }
}
