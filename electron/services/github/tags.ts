import { AppError } from '../../../shared/ipc/errors';
import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import { isUnprocessable, readRef, refConflict, refPath, requireSha, type GitHubRepo, type RefTarget } from './refs';

/** Who signs an annotated tag; GitHub uses the token's user when absent. */
export interface Tagger {
  name: string;
  email: string;
  /** ISO 8601; now when absent. */
  date?: string;
}

/** A tag a step wants: lightweight, or annotated with a message. */
export interface TagRequest {
  tag: string;
  /** The commit it must point at. */
  sha: string;
  annotated?: { message: string; tagger?: Tagger };
}

/** Annotated tags can point at tags; more levels than this is not a release tag. */
const MAX_PEEL = 5;

/** The commit behind a ref's object, following annotated tag objects. */
async function peel(client: GitHubClient, repo: GitHubRepo, target: RefTarget): Promise<string> {
  let current = target;
  for (let depth = 0; current.type === 'tag' && depth < MAX_PEEL; depth += 1) {
    try {
      const { data } = await client.rest.git.getTag({ ...repo, tag_sha: current.sha });
      current = { sha: data.object.sha, type: data.object.type };
    } catch (error) {
      throw githubAppError(error, `read tag object ${current.sha.slice(0, 7)}`);
    }
  }
  return current.sha;
}

/** The commit a tag points at (peeled through an annotated tag), or `null` when there is no such tag. */
export async function tagCommit(client: GitHubClient, repo: GitHubRepo, tag: string): Promise<string | null> {
  const found = await readRef(client, repo, `refs/tags/${tag}`);
  return found ? peel(client, repo, found) : null;
}

/**
 * Makes sure tag `tag` points at commit `sha` ("observe, then act"). An existing tag whose commit
 * (peeled, for an annotated tag) is `sha` is left alone, whatever its kind; one at another commit is a
 * CONFLICT. An annotated tag is a tag object plus `refs/tags/<tag>`, made in that order as on GitHub;
 * a retry after a lost answer finds the ref and judges it by the same rule.
 */
export async function findOrCreateTag(
  client: GitHubClient,
  repo: GitHubRepo,
  request: TagRequest,
): Promise<{ created: boolean }> {
  const full = `refs/${refPath(`refs/tags/${request.tag}`)}`;
  const sha = requireSha(request.sha);
  const judge = async (found: RefTarget) => {
    const commit = await peel(client, repo, found);
    if (commit === sha) return { created: false };
    throw refConflict(full, commit, sha);
  };
  const existing = await readRef(client, repo, full);
  if (existing) return judge(existing);
  let object = sha;
  if (request.annotated) {
    if (
      request.annotated.tagger &&
      /[<>\n]/.test(`${request.annotated.tagger.name}${request.annotated.tagger.email}`)
    ) {
      throw new AppError('INVALID_ARGUMENTS', 'A tagger name or email cannot contain "<", ">" or a line break.');
    }
    try {
      const { data } = await client.rest.git.createTag({
        ...repo,
        tag: request.tag,
        message: request.annotated.message,
        object: sha,
        type: 'commit',
        ...(request.annotated.tagger ? { tagger: request.annotated.tagger } : {}),
      });
      object = data.sha;
    } catch (error) {
      throw githubAppError(error, `create the annotated tag ${request.tag}`);
    }
  }
  try {
    await client.rest.git.createRef({ ...repo, ref: full, sha: object });
    return { created: true };
  } catch (error) {
    if (isUnprocessable(error, 'Reference already exists')) {
      const found = await readRef(client, repo, full);
      if (found) return judge(found);
    }
    throw githubAppError(error, `create the tag ${request.tag}`);
  }
}
