import { FolderGit2, TrainFront } from 'lucide-react';
import type { Project } from '../../../shared/domain/project';
import type { ProjectsState } from '../projects/use-projects';
import { ProjectSwitcher } from './project-switcher';
import { useAppInfo } from './use-app-info';

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  projects: ProjectsState;
  selectedId: string | null;
  onSelect: (project: Project) => void;
}

/**
 * The left sidebar: the app's name, the project switcher and the screens. Only screens that work are
 * listed; Train, Notes, Demos, Activity and Settings join the navigation as they are built.
 */
export function Sidebar({ projects, selectedId, onSelect }: SidebarProps) {
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
          <li>
            <a className="nav__item nav__item--current" href="#projects" aria-current="page">
              <FolderGit2 className="nav__icon" aria-hidden="true" />
              Projects
            </a>
          </li>
        </ul>
      </nav>

      <footer className="sidebar__footer">{info ? `Version ${info.version}` : ' '}</footer>
    </aside>
  );
}
