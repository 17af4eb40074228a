import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/ipc/errors';
import { loadEffectiveConfig } from '../../services/config/config-loader';
import type { CoreServices } from '../../services/core-services';
import { openRepository } from '../../services/git/git-repository';
import { readTrainGitHub } from '../../services/train/train-github';
import { trainReportForRepository, type TrainReport } from '../../services/train/train-service';
import { openGitHubTarget } from '../github-target';
import type { CliIo } from '../cli-io';
import { formatJson } from '../output';
import { githubStatusText, statusJson, statusText } from '../status-output';

/** What the `status` and `config` commands need. */
export interface StatusCommandDeps {
  io: CliIo;
  services: () => Promise<CoreServices>;
  /** The app's empty hooks folder, found without opening the settings (commands on `--repo` need no more). */
  hooksDir: () => string;
}

interface RepoOptions {
  apiUrl?: string;
  github?: boolean;
  repo?: string;
  project?: string;
  config?: string;
  fetch?: boolean;
  json?: boolean;
}

function requireOneTarget(options: RepoOptions): void {
  if (!options.repo === !options.project) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      'Give either --repo DIR (any clone or bare repository) or --project ID (an added project).',
    );
  }
}

/** Adds `status` and `config check`: where the train stands, and which config is in force. */
export function addStatusCommands(program: Command, deps: StatusCommandDeps): void {
  const { io } = deps;
  const absolute = (path: string): string => resolve(io.cwd(), path);

  program
    .command('status')
    .description('show where the release train stands: lanes, waiting PRs, back-merge debt, last release')
    .option('--repo <dir>', 'a clone or bare repository to read (nothing is fetched or changed)')
    .option('--project <id>', 'an added project, read from its managed clone')
    .option('--config <file>', 'a .release-desk.yml to use instead of the repository’s own')
    .option('--fetch', 'with --project: fetch from the remote first')
    .option('--github', 'with --repo: add deploys, CI and PRs from GitHub (token from GITHUB_TOKEN or the keychain)')
    .option('--api-url <url>', 'the GitHub API to ask (GitHub Enterprise, or the practice server); implies --github')
    .option('--json', 'print JSON')
    .action(async (options: RepoOptions) => {
      requireOneTarget(options);
      const wantsGitHub = options.github === true || options.apiUrl !== undefined;
      if (wantsGitHub && options.project) {
        throw new AppError(
          'INVALID_ARGUMENTS',
          '--github and --api-url go with --repo; an added project uses its connected account in the app.',
        );
      }
      const report = options.project
        ? await (await deps.services()).train.forProject(options.project, { fetch: options.fetch === true })
        : await trainReportForRepository(absolute(options.repo as string), {
            hooksDir: deps.hooksDir(),
            ...(options.config ? { configFile: absolute(options.config) } : {}),
          });
      const github = wantsGitHub ? await readGitHub(absolute(options.repo as string), options.apiUrl, report) : null;
      if (options.json) {
        io.stdout.write(formatJson(github ? { ...(statusJson(report) as object), github } : statusJson(report)));
        return;
      }
      io.stdout.write(statusText(report) + (github ? githubStatusText(github) : ''));
    });

  const readGitHub = async (dir: string, apiUrl: string | undefined, report: TrainReport) => {
    const target = await openGitHubTarget({ dir, apiUrl, env: io.env, hooksDir: deps.hooksDir() });
    return readTrainGitHub(target.client, {
      repo: { owner: target.owner, repo: target.repo },
      host: target.host,
      status: report.status,
      deployWorkflows: report.deployWorkflows,
    });
  };

  program
    .command('config')
    .description('work with the project config (.release-desk.yml)')
    .command('check')
    .description('print the effective config, or the errors that stop it from loading')
    .requiredOption('--repo <dir>', 'a clone or bare repository')
    .option('--config <file>', 'a .release-desk.yml to use instead of the repository’s own')
    .option('--json', 'print JSON')
    .action(async (options: RepoOptions) => {
      const repo = openRepository(absolute(options.repo as string), { hooksDir: deps.hooksDir() });
      const effective = await loadEffectiveConfig(repo, options.config ? absolute(options.config) : undefined);
      const document = {
        sources: effective.sources,
        config: effective.config,
        versionFiles: effective.versionFiles,
        ignoredTagFormats: effective.ignoredTagFormats,
      };
      if (options.json) {
        io.stdout.write(formatJson(document));
        return;
      }
      const from = effective.sources.file ?? 'defaults (no .release-desk.yml)';
      const commitizen = effective.sources.commitizen
        ? `, commitizen settings from ${effective.sources.commitizen}`
        : '';
      io.stdout.write(`Config OK: ${from}${commitizen}\n${formatJson(document)}`);
    });
}
