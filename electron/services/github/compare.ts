import { checkRefName } from '../../../shared/domain/refs/ref-name';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import type { GitHubRepo } from './refs';

/** How `head` stands against `base`: the commits only on each side, and the commit `head` names. */
export interface AheadBehind {
  /** Commits on `head` that `base` lacks. */
  ahead: number;
  /** Commits on `base` that `head` lacks. */
  behind: number;
  /** The commit `head` points at now. */
  headSha: string;
}

/** Commits per page of a comparison (GitHub's most). */
const PER_PAGE = 100;

/** A branch, tag or sha as a side of `BASE...HEAD`, checked with git's ref-name rules first. */
function checkedSide(name: string): string {
  const check = checkRefName(name);
  if (!check.ok) throw new AppError('INVALID_ARGUMENTS', check.reason);
  // `...` inside a side would split the comparison elsewhere; git's rules already refuse `..`.
  return name;
}

/**
 * Compares `base...head` on GitHub (`GET /repos/{owner}/{repo}/compare/{basehead}`): how many commits
 * each side has that the other lacks, and the sha `head` points at. GitHub does not name the head
 * commit itself: it is the newest of the head's own commits (read from the last page when there are
 * more than one page of them), or, with none, the merge base.
 */
export async function aheadBehind(
  client: GitHubClient,
  repo: GitHubRepo,
  base: string,
  head: string,
): Promise<AheadBehind> {
  const basehead = `${checkedSide(base)}...${checkedSide(head)}`;
  const doing = `compare ${head} with ${base}`;
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead, per_page: PER_PAGE });
    const ahead = data.ahead_by;
    let newest = data.commits.at(-1)?.sha;
    if (ahead > data.commits.length) {
      const page = Math.ceil(ahead / PER_PAGE);
      const last = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead, per_page: PER_PAGE, page });
      newest = last.data.commits.at(-1)?.sha;
    }
    const headSha = ahead > 0 ? newest : data.merge_base_commit.sha;
    if (!headSha) {
      throw new AppError('NOT_FOUND', `GitHub did not list the commits of ${head} when asked to ${doing}.`);
    }
    return { ahead, behind: data.behind_by, headSha };
  } catch (error) {
    throw githubAppError(error, doing);
  }
}
