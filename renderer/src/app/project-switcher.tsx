import type { Project } from '../../../shared/domain/project';
import { assertNever } from '../lib/assert-never';
import { isPracticeProject } from '../lib/practice';
import type { ProjectsState } from '../projects/use-projects';

/** Props of {@link ProjectSwitcher}. */
export interface ProjectSwitcherProps {
  state: ProjectsState;
  selectedId: string | null;
  onSelect: (project: Project) => void;
}

/** The sidebar's list of projects; the selected one is the project every screen works on. */
export function ProjectSwitcher({ state, selectedId, onSelect }: ProjectSwitcherProps) {
  return (
    <section className="sidebar__section" aria-labelledby="switcher-heading">
      <h2 className="sidebar__heading" id="switcher-heading">
        Project
      </h2>
      <SwitcherBody state={state} selectedId={selectedId} onSelect={onSelect} />
    </section>
  );
}

function SwitcherBody({ state, selectedId, onSelect }: ProjectSwitcherProps) {
  switch (state.status) {
    case 'loading':
      return (
        <div className="switcher__item switcher__item--skeleton" aria-hidden="true">
          <span className="skeleton skeleton--monogram" />
          <span className="switcher__text">
            <span className="skeleton skeleton--switcher-name" />
            <span className="skeleton skeleton--switcher-owner" />
          </span>
        </div>
      );
    case 'failed':
      return <p className="switcher__note">Projects could not be loaded.</p>;
    case 'ready':
      if (state.projects.length === 0) return <p className="switcher__note">No projects yet.</p>;
      return (
        <ul className="switcher" aria-label="Project switcher">
          {state.projects.map((project) => {
            const selected = project.id === selectedId;
            return (
              <li key={project.id}>
                <button
                  type="button"
                  className={selected ? 'switcher__item switcher__item--selected' : 'switcher__item'}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(project)}
                >
                  <span className="switcher__monogram" aria-hidden="true">
                    {project.name.slice(0, 1).toUpperCase()}
                  </span>
                  <span className="switcher__text">
                    <span className="switcher__name">{project.name}</span>
                    <span className="switcher__owner">{project.repository.owner}</span>
                  </span>
                  {isPracticeProject(project) ? <span className="badge switcher__badge">Practice</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      );
    default:
      return assertNever(state);
  }
}
