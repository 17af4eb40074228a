import { FlaskConical, Plus, RotateCw } from 'lucide-react';
import { useRef, useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { isPracticeProject } from '../lib/practice';
import { useNow } from '../lib/use-now';
import { AddProjectDialog } from './add-project-dialog';
import { ProjectCard } from './project-card';
import { ProjectListSkeleton } from './project-list-skeleton';
import { PracticeStatus } from './practice-status';
import { ProjectsEmptyState } from './projects-empty-state';
import { RemoveProjectDialog } from './remove-project-dialog';
import { ResetPracticeDialog } from './reset-practice-dialog';
import { usePracticeRun, type PracticeRunModel } from './use-practice-run';
import type { ProjectsState } from './use-projects';

/** Props of {@link ProjectsScreen}. */
export interface ProjectsScreenProps {
  state: ProjectsState;
  selectedId: string | null;
  onRetry: () => void;
  /** Opens a project's Train screen (and selects it). */
  onOpenTrain: (project: Project) => void;
  onAdded: (project: Project) => void;
  onRemoved: (project: Project) => void;
  /** The practice project was rebuilt from scratch. */
  onPracticeReset: (project: Project) => void;
}

/**
 * The Projects screen: the header with "Add project" and the practice project, and the list in whichever
 * state it is in.
 */
export function ProjectsScreen({
  state,
  selectedId,
  onRetry,
  onOpenTrain,
  onAdded,
  onRemoved,
  onPracticeReset,
}: ProjectsScreenProps) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Project | null>(null);
  const [resetting, setResetting] = useState<Project | null>(null);
  const practice = usePracticeRun();
  const practiceProject = state.status === 'ready' ? (state.projects.find(isPracticeProject) ?? null) : null;
  const headerAddRef = useRef<HTMLButtonElement>(null);
  // The control that opened a dialog gets focus back when it closes, if it still exists.
  const openerRef = useRef<HTMLElement | null>(null);

  const rememberOpener = () => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const returnFocus = () =>
    openerRef.current?.isConnected && openerRef.current !== document.body ? openerRef.current : headerAddRef.current;

  const openAdd = () => {
    rememberOpener();
    setAdding(true);
  };

  const tryPractice = async () => {
    if (practice.state.status === 'running') return;
    const project = await practice.run('open');
    if (project) onAdded(project);
  };

  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1 className="screen__title">Projects</h1>
          <p className="screen__subtitle">The repositories you release, each with its own managed clone.</p>
        </div>
        <div className="screen__actions">
          {practiceProject ? (
            <Button icon={FlaskConical} onClick={() => onOpenTrain(practiceProject)}>
              Open the practice project
            </Button>
          ) : (
            <Button
              icon={FlaskConical}
              busy={practice.state.status === 'running'}
              aria-disabled={practice.state.status === 'running'}
              onClick={() => void tryPractice()}
            >
              Try the practice project
            </Button>
          )}
          <Button ref={headerAddRef} variant="primary" icon={Plus} onClick={openAdd}>
            Add project
          </Button>
        </div>
      </header>

      <div className="screen__body">
        <ProjectsBody
          state={state}
          selectedId={selectedId}
          onRetry={onRetry}
          onAdd={openAdd}
          practice={practice}
          onTryPractice={() => void tryPractice()}
          onOpenTrain={onOpenTrain}
          onRemove={(project) => {
            rememberOpener();
            setRemoving(project);
          }}
          onResetPractice={(project) => {
            rememberOpener();
            setResetting(project);
          }}
        />
      </div>

      <AddProjectDialog
        open={adding}
        onOpenChange={setAdding}
        onAdded={(project) => {
          // The empty state's button (if that opened the dialog) goes away with the first project.
          openerRef.current = headerAddRef.current;
          onAdded(project);
        }}
        returnFocusTo={returnFocus}
      />
      <RemoveProjectDialog
        project={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(project) => {
          // Its Remove button is about to disappear; the header stays.
          openerRef.current = headerAddRef.current;
          setRemoving(null);
          onRemoved(project);
        }}
        returnFocusTo={returnFocus}
      />
      <ResetPracticeDialog
        project={resetting}
        onClose={() => setResetting(null)}
        onReset={(project) => {
          setResetting(null);
          onPracticeReset(project);
        }}
        returnFocusTo={returnFocus}
      />
    </div>
  );
}

interface ProjectsBodyProps {
  state: ProjectsState;
  selectedId: string | null;
  onRetry: () => void;
  onAdd: () => void;
  practice: PracticeRunModel;
  onTryPractice: () => void;
  onOpenTrain: (project: Project) => void;
  onRemove: (project: Project) => void;
  onResetPractice: (project: Project) => void;
}

function ProjectsBody({
  state,
  selectedId,
  onRetry,
  onAdd,
  practice,
  onTryPractice,
  onOpenTrain,
  onRemove,
  onResetPractice,
}: ProjectsBodyProps) {
  switch (state.status) {
    case 'loading':
      return (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading projects…
          </p>
          <ProjectListSkeleton />
        </div>
      );
    case 'failed':
      return (
        <ErrorAlert
          error={{ ...state.error, message: `Could not load your projects. ${state.error.message}` }}
          action={
            <Button icon={RotateCw} onClick={onRetry}>
              Try again
            </Button>
          }
        />
      );
    case 'ready':
      if (state.projects.length === 0) {
        return (
          <ProjectsEmptyState
            onAdd={onAdd}
            onTryPractice={onTryPractice}
            practiceBusy={practice.state.status === 'running'}
          >
            <PracticeStatus state={practice.state} onDismiss={practice.dismiss} />
          </ProjectsEmptyState>
        );
      }
      return (
        <>
          {practice.state.status !== 'idle' ? (
            <div className="projects__practice-status">
              <PracticeStatus state={practice.state} onDismiss={practice.dismiss} />
            </div>
          ) : null}
          <ProjectList
            projects={state.projects}
            selectedId={selectedId}
            onOpenTrain={onOpenTrain}
            onRemove={onRemove}
            onResetPractice={onResetPractice}
          />
        </>
      );
    default:
      return assertNever(state);
  }
}

function ProjectList({
  projects,
  selectedId,
  onOpenTrain,
  onRemove,
  onResetPractice,
}: {
  projects: Project[];
  selectedId: string | null;
  onOpenTrain: (project: Project) => void;
  onRemove: (project: Project) => void;
  onResetPractice: (project: Project) => void;
}) {
  const now = useNow();
  return (
    <ul className="project-list" aria-label="Projects">
      {projects.map((project) => (
        <li key={project.id}>
          <ProjectCard
            project={project}
            selected={project.id === selectedId}
            now={now}
            onOpenTrain={onOpenTrain}
            onRemove={onRemove}
            onResetPractice={onResetPractice}
          />
        </li>
      ))}
    </ul>
  );
}
