import { checkRefName } from '../../../shared/domain/refs/ref-name';
import type { RepositoryRef } from '../../../shared/domain/remote-url';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';

/** The repository an operation works on. */
export type GitHubRepo = Pick<RepositoryRef, 'owner' | 'repo'>;

/** Status and GitHub's own message of a failed request (both absent for a network failure). */
export function githubFailure(error: unknown): { status?: number; message?: string } {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    response?: { data?: unknown };
  };
  const data = failure.response?.data as { message?: unknown } | undefined;
  return {
    status: typeof failure.status === 'number' ? failure.status : undefined,
    message: typeof data?.message === 'string' ? data.message : undefined,
  };
}

/** True when `error` is GitHub's 422 with exactly this message (e.g. "Reference already exists"). */
export function isUnprocessable(error: unknown, message: string): boolean {
  const failure = githubFailure(error);
  return failure.status === 422 && failure.message === message;
}

/** The first seven characters of a sha, as people read them. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Refuses anything but a full 40-character commit sha before it reaches GitHub. */
export function requireSha(sha: string): string {
  if (/^[0-9a-f]{40}$/i.test(sha)) return sha.toLowerCase();
  throw new AppError('INVALID_ARGUMENTS', `"${sha}" is not a full commit sha (40 hexadecimal characters).`);
}

/**
 * A ref as GitHub's paths write it (`heads/main`, `tags/v1`) from either that form or the full
 * `refs/heads/main`, checked with git's ref-name rules.
 */
export function refPath(ref: string): string {
  const path = ref.startsWith('refs/') ? ref.slice('refs/'.length) : ref;
  const check = checkRefName(path);
  if (!check.ok) throw new AppError('INVALID_ARGUMENTS', check.reason);
  if (!/^[^/]+\/.+/.test(path)) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `"${ref}" is not a full ref name: write it as refs/heads/NAME or refs/tags/NAME.`,
    );
  }
  return path;
}

/** What a ref points at: a commit, or (for an annotated tag) a tag object. */
export interface RefTarget {
  sha: string;
  type: string;
}

/** Reads a ref's object; `null` when the ref does not exist. */
export async function readRef(client: GitHubClient, repo: GitHubRepo, ref: string): Promise<RefTarget | null> {
  const path = refPath(ref);
  try {
    const { data } = await client.rest.git.getRef({ ...repo, ref: path });
    return { sha: data.object.sha, type: data.object.type };
  } catch (error) {
    if (githubFailure(error).status === 404) return null;
    throw githubAppError(error, `read refs/${path}`);
  }
}

/** The sha a ref points at (a tag object's for an annotated tag), or `null` when it does not exist. */
export async function getRef(client: GitHubClient, repo: GitHubRepo, ref: string): Promise<string | null> {
  return (await readRef(client, repo, ref))?.sha ?? null;
}

/** The CONFLICT for a ref found at another commit than the one a step wants. */
export function refConflict(ref: string, found: string, wanted: string): AppError {
  return new AppError(
    'CONFLICT',
    `${ref} already exists at ${shortSha(found)}, not at ${shortSha(wanted)} as this step expects. ` +
      `Someone else may have made it: check commit ${shortSha(found)}, delete or move ${ref} on GitHub if it is wrong, then run the step again.`,
  );
}

/**
 * Makes sure `ref` points at `sha` ("observe, then act"): it looks first and changes nothing when the
 * ref is already there; a ref at another commit is a CONFLICT naming both. A 422 "Reference already
 * exists" on create (a retried request whose first answer was lost, or a race) is read again and
 * judged by the same rule.
 */
export async function findOrCreateRef(
  client: GitHubClient,
  repo: GitHubRepo,
  target: { ref: string; sha: string },
): Promise<{ created: boolean }> {
  const full = `refs/${refPath(target.ref)}`;
  const sha = requireSha(target.sha);
  const judge = (found: string) => {
    if (found === sha) return { created: false };
    throw refConflict(full, found, sha);
  };
  const existing = await getRef(client, repo, full);
  if (existing) return judge(existing);
  try {
    await client.rest.git.createRef({ ...repo, ref: full, sha });
    return { created: true };
  } catch (error) {
    if (isUnprocessable(error, 'Reference already exists')) {
      const found = await getRef(client, repo, full);
      if (found) return judge(found);
    }
    throw githubAppError(error, `create ${full}`);
  }
}

/**
 * Creates `ref` only if nobody has: `'exists'` when it is already there, whoever made it. This is the
 * building block of a lock (GitHub refuses a second create atomically). A create whose answer was lost
 * and then retried also reads `'exists'`, so a lock holder should recognise its own ref by its sha.
 */
export async function createRefExclusive(
  client: GitHubClient,
  repo: GitHubRepo,
  target: { ref: string; sha: string },
): Promise<'created' | 'exists'> {
  const full = `refs/${refPath(target.ref)}`;
  try {
    await client.rest.git.createRef({ ...repo, ref: full, sha: requireSha(target.sha) });
    return 'created';
  } catch (error) {
    if (isUnprocessable(error, 'Reference already exists')) return 'exists';
    throw githubAppError(error, `create ${full}`);
  }
}

/** Deletes a ref; `{ deleted: false }` when it was already gone, so a re-run is harmless. */
export async function deleteRef(client: GitHubClient, repo: GitHubRepo, ref: string): Promise<{ deleted: boolean }> {
  const path = refPath(ref);
  try {
    await client.rest.git.deleteRef({ ...repo, ref: path });
    return { deleted: true };
  } catch (error) {
    if (isUnprocessable(error, 'Reference does not exist')) return { deleted: false };
    throw githubAppError(error, `delete refs/${path}`);
  }
}

/**
 * Moves `ref` forward to `sha`. Only a fast-forward: the request never asks GitHub to rewind or
 * rewrite a ref (DESIGN.md), so a move that would drop commits is a CONFLICT that says what to do.
 */
export async function updateRef(
  client: GitHubClient,
  repo: GitHubRepo,
  target: { ref: string; sha: string },
): Promise<void> {
  const path = refPath(target.ref);
  const sha = requireSha(target.sha);
  try {
    await client.rest.git.updateRef({ ...repo, ref: path, sha });
  } catch (error) {
    if (isUnprocessable(error, 'Update is not a fast forward')) {
      throw new AppError(
        'CONFLICT',
        `refs/${path} cannot move to ${shortSha(sha)}: that commit does not contain what refs/${path} holds now, ` +
          `so moving it would drop commits. Merge refs/${path} into the new commit first, then try again.`,
      );
    }
    if (isUnprocessable(error, 'Reference does not exist')) {
      throw new AppError('REF_MISSING', `refs/${path} does not exist on GitHub, so it cannot be moved.`);
    }
    throw githubAppError(error, `move refs/${path}`);
  }
}
