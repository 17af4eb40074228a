import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { etagStats } from './etag-cache';
import { createGitHubClient, type GitHubClient } from './github-client';
import { findOrCreateDraftRelease, publishRelease } from './releases';
import {
  getWorkflowRun,
  listWorkflowRuns,
  watchWorkflowRun,
  type WorkflowRunStatus,
  type WorkflowRunSummary,
} from './workflow-runs';

/** The sandbox server's workflow settings, as its `configureWorkflows` takes them. */
type WorkflowConfig = Parameters<GitHubServerFixture['server']['configureWorkflows']>[2][number];

const validator = new OpenApiResponseValidator();
let fixture: GitHubServerFixture;
let client: GitHubClient;

/**
 * Staging deploys take long enough (against a 20 ms poll, even on a busy machine) for the watcher to see each status more than
 * once; CI on main stays queued for the whole test, so repeated reads of it never change.
 */
const WORKFLOWS: WorkflowConfig[] = [
  {
    name: 'Deploy to staging',
    path: '.github/workflows/deploy-staging.yml',
    on: { push: { branches: ['staging'] } },
    queuedMs: 1000,
    durationMs: 2500,
  },
  { name: 'CI', path: '.github/workflows/ci.yml', on: { push: { branches: ['main'] } }, queuedMs: 600_000 },
  { name: 'Publish', path: '.github/workflows/publish.yml', on: { release: true }, queuedMs: 0, durationMs: 0 },
];

function connect(): GitHubClient {
  const connected = createGitHubClient({
    writeSpacingMs: 0,
    apiUrl: fixture.server.apiUrl,
    token: fixture.server.token,
    retries: 0,
  });
  attachOpenApiValidation(connected, validator);
  return connected;
}

beforeAll(async () => {
  fixture = await createGitHubServerFixture(validator);
  fixture.server.configureWorkflows(fixture.owner, fixture.repo, WORKFLOWS);
  client = connect();
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('workflow runs', () => {
  it('watches a run started by a push into the bare repository from queued to completed, polling with ETags', async () => {
    const sha = fixture.commitOn('staging', 'staging.txt', 's\n', 'fix: hotfix on staging', 'main');
    const [run] = await listWorkflowRuns(client, repo(), { branch: 'staging' });
    expect(run).toMatchObject({ name: 'Deploy to staging', event: 'push', headBranch: 'staging', headSha: sha });

    const before = { ...etagStats(client) };
    const seen: WorkflowRunSummary[] = [];
    const done = await watchWorkflowRun(client, repo(), run?.id ?? 0, {
      intervalMs: 20,
      onUpdate: (update) => seen.push(update),
    });
    expect(done).toMatchObject({ id: run?.id, status: 'completed', conclusion: 'success' });
    // Statuses arrive in order, each once. (On a very busy machine a slow poll may miss a phase, so the
    // test does not insist on seeing all three; the server's own tests pin each status.)
    const statuses = seen.map((update) => update.status);
    expect(statuses.at(-1)).toBe('completed');
    const order: WorkflowRunStatus[] = ['queued', 'in_progress', 'completed'];
    expect(order.filter((status) => statuses.includes(status))).toEqual(statuses);
    // The first poll fetched the run; every later one revalidated it, and each that saw no change got a 304.
    const revalidated = etagStats(client).revalidated - before.revalidated;
    const notModified = etagStats(client).notModified - before.notModified;
    expect(notModified).toBe(revalidated + 1 - seen.length);
  });

  it('polls a run that does not change with conditional requests only, answered 304', async () => {
    const sha = fixture.commitOn('main', 'watched.txt', 'w\n', 'feat: watched on main');
    const [run] = await listWorkflowRuns(client, repo(), { branch: 'main', headSha: sha });
    const before = { ...etagStats(client) };
    const controller = new AbortController();
    const seen: string[] = [];
    const watching = watchWorkflowRun(client, repo(), run?.id ?? 0, {
      intervalMs: 10,
      signal: controller.signal,
      onUpdate: (update) => seen.push(update.status),
    }).catch((error: unknown) => error);
    // CI on main stays queued for ten minutes: stop once three polls have come back 304.
    await vi.waitFor(() => expect(etagStats(client).notModified - before.notModified).toBeGreaterThanOrEqual(3), {
      timeout: 20_000,
      interval: 10,
    });
    controller.abort();
    expect(((await watching) as AppError).code).toBe('CANCELLED');
    expect(seen).toEqual(['queued']);
    const after = etagStats(client);
    expect(after.notModified - before.notModified).toBe(after.revalidated - before.revalidated);
  });

  it('answers repeated reads of an unchanged run with 304', async () => {
    const sha = fixture.commitOn('main', 'main.txt', 'm\n', 'feat: on main');
    const [run] = await listWorkflowRuns(client, repo(), { branch: 'main', headSha: sha });
    const before = etagStats(client).notModified;
    const first = await getWorkflowRun(client, repo(), run?.id ?? 0);
    const second = await getWorkflowRun(client, repo(), run?.id ?? 0);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ name: 'CI', status: 'queued', conclusion: null });
    expect(etagStats(client).notModified - before).toBe(1);
  });

  it('starts a release run when a release is published', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    const { release } = await findOrCreateDraftRelease(client, repo(), {
      tag: 'v1.0.0',
      targetSha: main,
      name: 'v1.0.0',
      body: '',
    });
    expect(await listWorkflowRuns(client, repo(), { event: 'release' })).toEqual([]);
    await publishRelease(client, repo(), release.id);
    const runs = await listWorkflowRuns(client, repo(), { event: 'release' });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'Publish', headBranch: 'v1.0.0', headSha: main, status: 'completed' });
  });

  it('filters by workflow name or file, and gives [] for an unknown workflow', async () => {
    const byName = await listWorkflowRuns(client, repo(), { workflowName: 'Deploy to staging' });
    const byFile = await listWorkflowRuns(client, repo(), { workflowName: 'deploy-staging.yml' });
    expect(byName.map((run) => run.headBranch)).toEqual(['staging']);
    expect(byFile).toEqual(byName);
    expect(await listWorkflowRuns(client, repo(), { workflowName: 'Nightly' })).toEqual([]);
    expect((await listWorkflowRuns(client, repo())).map((run) => run.name)).toEqual([
      'Publish',
      'CI',
      'CI',
      'Deploy to staging',
    ]);
  });

  it('stops watching when asked, with CANCELLED', async () => {
    const [queued] = await listWorkflowRuns(client, repo(), { workflowName: 'CI' });
    const controller = new AbortController();
    const watching = watchWorkflowRun(client, repo(), queued?.id ?? 0, {
      intervalMs: 60_000,
      signal: controller.signal,
      onUpdate: () => controller.abort(),
    });
    const error = await watching.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CANCELLED');
  });

  it('keeps runs across a restart of the server', async () => {
    // html URLs name the server's port, which changes on restart.
    const withoutUrl = (runs: WorkflowRunSummary[]) => runs.map((run) => ({ ...run, htmlUrl: undefined }));
    const before = await listWorkflowRuns(client, repo());
    await fixture.restart();
    client = connect();
    expect(withoutUrl(await listWorkflowRuns(client, repo()))).toEqual(withoutUrl(before));
    const deployed = before.find((run) => run.name === 'Deploy to staging');
    expect(await getWorkflowRun(client, repo(), deployed?.id ?? 0)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });
  });
});
