import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import type { GitHubRepo } from './refs';

/** What the token may do in a repository, and the facts a flow needs before it starts. */
export interface RepositoryAccess {
  defaultBranch: string;
  private: boolean;
  htmlUrl: string;
  /** From the repository's `permissions`: push is "contents write", admin is "administration write". */
  permissions: { admin: boolean; push: boolean; pull: boolean };
}

/**
 * Reads a repository and what the token may do there, so a flow can say "this token cannot push to
 * hotosm/field-tm" before it starts rather than half-way. GitHub leaves `permissions` out for callers
 * without access; that reads as no permission at all.
 */
export async function getRepositoryAccess(client: GitHubClient, repo: GitHubRepo): Promise<RepositoryAccess> {
  try {
    const { data } = await client.rest.repos.get({ ...repo });
    return {
      defaultBranch: data.default_branch,
      private: data.private,
      htmlUrl: data.html_url,
      permissions: {
        admin: data.permissions?.admin ?? false,
        push: data.permissions?.push ?? false,
        pull: data.permissions?.pull ?? false,
      },
    };
  } catch (error) {
    throw githubAppError(error, `read ${repo.owner}/${repo.repo}`);
  }
}
