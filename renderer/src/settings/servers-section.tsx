import { useRef, useState } from 'react';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import { ServersAddForm } from './servers-add-form';
import { ServersList } from './servers-list';
import { ServersRemoveDialog } from './servers-remove-dialog';
import { useServers } from './servers-store';

/** Props of {@link ServersSection}. */
export interface ServersSectionProps {
  /** Reads an outcome out through the app's live region. */
  onAnnounce: (message: string) => void;
}

/** Settings → Servers: the SSH servers demos run on, testing them, removing them, and adding one. */
export function ServersSection({ onAnnounce }: ServersSectionProps) {
  const servers = useServers();
  const [removing, setRemoving] = useState<SshServer | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const names = servers.state.status === 'ready' ? servers.state.servers.map((server) => server.name) : [];

  return (
    <section className="settings__section" aria-labelledby="settings-servers">
      <h2 className="settings__heading" id="settings-servers" ref={headingRef} tabIndex={-1}>
        Servers
      </h2>

      <div className="settings__group">
        <h3 className="settings__subheading">Demo servers</h3>
        <ServersList
          state={servers.state}
          onRetry={() => void servers.reload()}
          onRemove={(server) => {
            openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            setRemoving(server);
          }}
        />
      </div>

      <div className="settings__group">
        <h3 className="settings__subheading" id="add-server-heading">
          Add a server
        </h3>
        <ServersAddForm
          existingNames={names}
          onAdded={(server) => {
            onAnnounce(`Added the server ${server.name}.`);
            void servers.reload();
          }}
        />
      </div>

      <ServersRemoveDialog
        server={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(server) => {
          openerRef.current = headingRef.current;
          setRemoving(null);
          onAnnounce(`Removed the server ${server.name}.`);
          void servers.reload();
        }}
        returnFocusTo={() => (openerRef.current?.isConnected ? openerRef.current : headingRef.current)}
      />
    </section>
  );
}
