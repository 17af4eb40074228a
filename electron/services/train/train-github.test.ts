import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainGitHubView } from '../../../shared/domain/train/train-github';
import {
  createPracticeSandbox,
  servePracticeSandbox,
  type PracticeSandboxInfo,
  type ServedPracticeSandbox,
} from '../../sandbox/practice/practice-sandbox';
import { attachOpenApiValidation } from '../../sandbox/github-server/testing/github-server-fixture';
import { attachGraphqlValidation } from '../../sandbox/github-server/testing/graphql-query-validator';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient } from '../github/github-client';
import { readTrainGitHub } from './train-github';
import { trainReportForRepository } from './train-service';

// The practice project is a release train in flight, served by the GitHub-compatible server: the
// train's GitHub side is read from it as it would be from github.com.
let root: string;
let info: PracticeSandboxInfo;
let served: ServedPracticeSandbox;
let view: Extract<TrainGitHubView, { state: 'connected' }>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'release-desk-train-github-'));
  info = await createPracticeSandbox(join(root, 'practice'));
  served = await servePracticeSandbox(info.dir);
  const report = await trainReportForRepository(info.bareRepositoryPath, { hooksDir: join(root, 'hooks') });
  const client = createGitHubClient({ apiUrl: served.apiUrl, token: served.token, retries: 0, writeSpacingMs: 0 });
  const validator = new OpenApiResponseValidator();
  // GraphQL first: its hook checks queries against GitHub's schema; the OpenAPI hook skips /graphql.
  attachGraphqlValidation(client);
  attachOpenApiValidation(client, validator);
  const read = await readTrainGitHub(client, {
    repo: { owner: info.owner, repo: info.repo },
    host: 'practice.localhost',
    status: report.status,
    deployWorkflows: report.deployWorkflows,
  });
  if (read.state !== 'connected') throw new Error('expected a connected view');
  view = read;
}, 180_000);

afterAll(async () => {
  await served?.server.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the train as GitHub sees it (practice project)', () => {
  it('names who is connected', () => {
    expect(view.login).toBe('practice-user');
    expect(view.host).toBe('practice.localhost');
  });

  it('finds each lane’s deploy workflow and its latest run on the lane’s branch', () => {
    expect(view.lanes.map((lane) => [lane.lane, lane.branch])).toEqual([
      ['development', 'development'],
      ['staging', 'staging'],
      ['main', 'main'],
    ]);
    for (const lane of view.lanes) {
      expect(lane.deployWorkflow, lane.lane).toMatch(/^deploy-.+\.yml$/);
      expect(lane.latestRun, lane.lane).not.toBeNull();
    }
  });

  it('lists the open PRs into lane branches', () => {
    expect(view.openPulls.length).toBeGreaterThan(0);
    for (const pull of view.openPulls) expect(['development', 'staging', 'main']).toContain(pull.base);
  });

  it('finds the merged PRs behind the commits waiting in each pair, through GraphQL', () => {
    const waiting = view.waitingPulls['development→staging']?.map((pull) => pull.number) ?? [];
    expect(waiting).toEqual([22, 21, 20, 19, 18]);
    // The hotfix waits to go from staging to main, with the freeze.
    expect(view.waitingPulls['staging→main']?.map((pull) => pull.number)).toContain(17);
  });

  it('costs a handful of requests, not one per commit', () => {
    expect(view.requests).toBeLessThanOrEqual(20);
  });
});
