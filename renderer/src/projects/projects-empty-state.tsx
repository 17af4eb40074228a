import { FolderGit2, Plus } from 'lucide-react';
import type { Ref } from 'react';
import { Button } from '../components/button';

/** Props of {@link ProjectsEmptyState}. */
export interface ProjectsEmptyStateProps {
  onAdd: () => void;
  addButtonRef?: Ref<HTMLButtonElement>;
}

/** First launch: says what a project is, what adding one does, and offers the one next step. */
export function ProjectsEmptyState({ onAdd, addButtonRef }: ProjectsEmptyStateProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-projects-title">
      <span className="empty-state__icon" aria-hidden="true">
        <FolderGit2 />
      </span>
      <h2 className="empty-state__title" id="empty-projects-title">
        No projects yet
      </h2>
      <p className="empty-state__text">
        Add the repository you release. Release Desk makes its own clone, so your working copy is never touched.
      </p>
      <Button ref={addButtonRef} variant="primary" icon={Plus} onClick={onAdd}>
        Add project
      </Button>
    </section>
  );
}
