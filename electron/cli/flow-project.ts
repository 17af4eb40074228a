import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parseGitHubEndpoint } from '../../shared/domain/github/github-account';
import type { Project } from '../../shared/domain/project';
import { looksLikeRemoteUrl, parseRemoteUrl, repositoryId, type RepositoryRef } from '../../shared/domain/remote-url';
import { AppError } from '../../shared/ipc/errors';
import type { GitService } from '../services/git/git-service';
import { pickPrimaryRemote } from '../services/git/remotes';
import type { AddProgressListener, ProjectRegistry } from '../services/projects/project-registry';

/** What {@link projectForRepo} needs. */
export interface FlowProjectInput {
  /** `--repo` as typed: a clone, a bare repository, or a remote URL. */
  repo: string;
  /** The folder a relative `--repo` is resolved against. */
  cwd: string;
  /** `--api-url`, already checked; names the host of a bare repository without a GitHub remote. */
  apiUrl: string | undefined;
  registry: ProjectRegistry;
  git: GitService;
  onProgress?: AddProgressListener;
}

/** The project a flow runs on, and whether it was added just now. */
export interface FlowProject {
  project: Project;
  added: boolean;
}

/** Where a `--repo` leads: a remote and the repository it names (or the registry's own parse of a source). */
type RepoSource =
  | { kind: 'github'; remoteUrl: string; ref: RepositoryRef; addFrom: string }
  | { kind: 'served'; remoteUrl: string; ref: RepositoryRef };

/** The registered project of `source`: the same remote, or the same repository however it is spelled. */
function findProject(projects: readonly Project[], source: RepoSource): Project | undefined {
  const wanted = repositoryId(source.ref);
  return (
    projects.find((project) => project.remoteUrl === source.remoteUrl) ??
    projects.find((project) => repositoryId(project.repository) === wanted)
  );
}

/**
 * A bare repository (or a clone of one) that no GitHub URL names, as `sandbox serve` prints it: the
 * repository is `.../OWNER/REPO.git`, on the host of `--api-url`, reached with the token of the environment.
 */
function servedSource(path: string, apiUrl: string | undefined, shown: string): RepoSource {
  if (!apiUrl) {
    throw new AppError(
      'UNSUPPORTED_REMOTE',
      `${shown} has no GitHub remote, so Release Desk cannot tell which repository it is. Give --api-url (the GitHub-compatible server that serves it; the path must end in OWNER/REPO.git), or add its GitHub remote.`,
    );
  }
  const endpoint = parseGitHubEndpoint(apiUrl);
  if (!endpoint.ok) throw new AppError('INVALID_ARGUMENTS', `--api-url: ${endpoint.reason}`);
  const owner = basename(dirname(path));
  const repo = basename(path).replace(/\.git$/, '');
  // The URL parser's rules for owner and repository names, so nothing odd reaches a folder name or git.
  const named = parseRemoteUrl(`https://${endpoint.endpoint.host}/${owner}/${repo}`);
  if (!named.ok) {
    throw new AppError('UNSUPPORTED_REMOTE', `${path} does not end in OWNER/REPO.git: ${named.reason}`);
  }
  return { kind: 'served', remoteUrl: path, ref: { ...named.ref, kind: 'enterprise' } };
}

/** Reads what `--repo` points at without changing anything. */
async function sourceOf(input: FlowProjectInput): Promise<RepoSource> {
  const typed = input.repo.trim();
  if (typed === '') throw new AppError('INVALID_ARGUMENTS', 'Give --repo: a clone, a bare repository or a URL.');
  if (looksLikeRemoteUrl(typed)) {
    const parsed = parseRemoteUrl(typed);
    if (!parsed.ok) throw new AppError('UNSUPPORTED_REMOTE', parsed.reason);
    return { kind: 'github', remoteUrl: typed, ref: parsed.ref, addFrom: typed };
  }
  const path = resolve(input.cwd, typed);
  await input.git.assertRepository(path);
  const remote = pickPrimaryRemote(await input.git.listRemotes(path));
  const parsed = remote ? parseRemoteUrl(remote.url) : null;
  if (remote && parsed?.ok) return { kind: 'github', remoteUrl: remote.url, ref: parsed.ref, addFrom: path };
  // A clone of a served bare repository follows that repository; a bare one with no remote is itself it.
  const served = remote && isAbsolute(remote.url) ? remote.url : path;
  return servedSource(served, input.apiUrl, path);
}

/**
 * The registered project `--repo` means, adding it (with its managed clone) when it is not there yet:
 * flows work only in the app-managed clone, never in the folder given.
 */
export async function projectForRepo(input: FlowProjectInput): Promise<FlowProject> {
  const source = await sourceOf(input);
  const known = findProject(input.registry.list(), source);
  if (known) return { project: known, added: false };
  const project =
    source.kind === 'github'
      ? await input.registry.add(source.addFrom, input.onProgress)
      : await input.registry.addFromRemote(source.remoteUrl, source.ref, input.onProgress);
  return { project, added: true };
}

/** `--api-url` as the API root the GitHub client uses, or INVALID_ARGUMENTS saying what to type. */
export function checkedApiUrl(apiUrl: string | undefined): string | undefined {
  if (apiUrl === undefined) return undefined;
  const parsed = parseGitHubEndpoint(apiUrl);
  if (!parsed.ok) throw new AppError('INVALID_ARGUMENTS', `--api-url: ${parsed.reason}`);
  return parsed.endpoint.apiUrl;
}
