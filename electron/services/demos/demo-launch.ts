import type { ProjectConfig } from '../../../shared/domain/config/project-config';
import type { Project } from '../../../shared/domain/project';
import { AppError } from '../../../shared/ipc/errors';
import { CONFIG_FILE_NAME, loadEffectiveConfig } from '../config/config-loader';
import { openRepository } from '../git/git-repository';
import { readBundledDemoScript } from './bundled-script';

/** What launching a demo of a project needs, read from its managed clone. */
export interface DemoLaunchSettings {
  /** The project's `demos` config. */
  demos: ProjectConfig['demos'];
  /** The config file it came from, for messages. */
  configName: string;
  /** The script to upload: the project's `demos.script`, or the bundled `feature-demo.sh`. */
  script: string;
}

/** The `demos` config of a project (from its managed clone's default branch, or its `configFile`). */
export async function loadDemosConfig(
  project: Project,
  hooksDir: string,
): Promise<{ demos: ProjectConfig['demos']; configName: string; repoRef: string | null }> {
  const repo = openRepository(project.clonePath, { hooksDir });
  const effective = await loadEffectiveConfig(repo, project.configFile ?? undefined);
  return {
    demos: effective.config.demos,
    configName: effective.sources.file ?? CONFIG_FILE_NAME,
    repoRef: await repo.resolveCommit('HEAD'),
  };
}

/**
 * Reads what a launch needs and refuses early, naming the config field, when the project cannot launch
 * demos over SSH: no deploy command (the script would run nothing), workflow mode, or a project script
 * that is missing or outside the repository.
 */
export async function loadDemoLaunch(project: Project, hooksDir: string): Promise<DemoLaunchSettings> {
  const { demos, configName, repoRef } = await loadDemosConfig(project, hooksDir);
  if (demos.mode === 'workflow') {
    throw new AppError(
      'CONFIG_INVALID',
      `${configName} sets demos.mode to workflow: this project's demos run from a push of feature-demo/<name>, not over SSH.`,
    );
  }
  if (!demos.deployCommand) {
    throw new AppError(
      'CONFIG_INVALID',
      `${configName} has no demos.deployCommand, so a demo would run nothing. Add the command that starts the product, e.g. \`deployCommand: docker compose up -d\`.`,
    );
  }
  if (!demos.script) return { demos, configName, script: await readBundledDemoScript() };
  const path = demos.script.replace(/^\.\//, '');
  if (path.startsWith('/') || path.split('/').includes('..')) {
    throw new AppError('CONFIG_INVALID', `demos.script in ${configName} must be a path inside the repository.`);
  }
  const script = repoRef ? await openRepository(project.clonePath, { hooksDir }).readFile(repoRef, path) : null;
  if (script === null) {
    throw new AppError(
      'CONFIG_INVALID',
      `demos.script in ${configName} names ${path}, which is not on the default branch of ${project.name}.`,
    );
  }
  return { demos, configName, script };
}

/** The demo's URL from `urlTemplate` (`{name}` replaced), or empty when the deploy prints it. */
export function demoUrlOf(demos: ProjectConfig['demos'], name: string): string {
  return demos.urlTemplate ? demos.urlTemplate.replaceAll('{name}', name) : '';
}
