import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Project } from '../../../shared/domain/project';
import { looksLikeRemoteUrl } from '../../../shared/domain/remote-url';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreServices } from '../../services/core-services';
import { createAddProgressDisplay } from '../add-progress';
import type { CliIo } from '../cli-io';
import { askYesNo } from '../confirm';
import { formatJson, formatProjectList, projectLabel } from '../output';

/** What the `projects` commands need; services open lazily so `--help` never touches the data directory. */
export interface ProjectsCommandDeps {
  io: CliIo;
  services: () => Promise<CoreServices>;
}

interface JsonOptions {
  json?: boolean;
}

interface RemoveOptions extends JsonOptions {
  yes?: boolean;
}

/**
 * The registry only takes absolute folders (the app's folder picker always gives one); on a command
 * line `.` or `../field-tm` is normal, so relative folders are resolved against the working directory.
 */
function toRegistrySource(source: string, cwd: () => string): string {
  const trimmed = source.trim();
  if (trimmed === '') {
    throw new AppError('INVALID_ARGUMENTS', 'Give a folder or a URL, e.g. release-desk projects add .');
  }
  return looksLikeRemoteUrl(trimmed) || isAbsolute(trimmed) ? trimmed : resolve(cwd(), trimmed);
}

/**
 * Finds the project `remove` means, by full id or `owner/repo`, the same two forms the registry accepts.
 * It is looked up here first because the confirmation has to name the exact clone that will be deleted.
 */
function findProject(projects: readonly Project[], id: string): Project {
  const wanted = id.trim().toLowerCase();
  const exact = projects.find((project) => project.id === wanted);
  if (exact) return exact;
  const byName = projects.filter((project) => projectLabel(project).toLowerCase() === wanted);
  if (byName.length > 1) {
    // The same owner/repo on github.com and on an Enterprise host: guessing could delete the wrong clone.
    throw new AppError(
      'INVALID_ARGUMENTS',
      `"${id}" matches ${byName.length} projects (${byName.map((project) => project.id).join(', ')}). Give the full id.`,
    );
  }
  const [match] = byName;
  if (!match) {
    throw new AppError('NOT_FOUND', `There is no project "${id}". Run "release-desk projects list" to see the ids.`);
  }
  return match;
}

function userCloneNote(project: Project, tense: 'is' | 'was'): string {
  return project.localPath ? `Your own clone at ${project.localPath} ${tense} not touched.\n` : '';
}

async function confirmRemoval(io: CliIo, project: Project, options: RemoveOptions): Promise<void> {
  if (options.yes) return;
  const label = projectLabel(project);
  if (!io.isTTY.stdin) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `Not removing ${label}: that deletes its managed clone at ${project.clonePath}, and there is no terminal to confirm it on. Pass --yes to remove it.`,
    );
  }
  io.stderr.write(userCloneNote(project, 'is'));
  if (!(await askYesNo(io, `Remove ${label} and delete its managed clone at ${project.clonePath}?`))) {
    throw new AppError('CANCELLED', `Cancelled: ${label} was not removed.`);
  }
}

/** Adds `projects list|add|remove` to the program. */
export function addProjectsCommand(program: Command, deps: ProjectsCommandDeps): void {
  const { io } = deps;
  const projects = program
    .command('projects')
    .description('list, add and remove the projects Release Desk manages')
    .addHelpText(
      'after',
      '\nExamples:\n  release-desk projects add ~/code/field-tm\n  release-desk projects add https://github.com/hotosm/field-tm\n  release-desk projects remove hotosm/field-tm --yes',
    );

  projects
    .command('list')
    .description('list the projects')
    .option('--json', 'print a JSON array of projects')
    .action(async (options: JsonOptions) => {
      const list = (await deps.services()).registry.list();
      io.stdout.write(options.json ? formatJson(list) : formatProjectList(list));
    });

  projects
    .command('add')
    .description('add a project from a local clone or a GitHub URL, and make its managed clone')
    .argument('<folder-or-url>', 'a folder of a git clone with a GitHub remote, or a GitHub URL')
    .option('--json', 'print the added project as JSON')
    .action(async (source: string, options: JsonOptions) => {
      const registrySource = toRegistrySource(source, io.cwd);
      const progress = createAddProgressDisplay(io.stderr, io.isTTY.stderr);
      let project: Project;
      try {
        project = await (await deps.services()).registry.add(registrySource, progress.onProgress);
      } finally {
        progress.finish();
      }
      if (options.json) {
        io.stdout.write(formatJson(project));
        return;
      }
      io.stdout.write(
        `Added ${projectLabel(project)} (${project.repository.host}) — managed clone at ${project.clonePath}\n` +
          (project.localPath
            ? `Your own clone at ${project.localPath} stays as it is: Release Desk works only in the managed clone.\n`
            : ''),
      );
    });

  projects
    .command('remove')
    .description('remove a project and delete its managed clone (your own clone is never touched)')
    .argument('<id>', 'the project id (github.com/owner/repo) or owner/repo')
    .option('-y, --yes', 'do not ask for confirmation (needed when stdin is not a terminal)')
    .option('--json', 'print the removed project as JSON')
    .action(async (id: string, options: RemoveOptions) => {
      const { registry } = await deps.services();
      const project = findProject(registry.list(), id);
      await confirmRemoval(io, project, options);
      const removed = await registry.remove(project.id);
      if (options.json) {
        io.stdout.write(formatJson(removed));
        return;
      }
      io.stdout.write(
        `Removed ${projectLabel(removed)} and deleted its managed clone at ${removed.clonePath}.\n` +
          userCloneNote(removed, 'was'),
      );
    });
}
