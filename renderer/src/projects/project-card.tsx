import { FlaskConical, FolderGit2, RotateCcw, TrainFront, Trash2 } from 'lucide-react';
import type { Project } from '../../../shared/domain/project';
import { Button, IconButton } from '../components/button';
import { isPracticeProject } from '../lib/practice';
import { formatRelativeTime } from '../lib/relative-time';

/** Props of {@link ProjectCard}. */
export interface ProjectCardProps {
  project: Project;
  selected: boolean;
  now: Date;
  onOpenTrain: (project: Project) => void;
  onRemove: (project: Project) => void;
  /** Asks to rebuild the practice project (the caller confirms first); only the practice card offers it. */
  onResetPractice: (project: Project) => void;
}

/** One project in the list: what it is, where it came from, where its managed clone lives. */
export function ProjectCard({ project, selected, now, onOpenTrain, onRemove, onResetPractice }: ProjectCardProps) {
  const { repository } = project;
  const fullName = `${repository.owner}/${repository.repo}`;
  const added = formatRelativeTime(project.addedAt, now);
  const titleId = `project-${project.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const practice = isPracticeProject(project);

  return (
    <article
      className={selected ? 'project-card project-card--selected' : 'project-card'}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
    >
      <header className="project-card__header">
        <span className="project-card__avatar" aria-hidden="true">
          {practice ? <FlaskConical /> : <FolderGit2 />}
        </span>
        <div className="project-card__identity">
          <h2 className="project-card__name" id={titleId}>
            {project.name}
          </h2>
          <p className="project-card__repo">
            <span>{fullName}</span>
            <span className="project-card__dot" aria-hidden="true">
              ·
            </span>
            <span>{repository.host}</span>
            {practice ? (
              <span className="badge">Practice</span>
            ) : repository.kind === 'enterprise' ? (
              <span className="badge">GitHub Enterprise</span>
            ) : null}
          </p>
        </div>
        <Button icon={TrainFront} onClick={() => onOpenTrain(project)} aria-label={`Open train of ${fullName}`}>
          Open train
        </Button>
        <IconButton
          icon={Trash2}
          variant="danger-ghost"
          aria-label={`Remove ${fullName}`}
          onClick={() => onRemove(project)}
        />
      </header>
      <dl className="project-card__facts">
        <dt>{project.localPath ? 'Added from' : 'Added from URL'}</dt>
        <dd>
          <span className="path" title={project.localPath ?? project.remoteUrl}>
            {project.localPath ?? project.remoteUrl}
          </span>
        </dd>
        <dt>Managed clone</dt>
        <dd>
          <span className="path" title={project.clonePath}>
            {project.clonePath}
          </span>
        </dd>
        {project.practice ? (
          <>
            <dt>Practice sandbox</dt>
            <dd>
              <span className="path" title={project.practice.sandboxDir}>
                {project.practice.sandboxDir}
              </span>
            </dd>
          </>
        ) : null}
        <dt>Added</dt>
        <dd>
          <time dateTime={project.addedAt} title={added.full}>
            {added.label}
          </time>
        </dd>
      </dl>
      {practice ? (
        <div className="project-card__practice">
          <p className="project-card__practice-text">
            A sandbox on this machine: its GitHub is Release Desk&apos;s own server, so nothing here reaches a real
            repository.
          </p>
          <Button icon={RotateCcw} onClick={() => onResetPractice(project)}>
            Reset practice project…
          </Button>
        </div>
      ) : null}
    </article>
  );
}
