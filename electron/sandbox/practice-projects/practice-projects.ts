import { join } from 'node:path';
import { PRACTICE_HOST, type ConnectResult } from '../../../shared/domain/github/github-account';
import type { Project } from '../../../shared/domain/project';
import { AppError } from '../../../shared/ipc/errors';
import type { AddProgressListener, ProjectRegistry } from '../../services/projects/project-registry';
import { KeychainUnavailableError } from '../../services/secrets/keychain-errors';
import { githubTokenAccount } from '../../services/secrets/secret-accounts';
import type { SecretStore } from '../../services/secrets/secret-store';
import {
  createPracticeSandbox,
  readPracticeSandbox,
  servePracticeSandbox,
  type ServedPracticeSandbox,
} from '../practice/practice-sandbox';

/** The practice project as the app runs it: one sandbox in the data directory, served on demand. */
export interface PracticeProjects {
  /** Creates the sandbox if needed, starts its server and adds (or returns) the practice project. */
  open(onProgress?: AddProgressListener): Promise<Project>;
  /** Rebuilds the sandbox from scratch and re-clones the project; the GitHub connection is kept. */
  reset(onProgress?: AddProgressListener): Promise<Project>;
  /** Connects the practice account with the practice server's token, which never leaves main. */
  connect(): Promise<ConnectResult>;
  /** The running practice server's API URL, starting the server if it is not running. */
  apiUrl(): Promise<string>;
  /** Stops the server (on quit). */
  close(): Promise<void>;
}

/** Shows the history being built as the add's "checking" stage, with what was just done. */
function buildProgress(onProgress: AddProgressListener | undefined) {
  return onProgress
    ? {
        onProgress: (progress: { done: number; total: number; message: string }) =>
          onProgress({
            stage: 'checking',
            percent: Math.round((progress.done / progress.total) * 100),
            detail: progress.message,
          }),
      }
    : {};
}

/** What the practice projects are built from. */
export interface PracticeProjectsDeps {
  dataDir: string;
  registry: ProjectRegistry;
  secrets: SecretStore;
  /** Connects an account (the GitHub accounts service's `connect`). */
  connect: (input: { token: string; projectId: string }) => Promise<ConnectResult>;
}

/**
 * The app's practice project. Its server runs inside the main process on 127.0.0.1 at a random port.
 * The server's token is the one stored in the keychain for the practice host when there is one, so a
 * connection made in an earlier run keeps working; otherwise a fresh random token, held in memory until
 * the user connects. Nothing about the token is written to the sandbox or to settings.
 */
export function createPracticeProjects(deps: PracticeProjectsDeps): PracticeProjects {
  const sandboxDir = join(deps.dataDir, 'practice');
  let served: Promise<ServedPracticeSandbox> | null = null;

  const storedToken = async (): Promise<string | undefined> => {
    try {
      return (await deps.secrets.get(githubTokenAccount(PRACTICE_HOST))) ?? undefined;
    } catch (error) {
      // Without a keychain the practice project still works from git; connecting will say why it cannot.
      if (error instanceof KeychainUnavailableError) return undefined;
      throw error;
    }
  };

  const ensureServer = (): Promise<ServedPracticeSandbox> => {
    served ??= (async () => {
      if (!readPracticeSandbox(sandboxDir)) {
        throw new AppError('NOT_FOUND', 'There is no practice project yet. Use “Try the practice project” first.');
      }
      const token = await storedToken();
      return servePracticeSandbox(sandboxDir, token === undefined ? {} : { token });
    })();
    // A failed start is not remembered: the next call tries again.
    served.catch(() => {
      served = null;
    });
    return served;
  };

  const stopServer = async () => {
    const running = served;
    served = null;
    if (running) await (await running.catch(() => null))?.server.close();
  };

  const practiceProject = () => deps.registry.list().find((project) => project.practice !== null);

  const addProject = async (onProgress?: AddProgressListener): Promise<Project> => {
    const info = readPracticeSandbox(sandboxDir);
    if (!info) throw new AppError('INTERNAL', 'The practice project could not be created.');
    await ensureServer();
    return deps.registry.addPractice(
      { sandboxDir, remote: info.bareRepositoryPath, owner: info.owner, repo: info.repo },
      onProgress,
    );
  };

  return {
    async open(onProgress) {
      const existing = practiceProject();
      if (existing && readPracticeSandbox(sandboxDir)) {
        await ensureServer();
        return existing;
      }
      onProgress?.({ stage: 'checking' });
      if (!readPracticeSandbox(sandboxDir)) await createPracticeSandbox(sandboxDir, buildProgress(onProgress));
      return addProject(onProgress);
    },

    async reset(onProgress) {
      onProgress?.({ stage: 'checking' });
      await stopServer();
      await createPracticeSandbox(sandboxDir, { reset: true, ...buildProgress(onProgress) });
      return addProject(onProgress);
    },

    async connect() {
      const project = practiceProject();
      if (!project) {
        throw new AppError('NOT_FOUND', 'There is no practice project yet. Use “Try the practice project” first.');
      }
      const { token } = await ensureServer();
      return deps.connect({ token, projectId: project.id });
    },

    apiUrl: async () => (await ensureServer()).apiUrl,
    close: stopServer,
  };
}
