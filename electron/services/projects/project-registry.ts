import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { acquireAddLock, removeStaleScratch } from './add-lock';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AddProjectProgress, Project } from '../../../shared/domain/project';
import { PRACTICE_HOST } from '../../../shared/domain/github/github-account';
import {
  looksLikeRemoteUrl,
  parseRemoteUrl,
  repositoryId,
  type RepositoryRef,
} from '../../../shared/domain/remote-url';
import { AppError } from '../../../shared/ipc/errors';
import type { GitService } from '../git/git-service';
import { pickPrimaryRemote } from '../git/remotes';
import { dataLayout } from '../paths/app-paths';
import type { SettingsStore } from '../settings/settings-store';

/** Receives progress while a project is added. */
export type AddProgressListener = (progress: Omit<AddProjectProgress, 'operationId'>) => void;

/** The projects a user releases: add (with a managed clone), list, remove. */
export interface ProjectRegistry {
  list(): Project[];
  add(source: string, onProgress?: AddProgressListener): Promise<Project>;
  /**
   * Adds the practice project: a managed clone of the sandbox's bare repository, labelled with the
   * sandbox folder. Replaces an earlier practice project of the same repository (a reset).
   */
  addPractice(practice: PracticeSource, onProgress?: AddProgressListener): Promise<Project>;
  /**
   * Adds a project whose remote does not name its GitHub repository (a bare repository that a
   * GitHub-compatible server serves, given to the command line with `--api-url`): `ref` names it.
   */
  addFromRemote(remoteUrl: string, ref: RepositoryRef, onProgress?: AddProgressListener): Promise<Project>;
  remove(id: string): Promise<Project>;
  /** Points a project at a config file outside its repository (null: use the repository's own). */
  setConfigFile(id: string, configFile: string | null): Project;
}

/** Where a practice project comes from: its sandbox and the bare repository the sandbox serves. */
export interface PracticeSource {
  sandboxDir: string;
  /** The bare repository's path: the managed clone's origin. */
  remote: string;
  owner: string;
  repo: string;
}

/** What the registry is built from. */
export interface ProjectRegistryDeps {
  dataDir: string;
  git: GitService;
  settings: SettingsStore;
  now?: () => Date;
}

/**
 * Creates the project registry. Adding is all-or-nothing: the clone is made in a scratch folder and
 * moved into place, and the project is saved only after that succeeds, so a failure leaves nothing behind.
 */
