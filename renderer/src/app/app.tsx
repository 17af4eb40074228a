import { useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import { LiveRegion } from '../components/live-region';
import { ProjectsScreen } from '../projects/projects-screen';
import { useProjects } from '../projects/use-projects';
import { Sidebar } from './sidebar';

/** The window: sidebar on the left, the current screen on the right. */
export function App() {
  const { state, reload } = useProjects();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // The selection falls back to the first project when nothing (or a removed project) was chosen.
  const projects = state.status === 'ready' ? state.projects : [];
  const selectedId = projects.some((project) => project.id === chosenId) ? chosenId : (projects[0]?.id ?? null);

  const select = (project: Project) => {
    setChosenId(project.id);
    setAnnouncement(`${project.repository.owner}/${project.repository.repo} selected.`);
  };

  return (
    <div className="app-shell">
      <Sidebar projects={state} selectedId={selectedId} onSelect={select} />
      <main className="app-main" id="projects">
        <ProjectsScreen
          state={state}
          selectedId={selectedId}
          onRetry={() => void reload()}
          onAdded={(project) => {
            setChosenId(project.id);
            setAnnouncement(`Added ${project.repository.owner}/${project.repository.repo}.`);
            void reload();
          }}
          onRemoved={(project) => {
            setAnnouncement(`Removed ${project.repository.owner}/${project.repository.repo}.`);
            void reload();
          }}
        />
      </main>
      <LiveRegion message={announcement} />
    </div>
  );
}
