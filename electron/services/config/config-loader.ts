import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import {
  describeConfigIssues,
  projectConfigSchema,
  type ConfigSources,
  type ProjectConfig,
} from '../../../shared/domain/config/project-config';
import { AppError } from '../../../shared/ipc/errors';
import type { GitRepository } from '../git/git-repository';
import {
  parseVersionFileSpec,
  readCommitizenSettings,
  type CommitizenSettings,
  type VersionFileSpec,
} from './commitizen';

/** The config file's name at the repository root. */
export const CONFIG_FILE_NAME = '.release-desk.yml';

/** The config in force for a repository, with what it was derived from. */
export interface EffectiveConfig {
  config: ProjectConfig;
  /** Version files from the config, or else from commitizen. */
  versionFiles: VersionFileSpec[];
  /** Tag families that are not releases: the config's plus commitizen's `ignored_tag_formats`. */
  ignoredTagFormats: string[];
  commitizen: CommitizenSettings | null;
  sources: ConfigSources;
}

/**
 * Parses and validates config text. A YAML error names the line; a schema error names each field and,
 * for a choice, the allowed values.
 */
export function parseProjectConfig(text: string, source: string): ProjectConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new AppError(
      'CONFIG_INVALID',
      `${source} is not valid YAML${where}. Fix the file and try again.`,
      error instanceof Error ? error.message : undefined,
    );
  }
  const parsed = projectConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = describeConfigIssues(parsed.error);
    throw new AppError(
      'CONFIG_INVALID',
      `${source} has ${problems.length === 1 ? 'an invalid field' : 'invalid fields'}:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
    );
  }
  return parsed.data;
}

/** pyproject.toml files near the root (commitizen is configured at most a few folders down). */
function pyprojectCandidates(files: string[]): string[] {
  return files
    .filter((path) => path === 'pyproject.toml' || path.endsWith('/pyproject.toml'))
    .filter((path) => path.split('/').length <= 4)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

/** Refs tried, in order, for the team's config file: the default branch first. */
const CONFIG_REFS = ['HEAD', 'refs/remotes/origin/HEAD', 'main', 'master'];

async function firstResolvable(repo: GitRepository, refs: readonly string[]): Promise<string | null> {
  for (const ref of refs) {
    const sha = await repo.resolveCommit(ref);
    if (sha) return sha;
  }
  return null;
}

/**
 * Loads the effective config of a repository: `--config FILE` when given (it replaces the repository's
 * file), else `.release-desk.yml` on the default branch, else the defaults. Commitizen's settings are
 * then read from the release (main) branch, where the version files are compared with the tags.
 */
export async function loadEffectiveConfig(repo: GitRepository, configFile?: string): Promise<EffectiveConfig> {
  const defaultRef = await firstResolvable(repo, CONFIG_REFS);
  let config: ProjectConfig;
  let file: string | null = null;
  if (configFile) {
    const text = await readFile(configFile, 'utf8').catch(() => {
      throw new AppError('NOT_FOUND', `The config file "${configFile}" could not be read. Check the path.`);
    });
    config = parseProjectConfig(text, configFile);
    file = configFile;
  } else {
    const text = defaultRef ? await repo.readFile(defaultRef, CONFIG_FILE_NAME) : null;
    config = parseProjectConfig(text ?? '', CONFIG_FILE_NAME);
    file = text === null ? null : CONFIG_FILE_NAME;
  }

  const main = config.branches.main;
  const releaseRef = await firstResolvable(repo, [`refs/remotes/origin/${main}`, `refs/heads/${main}`]);
  const ref = releaseRef ?? defaultRef;
  let commitizen: CommitizenSettings | null = null;
  for (const candidate of ref ? pyprojectCandidates(await repo.listFiles(ref)) : []) {
    const text = await repo.readFile(ref as string, candidate);
    commitizen = text ? readCommitizenSettings(candidate, text) : null;
    if (commitizen) break;
  }

  const configured = config.versionFiles
    .map((spec) => parseVersionFileSpec(spec))
    .filter((spec): spec is VersionFileSpec => spec !== null);
  return {
    config,
    versionFiles: configured.length > 0 ? configured : (commitizen?.versionFiles ?? []),
    ignoredTagFormats: [...new Set([...config.versioning.ignoredTagFormats, ...(commitizen?.ignoredTagFormats ?? [])])],
    commitizen,
    sources: { file, commitizen: commitizen?.file ?? null },
  };
}