export function createProjectRegistry(deps: ProjectRegistryDeps): ProjectRegistry {
  const layout = dataLayout(deps.dataDir);
  const now = deps.now ?? (() => new Date());
  removeStaleScratch(layout.incomingDir, now());

  /**
   * Finds a project by its full id (`host/owner/repo`) or by `owner/repo`. The short form must be
   * unambiguous: the same repository may be added from github.com and from an Enterprise host.
   */
  const findById = (id: string): Project | undefined => {
    const wanted = id.toLowerCase();
    const projects = deps.settings.get('projects');
    const exact = projects.find((project) => project.id === wanted);
    if (exact) return exact;
    const short = projects.filter(
      (project) => `${project.repository.owner}/${project.repository.repo}`.toLowerCase() === wanted,
    );
    if (short.length > 1) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `"${id}" matches more than one project (${short.map((project) => project.id).join(', ')}). Use the full id.`,
      );
    }
    return short[0];
  };

  const resolveSource = async (source: string): Promise<{ remoteUrl: string; localPath: string | null }> => {
    const trimmed = source.trim();
    if (looksLikeRemoteUrl(trimmed)) return { remoteUrl: trimmed, localPath: null };
    if (!isAbsolute(trimmed)) {
      throw new AppError(
        'NOT_A_REPOSITORY',
        `"${trimmed}" is neither an absolute folder path nor a remote URL. Choose a folder, or paste a URL such as https://github.com/OWNER/REPO.`,
      );
    }
    const localPath = resolve(trimmed);
    await deps.git.assertRepository(localPath).catch((error: unknown) => {
      // Name the folder: git's own wording says only "not a git repository".
      if (error instanceof AppError && error.code === 'NOT_A_REPOSITORY' && !error.message.includes(localPath)) {
        throw new AppError(
          'NOT_A_REPOSITORY',
          `"${localPath}" is not a git repository. Choose the folder of a clone (the one that contains .git).`,
          error.detail,
        );
      }
      throw error;
    });
    const remote = pickPrimaryRemote(await deps.git.listRemotes(localPath));
    if (!remote) {
      throw new AppError(
        'NO_REMOTE',
        `The repository at "${localPath}" has no remote. Add its GitHub remote first (git remote add origin https://github.com/OWNER/REPO.git), or add the project by URL.`,
      );
    }
    return { remoteUrl: remote.url, localPath };
  };

  /** Clones `remoteUrl` into the managed clone's place (all or nothing) and saves the project. */
  const addClone = async (
    source: { remoteUrl: string; localPath: string | null; ref: RepositoryRef; practice: Project['practice'] },
    onProgress?: AddProgressListener,
  ): Promise<Project> => {
    const { remoteUrl, localPath, ref } = source;
    const id = repositoryId(ref);
    const clonePath = join(layout.projectsDir, ref.host.replace(':', '_'), ref.owner, ref.repo);
    const scratch = join(layout.incomingDir, randomUUID());
    await mkdir(layout.incomingDir, { recursive: true });
    const releaseLock = await acquireAddLock(layout.incomingDir, id, `${ref.owner}/${ref.repo}`);
    try {
      onProgress?.({ stage: 'cloning', percent: 0 });
      await deps.git.clone(remoteUrl, scratch, (progress) =>
        onProgress?.({ stage: 'cloning', percent: progress.percent, detail: progress.phase }),
      );
      onProgress?.({ stage: 'saving' });
      // A leftover from an earlier removal that was interrupted, or the practice project being reset:
      // it is ours, inside the data dir.
      if (existsSync(clonePath)) await rm(clonePath, { recursive: true, force: true });
      await mkdir(join(clonePath, '..'), { recursive: true });
      await rename(scratch, clonePath);
    } finally {
      await rm(scratch, { recursive: true, force: true });
      await releaseLock();
    }

    const project: Project = {
      id,
      name: ref.repo,
      remoteUrl,
      repository: ref,
      localPath,
      clonePath,
      addedAt: now().toISOString(),
      configFile: null,
      practice: source.practice,
    };
    // Re-read before writing: the CLI and the app may both have changed the list meanwhile.
    deps.settings.set('projects', [...deps.settings.get('projects').filter((p) => p.id !== id), project]);
    onProgress?.({ stage: 'done', percent: 100 });
    return project;
  };

  return {
    list: () => deps.settings.get('projects'),

    async add(source, onProgress) {
      onProgress?.({ stage: 'checking' });
      const { remoteUrl, localPath } = await resolveSource(source);
      const parsed = parseRemoteUrl(remoteUrl);
      if (!parsed.ok) {
        const origin = localPath ? `The remote of "${localPath}" is ${remoteUrl}. ` : '';
        throw new AppError('UNSUPPORTED_REMOTE', `${origin}${parsed.reason}`);
      }
      if (findById(repositoryId(parsed.ref))) {
        throw new AppError(
          'ALREADY_ADDED',
          `${parsed.ref.owner}/${parsed.ref.repo} is already in your projects. Select it in the list instead of adding it again.`,
        );
      }
      return addClone({ remoteUrl, localPath, ref: parsed.ref, practice: null }, onProgress);
    },

    async addPractice(practice, onProgress) {
      onProgress?.({ stage: 'checking' });
      const ref: RepositoryRef = { kind: 'practice', host: PRACTICE_HOST, owner: practice.owner, repo: practice.repo };
      return addClone(
        { remoteUrl: practice.remote, localPath: null, ref, practice: { sandboxDir: practice.sandboxDir } },
        onProgress,
      );
    },

    async addFromRemote(remoteUrl, ref, onProgress) {
      onProgress?.({ stage: 'checking' });
      const source = remoteUrl.trim();
      if (source === '' || source.startsWith('-') || (!looksLikeRemoteUrl(source) && !isAbsolute(source))) {
        throw new AppError('INVALID_ARGUMENTS', `"${remoteUrl}" is neither an absolute path nor a remote URL.`);
      }
      // The names become folders of the managed clone: the URL parser's rules keep them to safe names.
      const checked = parseRemoteUrl(`https://${ref.host}/${ref.owner}/${ref.repo}`);
      if (!checked.ok) throw new AppError('UNSUPPORTED_REMOTE', checked.reason);
      const named: RepositoryRef = { ...checked.ref, kind: ref.kind };
      if (findById(repositoryId(named))) {
        throw new AppError(
          'ALREADY_ADDED',
          `${named.owner}/${named.repo} is already in your projects. Select it in the list instead of adding it again.`,
        );
      }
      return addClone({ remoteUrl: source, localPath: null, ref: named, practice: null }, onProgress);
    },

    setConfigFile(id, configFile) {
      const project = findById(id);
      if (!project) throw new AppError('NOT_FOUND', `There is no project "${id}".`);
      if (configFile !== null && !isAbsolute(configFile)) {
        throw new AppError('INVALID_ARGUMENTS', `The config file must be an absolute path, not "${configFile}".`);
      }
      const updated = { ...project, configFile };
      deps.settings.set(
        'projects',
        deps.settings.get('projects').map((p) => (p.id === project.id ? updated : p)),
      );
      return updated;
    },

    async remove(id) {
      const project = findById(id);
      if (!project) {
        throw new AppError(
          'NOT_FOUND',
          `There is no project "${id}". It may have been removed already; check the project list.`,
        );
      }
      deps.settings.set(
        'projects',
        deps.settings.get('projects').filter((p) => p.id !== project.id),
      );
      // Only ever delete the managed clone, and only when it really is inside our projects folder:
      // the user's own clone (localPath) is never touched.
      const inside = relative(layout.projectsDir, project.clonePath);
      if (inside && !inside.startsWith('..') && !isAbsolute(inside)) {
        await rm(project.clonePath, { recursive: true, force: true });
      }
      return project;
    },
  };
}
