import type { Project } from '../../../shared/domain/project';

/** True for the practice project: it lives on the app's own GitHub-compatible server, not a real GitHub. */
export function isPracticeProject(project: Project): boolean {
  return Boolean(project.practice) || project.repository.kind === 'practice';
}
