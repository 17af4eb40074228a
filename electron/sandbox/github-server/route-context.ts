import { defaultBranchOf } from './git-refs';
import type { ServerUrls } from './json-urls';
import type { RepositoryFacts } from './repository-json';
import type { RepositoryStore } from './repository-store';
import type { SandboxGit } from './sandbox-git';
import type { SerialLock } from './serial-lock';
import { repoKey, type StoredRepository } from './server-state';

/** What every route module needs: the repositories, the URLs to print, and the per-repo lock. */
export interface RouteContext {
  store: RepositoryStore;
  urls: ServerUrls;
  lock: SerialLock;
}

/** GitHub prints times to the second. */
export function isoSeconds(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Looks up owner/repo (404 otherwise) and opens its git runner. */
export function openRepository(context: RouteContext, params: Record<string, string>) {
  const repo = context.store.get(params.owner ?? '', params.repo ?? '');
  return { repo, git: context.store.git(repo), key: repoKey(repo.owner, repo.name) };
}

/** Repository facts plus every branch's tip, read with one `for-each-ref`. */
export interface RepositorySnapshot extends RepositoryFacts {
  /** Branch name (without `refs/heads/`) → commit sha. */
  branches: Map<string, string>;
}

/** Default branch, last push time and branch tips, read from the bare repository. */
export async function repositoryFacts(git: SandboxGit, repo: StoredRepository): Promise<RepositorySnapshot> {
  const listed = await git.text([
    'for-each-ref',
    '--sort=-committerdate',
    '--format=%(refname:lstrip=2) %(objectname) %(committerdate:iso-strict)',
    'refs/heads',
  ]);
  const branches = new Map<string, string>();
  let latest: string | undefined;
  for (const line of listed.split('\n').filter(Boolean)) {
    const [name, sha, date] = line.split(' ');
    if (!name || !sha) continue;
    branches.set(name, sha);
    latest ??= date;
  }
  return {
    defaultBranch: await defaultBranchOf(git),
    pushedAt: latest ? isoSeconds(new Date(latest)) : repo.createdAt,
    branches,
  };
}
