import { describe, expect, it } from 'vitest';
import { checkServerForm, EMPTY_SERVER_FORM, fieldOfServerError, type ServerFormValues } from './servers-add-model';

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
const valid: ServerFormValues = {
  ...EMPTY_SERVER_FORM,
  name: 'demo-eu-1',
  host: 'demo.example.org',
  user: 'deploy',
  keySource: 'paste',
  privateKey: KEY,
};

describe('the Add server form', () => {
  it('starts at port 22 with a key file', () => {
    expect(EMPTY_SERVER_FORM.port).toBe('22');
    expect(EMPTY_SERVER_FORM.keySource).toBe('file');
  });

  it('builds the probe and the addition for a pasted key with a passphrase', () => {
    expect(checkServerForm({ ...valid, name: ' demo-eu-1 ', passphrase: 'pw' }, [])).toEqual({
      ok: true,
      probe: { host: 'demo.example.org', port: 22 },
      addition: {
        name: 'demo-eu-1',
        host: 'demo.example.org',
        port: 22,
        user: 'deploy',
        auth: 'key',
        privateKey: KEY,
        passphrase: 'pw',
      },
    });
  });

  it('sends the key file path for main to read, and nothing secret for the agent', () => {
    const file = checkServerForm(
      { ...valid, keySource: 'file', keyFile: '/home/me/.ssh/id_ed25519', port: '2222' },
      [],
    );
    expect(file.ok && file.addition).toEqual({
      name: 'demo-eu-1',
      host: 'demo.example.org',
      port: 2222,
      user: 'deploy',
      auth: 'key',
      keyFile: '/home/me/.ssh/id_ed25519',
    });
    const agent = checkServerForm({ ...valid, keySource: 'agent', passphrase: 'ignored' }, []);
    expect(agent.ok && agent.addition).toEqual({
      name: 'demo-eu-1',
      host: 'demo.example.org',
      port: 22,
      user: 'deploy',
      auth: 'agent',
    });
  });

  it.each([
    ['a name with capitals', { name: 'Demo' }, 'name'],
    ['a taken name', { name: 'taken' }, 'name'],
    ['user@host in the host', { host: 'root@demo.example.org' }, 'host'],
    ['a host with a shell character', { host: 'demo;id' }, 'host'],
    ['port 0', { port: '0' }, 'port'],
    ['port 70000', { port: '70000' }, 'port'],
    ['a user with a leading dash', { user: '-oProxyCommand=x' }, 'user'],
    ['no key file chosen', { keySource: 'file', keyFile: null }, 'key'],
    ['a pasted public key', { privateKey: 'ssh-ed25519 AAAAC3Nza me@laptop' }, 'key'],
  ] as const)('refuses %s beside its field', (_label, change, field) => {
    const check = checkServerForm({ ...valid, ...change }, ['taken']);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.problems)).toEqual([field]);
  });

  it('puts main’s errors beside the field they concern', () => {
    expect(fieldOfServerError({ code: 'NETWORK', message: 'The name x could not be resolved.' })).toBe('host');
    expect(fieldOfServerError({ code: 'NETWORK', message: 'x:22 refused the connection.' })).toBe('port');
    expect(fieldOfServerError({ code: 'AUTH_FAILED', message: 'x did not accept the key.' })).toBe('key');
    expect(
      fieldOfServerError({
        code: 'INVALID_ARGUMENTS',
        message: 'Invalid request to servers.add. user: Enter a user name.',
      }),
    ).toBe('user');
    expect(fieldOfServerError({ code: 'HOST_KEY_CHANGED', message: 'The host key of x changed.' })).toBeNull();
  });
});
