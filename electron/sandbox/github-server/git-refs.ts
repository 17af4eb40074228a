import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitHubHttpError, validationFailed } from './github-error';
import type { SandboxGit } from './sandbox-git';

/** A ref and the object it points at, as `GET /git/ref` describes it. */
export interface ResolvedRef {
  ref: string;
  sha: string;
  type: 'commit' | 'tag' | 'tree' | 'blob';
}

/**
 * Checks a full ref name (`refs/heads/x`, `refs/tags/v1`) with git's own rules, and refuses a leading
 * `-` so no name can ever be read as an option.
 */
export async function isValidRefName(git: SandboxGit, fullRef: string): Promise<boolean> {
  if (!fullRef.startsWith('refs/') || fullRef.includes('\n')) return false;
  const result = await git.run(['check-ref-format', fullRef], { okExitCodes: [1] });
  return result.exitCode === 0;
}

/** Reads one exact ref; `undefined` when it does not exist. */
export async function readRef(git: SandboxGit, fullRef: string): Promise<ResolvedRef | undefined> {
  // No name check needed to read: the name is only a pattern after `--`, and only an exact match counts.
  if (!fullRef.startsWith('refs/') || fullRef.includes('\n')) return undefined;
  const listed = await git.text(['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', '--', fullRef]);
  for (const line of listed.split('\n')) {
    const [ref, sha, type] = line.split(' ');
    if (ref === fullRef && sha && type) return { ref, sha, type: type as ResolvedRef['type'] };
  }
  return undefined;
}

/** The commit a branch points at, or `undefined` when the branch does not exist. */
export async function branchSha(git: SandboxGit, branch: string): Promise<string | undefined> {
  return (await readRef(git, `refs/heads/${branch}`))?.sha;
}

/** Resolves a branch name, tag name or sha to a commit; `undefined` when it names none. */
export async function resolveCommitish(git: SandboxGit, commitish: string): Promise<string | undefined> {
  if (commitish.startsWith('-') || commitish.includes('\n')) return undefined;
  const candidates = [`refs/heads/${commitish}`, `refs/tags/${commitish}`];
  if (/^[0-9a-f]{7,40}$/i.test(commitish)) candidates.push(commitish);
  for (const candidate of candidates) {
    // `--end-of-options` keeps any name from being read as an option.
    const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], {
      okExitCodes: [1],
    });
    if (result.exitCode === 0) return result.stdout.trim();
  }
  return undefined;
}

/** Creates a ref at `sha`; 422 "Reference already exists" when it does, as GitHub answers. */
export async function createRef(git: SandboxGit, fullRef: string, sha: string): Promise<void> {
  if (!(await isValidRefName(git, fullRef))) {
    throw new GitHubHttpError(422, `${fullRef} is not a valid ref name.`);
  }
  if (await readRef(git, fullRef)) throw new GitHubHttpError(422, 'Reference already exists');
  // `create` in a transaction fails if another writer made the ref in between.
  await git.run(['update-ref', '--stdin'], { input: `create ${fullRef} ${sha}\n` });
}

/** Moves a ref from `oldSha` to `newSha`; fails when someone else moved it first. */
export async function moveRef(git: SandboxGit, fullRef: string, newSha: string, oldSha: string): Promise<void> {
  await git.run(['update-ref', '--stdin'], { input: `update ${fullRef} ${newSha} ${oldSha}\n` });
}

/** Deletes a ref that points at `oldSha`; fails when someone else moved it first. */
export async function deleteRefAt(git: SandboxGit, fullRef: string, oldSha: string): Promise<void> {
  await git.run(['update-ref', '--stdin'], { input: `delete ${fullRef} ${oldSha}\n` });
}

/** True when commit `ancestor` is reachable from `descendant` (tags are peeled), i.e. a fast-forward. */
export async function isAncestor(git: SandboxGit, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.run(['merge-base', '--is-ancestor', ancestor, descendant], {
    // 128: not commits at all (a blob or tree), which cannot be a fast-forward either.
    okExitCodes: [1, 128],
  });
  return result.exitCode === 0;
}

/** Every ref under `refs/` whose full name starts with `prefix`, sorted by name (as GitHub lists them). */
export async function refsStartingWith(git: SandboxGit, prefix: string): Promise<ResolvedRef[]> {
  const listed = await git.text(['for-each-ref', '--sort=refname', '--format=%(refname) %(objectname) %(objecttype)']);
  const refs: ResolvedRef[] = [];
  for (const line of listed.split('\n')) {
    const [ref, sha, type] = line.split(' ');
    if (ref?.startsWith(prefix) && sha && type) refs.push({ ref, sha, type: type as ResolvedRef['type'] });
  }
  return refs;
}

/** True when `sha` is a full sha of an object in the repository. */
export async function objectExists(git: SandboxGit, sha: string): Promise<boolean> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return false;
  const result = await git.run(['cat-file', '-e', sha], { okExitCodes: [1, 128] });
  return result.exitCode === 0;
}

/** The branch `HEAD` of a bare repository names: its default branch. */
export async function defaultBranchOf(git: SandboxGit): Promise<string> {
  // The bare repository's HEAD file says it (`ref: refs/heads/main`): read it instead of starting a git
  // process, which most requests would otherwise pay for several times over.
  try {
    const head = await readFile(join(git.gitDir, 'HEAD'), 'utf8');
    const match = /^ref: refs\/heads\/(\S+)\s*$/.exec(head);
    if (match?.[1]) return match[1];
  } catch {
    // Fall through to git, which also knows other layouts (a HEAD stored in a reftable).
  }
  const result = await git.run(['symbolic-ref', '--short', 'HEAD'], { okExitCodes: [1, 128] });
  return result.exitCode === 0 ? result.stdout.trim() : 'main';
}

/** Refuses a body field that is not a non-empty string, with GitHub's 422 shape. */
export function requireString(value: unknown, resource: string, field: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw validationFailed({ resource, code: 'missing_field', field });
}
