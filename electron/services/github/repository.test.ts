import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient, type GitHubClient } from './github-client';
import { getRepositoryAccess } from './repository';

let validator: OpenApiResponseValidator;
let fixture: GitHubServerFixture;

function clientFor(token: string): GitHubClient {
  const built = createGitHubClient({ writeSpacingMs: 0, apiUrl: fixture.server.apiUrl, token, retries: 0 });
  attachOpenApiValidation(built, validator);
  return built;
}

beforeAll(async () => {
  validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('repository access', () => {
  it('reads the default branch, visibility and the full permissions of the main token', async () => {
    const access = await getRepositoryAccess(clientFor(fixture.server.token), repo());
    expect(access).toEqual({
      defaultBranch: 'main',
      private: true,
      htmlUrl: `${fixture.server.apiUrl}/_html/${fixture.owner}/${fixture.repo}`,
      permissions: { admin: true, push: true, pull: true },
    });
  });

  it('shows what a restricted token may do', async () => {
    const readOnly = clientFor(fixture.server.issueToken({ contents: 'read', pull_requests: 'write' }));
    expect((await getRepositoryAccess(readOnly, repo())).permissions).toEqual({
      admin: false,
      push: false,
      pull: true,
    });
  });

  it('is NOT_FOUND for a repository that does not exist', async () => {
    const error = await getRepositoryAccess(clientFor(fixture.server.token), {
      owner: 'nobody',
      repo: 'nothing',
    }).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
