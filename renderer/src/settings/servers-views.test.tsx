import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HostKeyProbe } from '../../../shared/domain/demos/demo';
import { IPC_ERROR_CODES } from '../../../shared/ipc/errors';
import { serversErrorAdvice } from './servers-error-advice';
import { ServersList } from './servers-list';
import { ServersTestReport } from './servers-test-report';
import { ServersTrustStep } from './servers-trust-step';

const FINGERPRINT = 'SHA256:' + 'A'.repeat(43);
const noop = () => {};

function trustStep(knownHosts: HostKeyProbe['knownHosts']): string {
  return renderToStaticMarkup(
    <ServersTrustStep
      host="demo.example.org"
      port={2222}
      probe={{ algorithm: 'ssh-ed25519', fingerprint: FINGERPRINT, knownHosts }}
      busy={false}
      onTrust={noop}
      onBack={noop}
    />,
  );
}

describe('Settings → Servers', () => {
  it('shows the host key to trust with the known_hosts verdict', () => {
    const match = trustStep('match');
    expect(match).toContain(
      `The host key of demo.example.org:2222 is <code class="trust-step__fingerprint">ssh-ed25519 ${FINGERPRINT}</code>`,
    );
    expect(match).toContain('This key matches your known_hosts.');
    expect(trustStep('absent')).toContain('compare this fingerprint with the server&#x27;s administrator');
  });

  it('refuses a key that disagrees with known_hosts: a red warning and a disabled Trust button', () => {
    const html = trustStep('mismatch');
    expect(html).toContain('role="alert"');
    expect(html).toContain('This key does not match your known_hosts');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>.*Trust and add<\/button>/);
    expect(trustStep('absent')).not.toMatch(/<button[^>]*disabled=""[^>]*>.*Trust and add<\/button>/);
  });

  it('lists each test stage as passed or failed with its message', () => {
    const html = renderToStaticMarkup(
      <ServersTestReport
        server="eu-1"
        report={{
          ok: false,
          stages: [
            { id: 'dns', ok: true, message: 'eu-1.example.org is 192.0.2.7.' },
            { id: 'tcp', ok: true, message: 'Port 22 answers.' },
            { id: 'host-key', ok: true, message: 'The host key matches the pinned one.' },
            { id: 'auth', ok: false, message: 'eu-1 did not accept the key.' },
          ],
        }}
      />,
    );
    expect(html).toContain('eu-1 failed the test at the step marked below.');
    expect(html).toContain('Passed: </span>Name lookup');
    expect(html).toContain('Failed: </span>Login');
    expect(html).toContain('eu-1 did not accept the key.');
  });

  it('lists servers with address, auth and pinned fingerprint, and no key', () => {
    const html = renderToStaticMarkup(
      <ServersList
        state={{
          status: 'ready',
          servers: [
            {
              name: 'eu-1',
              host: 'eu-1.example.org',
              port: 2222,
              user: 'deploy',
              auth: 'key',
              hostKey: { algorithm: 'ssh-ed25519', fingerprint: FINGERPRINT },
            },
          ],
        }}
        onRetry={noop}
        onRemove={noop}
      />,
    );
    expect(html).toContain('deploy@eu-1.example.org:2222');
    expect(html).toContain('Logs in with a key kept in your keychain');
    expect(html).toContain(`ssh-ed25519 ${FINGERPRINT}`);
    expect(html).toContain('Test connection');
    expect(html).toContain('Remove…');
  });

  it('has advice for every error code, with a next step for DNS/refused/timeout, auth and a changed key', () => {
    for (const code of IPC_ERROR_CODES) expect(serversErrorAdvice(code).next.length).toBeGreaterThan(10);
    expect(serversErrorAdvice('NETWORK').next).toMatch(/resolve.*refused.*timeout/s);
    expect(serversErrorAdvice('HOST_KEY_CHANGED').next).toMatch(/nothing bypasses that/);
    expect(serversErrorAdvice('AUTH_FAILED').next).toMatch(/authorized_keys/);
  });
});
