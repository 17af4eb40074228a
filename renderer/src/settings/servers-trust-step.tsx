import { ShieldAlert, ShieldCheck, ShieldQuestion } from 'lucide-react';
import type { HostKeyProbe } from '../../../shared/domain/demos/demo';
import { Button } from '../components/button';
import { assertNever } from '../lib/assert-never';

/** Props of {@link ServersTrustStep}. */
export interface ServersTrustStepProps {
  host: string;
  port: number;
  probe: HostKeyProbe;
  busy: boolean;
  onTrust: () => void;
  onBack: () => void;
}

/**
 * First contact: the server's host key, what known_hosts says about it, and the choice to trust it.
 * A key that disagrees with known_hosts cannot be trusted here (the button stays disabled): it is
 * the mark of a reinstalled server or of someone in the middle, and only its administrator can tell.
 */
export function ServersTrustStep({ host, port, probe, busy, onTrust, onBack }: ServersTrustStepProps) {
  const where = port === 22 ? host : `${host}:${port}`;
  const mismatch = probe.knownHosts === 'mismatch';
  return (
    <section className={`trust-step trust-step--${probe.knownHosts}`} aria-labelledby="trust-step-heading">
      <h4 className="trust-step__heading" id="trust-step-heading">
        Trust this server?
      </h4>
      <p className="trust-step__key">
        The host key of {where} is{' '}
        <code className="trust-step__fingerprint">
          {probe.algorithm} {probe.fingerprint}
        </code>
      </p>
      <Verdict probe={probe} host={where} />
      <div className="trust-step__actions">
        <Button onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Button variant="primary" icon={ShieldCheck} busy={busy} disabled={mismatch || busy} onClick={onTrust}>
          Trust and add
        </Button>
      </div>
    </section>
  );
}

function Verdict({ probe, host }: { probe: HostKeyProbe; host: string }) {
  switch (probe.knownHosts) {
    case 'match':
      return (
        <p className="trust-step__verdict">
          <ShieldCheck className="trust-step__icon trust-step__icon--match" aria-hidden="true" />
          <span>This key matches your known_hosts.</span>
        </p>
      );
    case 'absent':
      return (
        <p className="trust-step__verdict">
          <ShieldQuestion className="trust-step__icon" aria-hidden="true" />
          <span>
            Your known_hosts does not list {host}: compare this fingerprint with the server&apos;s administrator (
            <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> on the server) before you trust it.
          </span>
        </p>
      );
    case 'mismatch':
      return (
        <div className="alert" role="alert">
          <ShieldAlert className="alert__icon" aria-hidden="true" />
          <div className="alert__body">
            <p className="alert__title">This key does not match your known_hosts</p>
            <p className="alert__message">
              Your known_hosts has a different key for {host}. Someone may be intercepting the connection, or the server
              was reinstalled. Release Desk refuses a changed key: ask the server&apos;s administrator, and fix
              known_hosts once they confirm the new key.
            </p>
          </div>
        </div>
      );
    default:
      return assertNever(probe.knownHosts);
  }
}
