import {
  PRACTICE_HOST,
  parseGitHubEndpoint,
  type ConnectResult,
  type GitHubAccount,
  type GitHubAccountView,
  type GitHubEndpoint,
  type RepositoryAccessView,
} from '../../../shared/domain/github/github-account';
import type { Project } from '../../../shared/domain/project';
import { defaultApiUrl } from '../../../shared/domain/github/github-account';
import { AppError } from '../../../shared/ipc/errors';
import { resolveGitHubToken } from '../secrets/env-token';
import { githubTokenAccount } from '../secrets/secret-accounts';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './github-client';
import { githubAppError } from './github-errors';
import { getRepositoryAccess } from './repository';

/** Connected GitHub accounts: the token in the keychain, who and where in settings. */
export interface GitHubAccounts {
  /** Every connected account, without tokens. */
  list(): GitHubAccountView[];
  /**
   * Checks `token` against GitHub (`GET /user`, then the project's repository when one is named) and
   * only then stores it in the keychain under `github:<host>`. A refused token is never stored.
   */
  connect(input: ConnectInput): Promise<ConnectResult>;
  /** Removes the account's token from the keychain and the account from settings. */
  disconnect(host: string): Promise<{ disconnected: boolean }>;
  /** A client for the project's GitHub, or `GITHUB_NOT_CONNECTED` when there is no token for its host. */
  clientFor(project: Project): Promise<GitHubClient>;
}

/** What {@link GitHubAccounts.connect} takes. */
export interface ConnectInput {
  /** The token the user pasted; it goes to GitHub and the keychain, nowhere else. */
  token: string;
  /** A host or API URL (GitHub Enterprise); github.com when absent. Ignored when `projectId` is given. */
  server?: string;
  /** Connect for this project's host, and check the token's access to its repository. */
  projectId?: string;
}

/** What the accounts service is built from. */
export interface GitHubAccountsDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  projects: () => Project[];
  /** The live API URL of the practice server (it starts on demand), for projects on {@link PRACTICE_HOST}. */
  practiceApiUrl?: () => Promise<string>;
  /** The environment, for the command line's `GITHUB_TOKEN`; the app passes none, so only the keychain counts. */
  env?: NodeJS.ProcessEnv;
  /** `--api-url` of the command line: replaces the API URL of every host. */
  apiUrlOverride?: string;
  /** Extra client options (tests turn retries off). */
  clientOptions?: Partial<GitHubClientOptions>;
  now?: () => Date;
}

const TOKEN_PATTERN = /^[\x21-\x7e]{4,255}$/;

/** Creates the accounts service. */
export function createGitHubAccounts(deps: GitHubAccountsDeps): GitHubAccounts {
  const now = deps.now ?? (() => new Date());
  const accounts = () => deps.settings.get('githubAccounts');
  const view = (account: GitHubAccount): GitHubAccountView => ({
    ...account,
    practice: account.host === PRACTICE_HOST,
  });
  const client = (apiUrl: string, token: string) =>
    createGitHubClient({ ...deps.clientOptions, apiUrl: deps.apiUrlOverride ?? apiUrl, token });

  const findProject = (projectId: string): Project => {
    const project = deps.projects().find((candidate) => candidate.id === projectId);
    if (!project) throw new AppError('NOT_FOUND', `There is no project "${projectId}". It may have been removed.`);
    return project;
  };

  const endpointOf = async (project: Project): Promise<GitHubEndpoint> => {
    const host = project.repository.host;
    if (host === PRACTICE_HOST && deps.practiceApiUrl) return { host, apiUrl: await deps.practiceApiUrl() };
    const known = accounts().find((account) => account.host === host);
    return { host, apiUrl: known?.apiUrl ?? defaultApiUrl(host) };
  };

  return {
    list: () => accounts().map(view),

    async connect(input) {
      if (!TOKEN_PATTERN.test(input.token.trim())) {
        throw new AppError(
          'INVALID_ARGUMENTS',
          'That does not look like a GitHub token: paste the whole token, without spaces or line breaks.',
        );
      }
      const token = input.token.trim();
      const project = input.projectId ? findProject(input.projectId) : undefined;
      let endpoint: GitHubEndpoint;
      if (project) {
        endpoint = await endpointOf(project);
      } else {
        const parsed = parseGitHubEndpoint(input.server ?? '');
        if (!parsed.ok) throw new AppError('INVALID_ARGUMENTS', parsed.reason);
        endpoint = parsed.endpoint;
      }
      const github = client(endpoint.apiUrl, token);
      let user: { login: string; name: string | null };
      try {
        const { data } = await github.rest.users.getAuthenticated();
        user = { login: data.login, name: data.name ?? null };
      } catch (error) {
        throw githubAppError(error, `check the token with ${endpoint.host}`);
      }
      const repository = project ? await repositoryAccess(github, project) : null;
      await deps.secrets.set(githubTokenAccount(endpoint.host), token);
      const account: GitHubAccount = {
        host: endpoint.host,
        apiUrl: endpoint.apiUrl,
        login: user.login,
        name: user.name,
        connectedAt: now().toISOString(),
      };
      deps.settings.set('githubAccounts', [...accounts().filter((known) => known.host !== account.host), account]);
      return { account: view(account), repository };
    },

    async disconnect(host) {
      const wanted = host.trim().toLowerCase();
      const removedToken = await deps.secrets.delete(githubTokenAccount(wanted));
      const before = accounts();
      deps.settings.set(
        'githubAccounts',
        before.filter((account) => account.host !== wanted),
      );
      return { disconnected: removedToken || before.some((account) => account.host === wanted) };
    },

    async clientFor(project) {
      const endpoint = await endpointOf(project);
      const resolved = await resolveGitHubToken({ host: endpoint.host, env: deps.env ?? {}, secrets: deps.secrets });
      if (!resolved) {
        const where = deps.env ? ' or set GITHUB_TOKEN' : '';
        throw new AppError(
          'GITHUB_NOT_CONNECTED',
          `Release Desk has no GitHub token for ${endpoint.host}. Connect an account in Settings → GitHub${where}.`,
        );
      }
      return client(endpoint.apiUrl, resolved.token);
    },
  };
}

/**
 * What the token may do in the project's repository. Pushing is needed for every step of the train; a
 * token that can only read is stored anyway (the dashboard still works) with a warning that says so.
 */
async function repositoryAccess(github: GitHubClient, project: Project): Promise<RepositoryAccessView> {
  const { owner, repo } = project.repository;
  const access = await getRepositoryAccess(github, { owner, repo });
  const warnings: string[] = [];
  if (!access.permissions.push) {
    warnings.push(
      'The token can read the repository but not write to it: the train dashboard works, but freeze, promote and release need Contents and Pull requests read and write.',
    );
  }
  return {
    fullName: `${owner}/${repo}`,
    canPush: access.permissions.push,
    canAdmin: access.permissions.admin,
    warnings,
  };
}
