import { useRef, useState } from 'react';
import type { ConnectResult, GitHubAccountView } from '../../../shared/domain/github/github-account';
import type { Project } from '../../../shared/domain/project';
import { isPracticeProject } from '../lib/practice';
import type { ProjectsState } from '../projects/use-projects';
import { describeConnection } from './account-format';
import { ConnectForm } from './connect-form';
import { DisconnectAccountDialog } from './disconnect-account-dialog';
import { GitHubAccountList } from './github-account-list';
import { PracticeCallout } from './practice-callout';
import { ServersSection } from './servers-section';
import { useGitHubAccounts } from './use-github-accounts';

/** Props of {@link SettingsScreen}. */
export interface SettingsScreenProps {
  projects: ProjectsState;
  /** The project selected in the sidebar: the default for "Check access to". */
  selected: Project | null;
  /** Reads an outcome out through the app's live region. */
  onAnnounce: (message: string) => void;
}

/** The Settings screen: GitHub (accounts, connecting one, which token) and Servers (where demos run). */
export function SettingsScreen({ projects, selected, onAnnounce }: SettingsScreenProps) {
  const accounts = useGitHubAccounts();
  const [disconnecting, setDisconnecting] = useState<GitHubAccountView | null>(null);
  const sectionHeadingRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  const list = projects.status === 'ready' ? projects.projects : [];
  const checkable = list.filter((project) => !isPracticeProject(project));
  const defaultProjectId = selected && !isPracticeProject(selected) ? selected.id : null;
  const hasPracticeProject = list.some(isPracticeProject);
  const practiceConnected =
    accounts.state.status === 'ready' && accounts.state.accounts.some((account) => account.practice);

  const connected = (result: ConnectResult) => {
    const summary = describeConnection(result);
    // Worded apart from the visible "Connected as @login …" line, so finding that text finds one element.
    const said = `@${result.account.login} is now connected to ${result.account.host}.`;
    onAnnounce([said, summary.repositoryLine, ...summary.warnings].filter(Boolean).join(' '));
    void accounts.reload();
  };

  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1 className="screen__title">Settings</h1>
          <p className="screen__subtitle">
            How Release Desk reaches GitHub and your demo servers. Tokens and keys stay in your system keychain.
          </p>
        </div>
      </header>

      <div className="screen__body settings">
        {/* Not named by its heading: "GitHub" is the server field's label, and one name should find one control. */}
        <section className="settings__section">
          <h2 className="settings__heading" id="settings-github" ref={sectionHeadingRef} tabIndex={-1}>
            GitHub
          </h2>

          {hasPracticeProject && accounts.state.status === 'ready' ? (
            <PracticeCallout connected={practiceConnected} onConnected={connected} />
          ) : null}

          <div className="settings__group">
            <h3 className="settings__subheading">Connected accounts</h3>
            <GitHubAccountList
              state={accounts.state}
              onRetry={() => void accounts.reload()}
              onDisconnect={(account) => {
                openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
                setDisconnecting(account);
              }}
            />
          </div>

          <div className="settings__group">
            <h3 className="settings__subheading" id="connect-heading">
              Connect an account
            </h3>
            <ConnectForm projects={checkable} defaultProjectId={defaultProjectId} onConnected={connected} />
          </div>
        </section>

        <ServersSection onAnnounce={onAnnounce} />
      </div>

      <DisconnectAccountDialog
        account={disconnecting}
        onClose={() => setDisconnecting(null)}
        onDisconnected={(account) => {
          // Its row (and button) goes away; the section heading stays.
          openerRef.current = sectionHeadingRef.current;
          setDisconnecting(null);
          onAnnounce(`Disconnected @${account.login} from ${account.host}.`);
          void accounts.reload();
        }}
        returnFocusTo={() => (openerRef.current?.isConnected ? openerRef.current : sectionHeadingRef.current)}
      />
    </div>
  );
}
