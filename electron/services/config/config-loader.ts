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
import type { RefEntry } from '../git/log-format';
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

/** Local and remote-tracking refs that stand for the default branch when HEAD does not resolve. */
const DEFAULT_BRANCH_REFS = ['refs/remotes/origin/HEAD', 'refs/heads/main', 'refs/heads/master'];

function shaOf(refs: readonly RefEntry[], names: readonly string[]): string | null {
  for (const name of names) {
    const found = refs.find((ref) => ref.name === name);
    if (found) return found.sha;
  }
  return null;
}

async function readTeamConfig(repo: GitRepository, refs: readonly RefEntry[], configFile?: string) {
  if (configFile) {
    const text = await readFile(configFile, 'utf8').catch(() => {
      throw new AppError('NOT_FOUND', `The config file "${configFile}" could not be read. Check the path.`);
    });
    return { config: parseProjectConfig(text, configFile), file: configFile as string | null };
  }
  // The default branch: HEAD, or (in a mirror whose HEAD dangles) origin/HEAD, main or master.
  const defaultRef = (await repo.resolveCommit('HEAD')) ?? shaOf(refs, DEFAULT_BRANCH_REFS);
  const text = defaultRef ? await repo.readFile(defaultRef, CONFIG_FILE_NAME) : null;
  return { config: parseProjectConfig(text ?? '', CONFIG_FILE_NAME), file: text === null ? null : CONFIG_FILE_NAME };
}

async function readCommitizen(repo: GitRepository, ref: string | null): Promise<CommitizenSettings | null> {
  for (const candidate of ref ? pyprojectCandidates(await repo.listFiles(ref)) : []) {
    const text = await repo.readFile(ref as string, candidate);
    const settings = text ? readCommitizenSettings(candidate, text) : null;
    if (settings) return settings;
  }
  return null;
}

/**
 * Loads the effective config of a repository: `--config FILE` when given (it replaces the repository's
 * file), else `.release-desk.yml` on the default branch, else the defaults. Commitizen's settings are
 * read from the release (main) branch, where the version files are compared with the tags. `refs` is
 * the caller's `repo.refs()`, listed once and shared, and the two reads run side by side.
 */
export async function loadEffectiveConfig(
  repo: GitRepository,
  configFile?: string,
  knownRefs?: readonly RefEntry[],
): Promise<EffectiveConfig> {
  const refs = knownRefs ?? (await repo.refs());
  const teamConfig = readTeamConfig(repo, refs, configFile);
  // The release branch is named by the config, but it is `main` in the defaults and nearly always:
  // start reading commitizen's settings from it at once, and again only if the config names another.
  const releaseRefOf = (main: string): string | null =>
    shaOf(refs, [`refs/remotes/origin/${main}`, `refs/heads/${main}`]) ?? shaOf(refs, DEFAULT_BRANCH_REFS);
  const guessed = releaseRefOf('main');
  const commitizenFromMain = readCommitizen(repo, guessed);
  // Not awaited when the config names another release branch: its failure must not go unhandled.
  commitizenFromMain.catch(() => undefined);
  const { config, file } = await teamConfig;
  const releaseRef = releaseRefOf(config.branches.main);
  const commitizen = releaseRef === guessed ? await commitizenFromMain : await readCommitizen(repo, releaseRef);

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
