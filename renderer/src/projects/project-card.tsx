import { FolderGit2, TrainFront, Trash2 } from 'lucide-react';
import type { Project } from '../../../shared/domain/project';
import { Button, IconButton } from '../components/button';
import { formatRelativeTime } from '../lib/relative-time';

/** Props of {@link ProjectCard}. */
export interface ProjectCardProps {
  project: Project;
  selected: boolean;
  now: Date;
  onOpenTrain: (project: Project) => void;
  onRemove: (project: Project) => void;
}

/** One project in the list: what it is, where it came from, where its managed clone lives. */
export function ProjectCard({ project, selected, now, onOpenTrain, onRemove }: ProjectCardProps) {
  const { repository } = project;
  const fullName = `${repository.owner}/${repository.repo}`;
  const added = formatRelativeTime(project.addedAt, now);
  const titleId = `project-${project.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  return (
    <article
      className={selected ? 'project-card project-card--selected' : 'project-card'}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
    >
      <header className="project-card__header">
        <span className="project-card__avatar" aria-hidden="true">
          <FolderGit2 />
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
            {repository.kind === 'enterprise' ? <span className="badge">GitHub Enterprise</span> : null}
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
        <dt>Added</dt>
        <dd>
          <time dateTime={project.addedAt} title={added.full}>
            {added.label}
          </time>
        </dd>
      </dl>
    </article>
  );
}
