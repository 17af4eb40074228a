import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/project';
import { AppError } from '../../../shared/ipc/errors';
import {
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { githubTokenAccount } from '../secrets/secret-accounts';
import { startSecretServiceSandbox, type SecretServiceSandbox } from '../secrets/secret-service-sandbox';
import { createKeychainSecretStore } from '../secrets/secret-store';
import { createConfSettingsStore } from '../settings/conf-settings-store';
import { createGitHubAccounts, type GitHubAccounts } from './github-accounts';

// A real Secret Service (GNOME Keyring on a private bus) and the GitHub-compatible server: connecting
// checks the token over HTTP and stores it in the keychain, exactly as the app does.
let keyring: SecretServiceSandbox;
let restoreBus: () => void;
let fixture: GitHubServerFixture;
let dataDir: string;

beforeAll(async () => {
  keyring = await startSecretServiceSandbox({ keyring: true });
  restoreBus = keyring.activate();
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
  dataDir = mkdtempSync(join(tmpdir(), 'release-desk-accounts-'));
});
afterAll(async () => {
  restoreBus?.();
  await keyring?.dispose();
  await fixture?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const secrets = () => createKeychainSecretStore();
const host = () => new URL(fixture.server.apiUrl).host;

function accounts(extra: Partial<Parameters<typeof createGitHubAccounts>[0]> = {}): GitHubAccounts {
  return createGitHubAccounts({
    settings: createConfSettingsStore(dataDir),
    secrets: secrets(),
    projects: () => [project()],
    clientOptions: { retries: 0, writeSpacingMs: 0 },
    ...extra,
  });
}

function project(): Project {
  return {
    id: `${host()}/${fixture.owner}/${fixture.repo}`,
    name: fixture.repo,
    remoteUrl: fixture.server.bareRepositoryPath(fixture.owner, fixture.repo),
    repository: { kind: 'enterprise', host: host(), owner: fixture.owner, repo: fixture.repo },
    localPath: null,
    clonePath: '/nonexistent',
    addedAt: '2026-11-26T00:00:00.000Z',
    configFile: null,
    practice: null,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('GitHub accounts', () => {
  it('checks a token with GET /user, stores it in the keychain and keeps only who and where in settings', async () => {
    const result = await accounts().connect({ token: fixture.server.token, server: fixture.server.apiUrl });

    expect(result.account).toMatchObject({
      host: host(),
      apiUrl: fixture.server.apiUrl,
      login: 'sandbox-user',
      practice: false,
    });
    expect(result.repository).toBeNull();
    expect(await secrets().get(githubTokenAccount(host()))).toBe(fixture.server.token);
    const saved = createConfSettingsStore(dataDir).get('githubAccounts');
    expect(saved.map((account) => account.login)).toEqual(['sandbox-user']);
    expect(JSON.stringify(saved)).not.toContain(fixture.server.token);
    expect(
      accounts()
        .list()
        .map((account) => account.host),
    ).toEqual([host()]);
  });

  it('reports the repository access of a project, and hands out a working client for it', async () => {
    const result = await accounts().connect({ token: fixture.server.token, projectId: project().id });
    expect(result.repository).toEqual({
      fullName: `${fixture.owner}/${fixture.repo}`,
      canPush: true,
      canAdmin: true,
      warnings: [],
    });

    const client = await accounts().clientFor(project());
    const { data } = await client.rest.repos.get({ owner: fixture.owner, repo: fixture.repo });
    expect(data.default_branch).toBe('main');
  });

  it('names the permission GitHub asks for when a token may not read the repository, and stores nothing', async () => {
    await accounts().disconnect(host());
    const noMetadata = fixture.server.issueToken({});
    const error = await rejection(accounts().connect({ token: noMetadata, projectId: project().id }));

    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toContain('Metadata read');
    expect(await secrets().get(githubTokenAccount(host()))).toBeNull();
    expect(accounts().list()).toEqual([]);
  });

  it('connects a read-only token with a warning that the train cannot move with it', async () => {
    const readOnly = fixture.server.issueToken({ metadata: 'read', contents: 'read', pull_requests: 'read' });
    const result = await accounts().connect({ token: readOnly, projectId: project().id });

    expect(result.repository).toMatchObject({ canPush: false, canAdmin: false });
    expect(result.repository?.warnings.join(' ')).toContain('Contents and Pull requests read and write');
    expect(await secrets().get(githubTokenAccount(host()))).toBe(readOnly);
  });

  it('refuses a wrong token with AUTH_FAILED, stores nothing, and never repeats the token', async () => {
    const before = await secrets().get(githubTokenAccount(host()));
    const wrong = 'ghp_wrongTokenValue1234567890abcdef';
    const error = await rejection(accounts().connect({ token: wrong, server: fixture.server.apiUrl }));

    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('did not accept the token');
    expect(`${error.message} ${error.detail ?? ''}`).not.toContain(wrong);
    expect(await secrets().get(githubTokenAccount(host()))).toBe(before);
  });

  it('refuses text that cannot be a token before anything is sent', async () => {
    const error = await rejection(accounts().connect({ token: 'two words', server: fixture.server.apiUrl }));
    expect(error.code).toBe('INVALID_ARGUMENTS');
    expect(error.message).not.toContain('two words');
  });

  it('says GitHub is not connected when there is no token, and uses GITHUB_TOKEN in the command line', async () => {
    await accounts().disconnect(host());
    expect(await secrets().get(githubTokenAccount(host()))).toBeNull();
    expect(accounts().list()).toEqual([]);

    const error = await rejection(accounts().clientFor(project()));
    expect(error.code).toBe('GITHUB_NOT_CONNECTED');
    expect(error.message).toContain('Settings → GitHub');

    const cli = accounts({ env: { GITHUB_TOKEN: fixture.server.token }, apiUrlOverride: fixture.server.apiUrl });
    const client = await cli.clientFor(project());
    const { data } = await client.rest.users.getAuthenticated();
    expect(data.login).toBe('sandbox-user');
    // The environment's token is used, never stored.
    expect(await secrets().get(githubTokenAccount(host()))).toBeNull();
  });
});
