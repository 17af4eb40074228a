import { FlaskConical, FolderGit2, Plus } from 'lucide-react';
import type { ReactNode, Ref } from 'react';
import { Button } from '../components/button';

/** Props of {@link ProjectsEmptyState}. */
export interface ProjectsEmptyStateProps {
  onAdd: () => void;
  addButtonRef?: Ref<HTMLButtonElement>;
  /** Sets up the practice project, a safe place to try the train first. */
  onTryPractice: () => void;
  /** The practice project is being set up: its button waits. */
  practiceBusy: boolean;
  /** The practice project's progress or error, under the buttons. */
  children?: ReactNode;
}

/**
 * First launch: says what a project is, what adding one does, and offers the next step, or the
 * practice project for someone who wants to try Release Desk before pointing it at a real repository.
 */
export function ProjectsEmptyState({
  onAdd,
  addButtonRef,
  onTryPractice,
  practiceBusy,
  children,
}: ProjectsEmptyStateProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-projects-title">
      <span className="empty-state__icon" aria-hidden="true">
        <FolderGit2 />
      </span>
      <h2 className="empty-state__title" id="empty-projects-title">
        No projects yet
      </h2>
      <p className="empty-state__text">
        Add the repository you release. Release Desk makes its own clone, so your working copy is never touched. Or try
        the practice project first: a copy of a real release history on a server on this machine, where nothing reaches
        a real GitHub.
      </p>
      <div className="empty-state__actions">
        <Button ref={addButtonRef} variant="primary" icon={Plus} onClick={onAdd}>
          Add project
        </Button>
        <Button
          icon={FlaskConical}
          busy={practiceBusy}
          aria-disabled={practiceBusy}
          onClick={() => (practiceBusy ? undefined : onTryPractice())}
        >
          Try the practice project
        </Button>
      </div>
      {children ? <div className="empty-state__status">{children}</div> : null}
    </section>
  );
}
