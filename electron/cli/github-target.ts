import { basename, dirname, resolve } from 'node:path';
import { parseGitHubEndpoint, type GitHubEndpoint } from '../../shared/domain/github/github-account';
import { parseRemoteUrl } from '../../shared/domain/remote-url';
import { AppError } from '../../shared/ipc/errors';
import { createGitHubClient, type GitHubClient } from '../services/github/github-client';
import { createGitService } from '../services/git/git-service';
import { pickPrimaryRemote } from '../services/git/remotes';
import { describeGitHubTokenSource, resolveGitHubToken } from '../services/secrets/env-token';
import { createKeychainSecretStore } from '../services/secrets/secret-store';

/** The GitHub repository a `--repo` directory belongs to, and the client to reach it. */
export interface GitHubTarget {
  owner: string;
  repo: string;
  host: string;
  client: GitHubClient;
  /** Where the token came from, for a status line (never the token). */
  tokenSource: string;
}

const REPO_SEGMENT = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Finds the GitHub repository of `dir` and opens a client for it. The repository comes from the
 * directory's origin remote; a bare repository without one (the `remote` that `sandbox serve` prints)
 * is named by its path, `.../OWNER/REPO.git`. The API URL is `--api-url` or the host's default; the
 * token is `GITHUB_TOKEN`/`GH_TOKEN`, else the keychain's for the host.
 */
export async function openGitHubTarget(options: {
  dir: string;
  apiUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  hooksDir: string;
}): Promise<GitHubTarget> {
  const remote = pickPrimaryRemote(await createGitService({ hooksDir: options.hooksDir }).listRemotes(options.dir));
  const fromRemote = remote ? parseRemoteUrl(remote.url) : null;
  let endpoint: GitHubEndpoint;
  let owner: string;
  let repo: string;
  if (fromRemote?.ok) {
    ({ owner, repo } = fromRemote.ref);
    const parsed = parseGitHubEndpoint(options.apiUrl ?? fromRemote.ref.host);
    if (!parsed.ok) throw new AppError('INVALID_ARGUMENTS', `--api-url: ${parsed.reason}`);
    endpoint = { host: fromRemote.ref.host, apiUrl: parsed.endpoint.apiUrl };
  } else {
    if (!options.apiUrl) {
      throw new AppError(
        'UNSUPPORTED_REMOTE',
        `${options.dir} has no GitHub remote, so Release Desk cannot tell which repository it is. Give --api-url with a repository whose path ends in OWNER/REPO.git, or add its GitHub remote.`,
      );
    }
    const path = resolve(options.dir);
    owner = basename(dirname(path));
    repo = basename(path).replace(/\.git$/, '');
    if (!REPO_SEGMENT.test(owner) || !REPO_SEGMENT.test(repo)) {
      throw new AppError('UNSUPPORTED_REMOTE', `${path} does not end in OWNER/REPO.git, and it has no GitHub remote.`);
    }
    const parsed = parseGitHubEndpoint(options.apiUrl);
    if (!parsed.ok) throw new AppError('INVALID_ARGUMENTS', `--api-url: ${parsed.reason}`);
    endpoint = parsed.endpoint;
  }
  const token = await resolveGitHubToken({
    host: endpoint.host,
    env: options.env,
    secrets: createKeychainSecretStore(),
  });
  if (!token) {
    throw new AppError(
      'GITHUB_NOT_CONNECTED',
      `No GitHub token for ${endpoint.host}: set GITHUB_TOKEN (or GH_TOKEN), or connect the account in the app's Settings → GitHub.`,
    );
  }
  return {
    owner,
    repo,
    host: endpoint.host,
    client: createGitHubClient({ apiUrl: endpoint.apiUrl, token: token.token }),
    tokenSource: describeGitHubTokenSource(token.source),
  };
}
