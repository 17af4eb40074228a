import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { notFound } from './github-error';
import { createSandboxGit, type SandboxGit } from './sandbox-git';
import { repoKey, saveServerState, takeId, type ServerState, type StoredRepository } from './server-state';

/** GitHub's rule for owner and repository names, which also keeps them safe as path segments. */
const NAME_PATTERN = /^(?!\.)[A-Za-z0-9._-]{1,100}$/;

/** Options for {@link RepositoryStore.createRepository}. */
export interface CreateRepositoryOptions {
  /** Default branch of an empty repository. */
  defaultBranch?: string;
  /** A repository or bundle to mirror (`git clone --mirror`), e.g. a seeded history. */
  mirrorFrom?: string;
}

/** The server's repositories: one bare repository per owner/name plus its stored state. */
export class RepositoryStore {
  readonly hooksDir: string;

  constructor(
    readonly stateDir: string,
    readonly state: ServerState,
  ) {
    this.hooksDir = join(stateDir, 'empty-hooks');
    mkdirSync(this.hooksDir, { recursive: true });
  }

  /** Where the bare repository of owner/name lives; tests push to this path directly. */
  bareRepositoryPath(owner: string, name: string): string {
    return join(this.stateDir, 'repos', owner.toLowerCase(), `${name.toLowerCase()}.git`);
  }

  /** The stored repository, or GitHub's 404. */
  get(owner: string, name: string): StoredRepository {
    const repo = this.state.repos[repoKey(owner, name)];
    if (!repo) throw notFound();
    return repo;
  }

  /** A git runner for the repository's bare repository. */
  git(repo: StoredRepository): SandboxGit {
    return createSandboxGit(this.bareRepositoryPath(repo.owner, repo.name), this.hooksDir);
  }

  /** Persists the state file; call after every change. */
  save(): void {
    saveServerState(this.stateDir, this.state);
  }

  /** Creates (or mirrors) a bare repository and registers it. Fails if it already exists. */
  async createRepository(
    owner: string,
    name: string,
    options: CreateRepositoryOptions = {},
  ): Promise<StoredRepository> {
    if (!NAME_PATTERN.test(owner) || !NAME_PATTERN.test(name))
      throw new Error(`Invalid repository name ${owner}/${name}`);
    if (this.state.repos[repoKey(owner, name)]) throw new Error(`Repository ${owner}/${name} already exists`);
    const path = this.bareRepositoryPath(owner, name);
    if (existsSync(path)) throw new Error(`${path} already exists`);
    mkdirSync(join(this.stateDir, 'repos', owner.toLowerCase()), { recursive: true });
    const git = createSandboxGit(path, this.hooksDir);
    if (options.mirrorFrom) {
      await git.run(['clone', '--mirror', '--', options.mirrorFrom, path], { cwd: this.stateDir });
    } else {
      const branch = options.defaultBranch ?? 'main';
      await git.run(['init', '--bare', `--initial-branch=${branch}`, '--', path], { cwd: this.stateDir });
    }
    const repo: StoredRepository = {
      id: takeId(this.state),
      owner,
      name,
      createdAt: new Date().toISOString(),
      nextNumber: 1,
      pulls: [],
      releases: [],
    };
    this.state.repos[repoKey(owner, name)] = repo;
    this.save();
    return repo;
  }
}
