import { FolderGit2, History, NotebookPen, Presentation, Settings, TrainFront, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Project } from '../../../shared/domain/project';
import type { ProjectsState } from '../projects/use-projects';
import { ProjectSwitcher } from './project-switcher';
import { useAppInfo } from './use-app-info';
import type { ScreenName } from './use-screen-route';

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  projects: ProjectsState;
  selectedId: string | null;
  /** The screen on show, marked as the current page. */
  screen: ScreenName;
  onSelect: (project: Project) => void;
  /** "2 expired" on the Demos link when demos have outlived their expiry; null for none. */
  demosBadge?: string | null;
}

/**
 * The left sidebar: the app's name, the project switcher and the screens. Only screens that work are
 * listed: Train and Notes once a project is selected (they are that project's), Demos (on every
 * server), Activity (the runs of every project), Projects, and Settings last.
 */
export function Sidebar({ projects, selectedId, screen, onSelect, demosBadge = null }: SidebarProps) {
  const info = useAppInfo();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          <TrainFront />
        </span>
        <span className="sidebar__app-name">Release Desk</span>
      </div>

      <ProjectSwitcher state={projects} selectedId={selectedId} onSelect={onSelect} />

      <nav className="sidebar__section" aria-label="Screens">
        <h2 className="sidebar__heading">Screens</h2>
        <ul className="nav">
          {selectedId ? (
            <>
              <li>
                <NavLink screen="train" current={screen} icon={TrainFront}>
                  Train
                </NavLink>
              </li>
              <li>
                <NavLink screen="notes" current={screen} icon={NotebookPen}>
                  Notes
                </NavLink>
              </li>
            </>
          ) : null}
          <li>
            <NavLink screen="demos" current={screen} icon={Presentation} badge={demosBadge}>
              Demos
            </NavLink>
          </li>
          <li>
            <NavLink screen="activity" current={screen} icon={History}>
              Activity
            </NavLink>
          </li>
          <li>
            <NavLink screen="projects" current={screen} icon={FolderGit2}>
              Projects
            </NavLink>
          </li>
          <li>
            <NavLink screen="settings" current={screen} icon={Settings}>
              Settings
            </NavLink>
          </li>
        </ul>
      </nav>

      <footer className="sidebar__footer">{info ? `Version ${info.version}` : ' '}</footer>
    </aside>
  );
}

function NavLink({
  screen,
  current,
  icon: Icon,
  badge = null,
  children,
}: {
  screen: ScreenName;
  current: ScreenName;
  icon: LucideIcon;
  /** Short text after the label; part of the link's name ("Demos, 2 expired"). */
  badge?: string | null;
  children: ReactNode;
}) {
  const isCurrent = screen === current;
  return (
    <a
      className={isCurrent ? 'nav__item nav__item--current' : 'nav__item'}
      href={`#${screen}`}
      aria-current={isCurrent ? 'page' : undefined}
      // Named in words, as a badge's box would otherwise split the name ("Demos , 2 expired").
      aria-label={badge && typeof children === 'string' ? `${children}, ${badge}` : undefined}
    >
      <Icon className="nav__icon" aria-hidden="true" />
      {children}
      {badge ? (
        <span className="badge nav__badge" aria-hidden="true">
          {badge}
        </span>
      ) : null}
    </a>
  );
}
