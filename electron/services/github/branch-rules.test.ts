import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { branchRequirements } from './branch-rules';
import { createGitHubClient, type GitHubClient } from './github-client';

let validator: OpenApiResponseValidator;
let fixture: GitHubServerFixture;
let client: GitHubClient;

function clientFor(token: string): GitHubClient {
  const built = createGitHubClient({ writeSpacingMs: 0, apiUrl: fixture.server.apiUrl, token, retries: 0 });
  attachOpenApiValidation(built, validator);
  return built;
}

beforeAll(async () => {
  validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  client = clientFor(fixture.server.token);
  fixture.commitOn('staging', 'staging.txt', 's\n', 'chore: staging', 'main');
  fixture.commitOn('development', 'dev.txt', 'd\n', 'chore: development', 'main');
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('branch requirements', () => {
  it('reports nothing required for an unprotected branch', async () => {
    expect(await branchRequirements(client, repo(), 'development')).toEqual({
      requiredChecks: [],
      requiredApprovals: 0,
      protectedBranch: false,
      source: 'none',
      protectionReadable: true,
    });
  });

  it('reads classic protection, rulesets, and both merged', async () => {
    await fixture.octokit.rest.repos.updateBranchProtection({
      ...repo(),
      branch: 'main',
      required_status_checks: { strict: false, contexts: ['ci'] },
      enforce_admins: false,
      required_pull_request_reviews: { required_approving_review_count: 1 },
      restrictions: null,
    });
    expect(await branchRequirements(client, repo(), 'main')).toEqual({
      requiredChecks: ['ci'],
      requiredApprovals: 1,
      protectedBranch: true,
      source: 'protection',
      protectionReadable: true,
    });

    await fixture.octokit.rest.repos.createRepoRuleset({
      ...repo(),
      name: 'release branches',
      enforcement: 'active',
      conditions: { ref_name: { include: ['refs/heads/main', 'refs/heads/staging'], exclude: [] } },
      rules: [
        { type: 'deletion' },
        {
          type: 'pull_request',
          parameters: {
            required_approving_review_count: 2,
            dismiss_stale_reviews_on_push: false,
            require_code_owner_review: false,
            require_last_push_approval: false,
            required_review_thread_resolution: false,
          },
        },
        {
          type: 'required_status_checks',
          parameters: {
            required_status_checks: [{ context: 'ci' }, { context: 'e2e' }],
            strict_required_status_checks_policy: false,
          },
        },
      ],
    });
    expect(await branchRequirements(client, repo(), 'main')).toMatchObject({
      requiredChecks: ['ci', 'e2e'],
      requiredApprovals: 2,
      source: 'both',
    });
    expect(await branchRequirements(client, repo(), 'staging')).toMatchObject({
      requiredChecks: ['ci', 'e2e'],
      requiredApprovals: 2,
      protectedBranch: true,
      source: 'rulesets',
    });
  });

  it('says when the token cannot read classic protection, and still reads rulesets', async () => {
    const restricted = clientFor(fixture.server.issueToken({ contents: 'write', pull_requests: 'write' }));
    expect(await branchRequirements(restricted, repo(), 'main')).toEqual({
      requiredChecks: ['ci', 'e2e'],
      requiredApprovals: 2,
      protectedBranch: true,
      source: 'rulesets',
      protectionReadable: false,
    });
  });
});
