import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerState } from './server-state';
import { startGitHubServer } from './github-server';
import {
  createGitHubServerFixture,
  failureOf,
  validatedOctokit,
  type GitHubServerFixture,
} from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';
import type { WorkflowConfig } from './workflow-config';
import { branchMatches, runProgressAt, type StoredWorkflowRun } from './workflow-runs';

let fixture: GitHubServerFixture;
const validator = new OpenApiResponseValidator();

/** Timings that pin a run in one status for the whole test, so no assertion depends on the clock. */
const STAYS_QUEUED = { queuedMs: 600_000, durationMs: 1 };
const STAYS_RUNNING = { queuedMs: 0, durationMs: 600_000 };
const DONE_AT_ONCE = { queuedMs: 0, durationMs: 0 };

const WORKFLOWS: WorkflowConfig[] = [
  {
    name: 'Deploy to staging',
    path: '.github/workflows/deploy-staging.yml',
    on: { push: { branches: ['staging'] } },
    ...STAYS_QUEUED,
  },
  {
    name: 'CI',
    path: '.github/workflows/ci.yml',
    on: { push: { branches: ['main', 'feature/**'] } },
    ...STAYS_RUNNING,
  },
  {
    name: 'Publish',
    path: '.github/workflows/publish.yml',
    on: { release: true },
    conclusion: 'failure',
    ...DONE_AT_ONCE,
  },
];

beforeAll(async () => {
  fixture = await createGitHubServerFixture(validator);
  fixture.commitOn('staging', 'staging.txt', 's\n', 'chore: staging exists before the workflows', 'main');
  fixture.server.configureWorkflows(fixture.owner, fixture.repo, WORKFLOWS);
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });
const listRuns = async (filters: Record<string, string | number> = {}) =>
  (await fixture.octokit.rest.actions.listWorkflowRunsForRepo({ ...repo(), ...filters })).data;
const storedState = () => JSON.parse(readFileSync(join(fixture.stateDir, 'state.json'), 'utf8')) as ServerState;

describe('workflows', () => {
  it('lists the configured workflows, and none have run for the branches as they were', async () => {
    const { data } = await fixture.octokit.rest.actions.listRepoWorkflows(repo());
    expect(data.total_count).toBe(3);
    expect(data.workflows.map((workflow) => [workflow.name, workflow.path, workflow.state])).toEqual([
      ['Deploy to staging', '.github/workflows/deploy-staging.yml', 'active'],
      ['CI', '.github/workflows/ci.yml', 'active'],
      ['Publish', '.github/workflows/publish.yml', 'active'],
    ]);
    expect(await listRuns()).toEqual({ total_count: 0, workflow_runs: [] });
  });

  it('starts a push run for a push straight into the bare repository, and none for other branches', async () => {
    const sha = fixture.commitOn('staging', 'staging.txt', 's2\n', 'fix: hotfix on staging');
    fixture.commitOn('unwatched', 'u.txt', 'u\n', 'chore: nobody runs this', 'main');
    const runs = await listRuns();
    expect(runs.total_count).toBe(1);
    expect(runs.workflow_runs[0]).toMatchObject({
      name: 'Deploy to staging',
      event: 'push',
      head_branch: 'staging',
      head_sha: sha,
      status: 'queued',
      conclusion: null,
      display_title: 'fix: hotfix on staging',
      path: '.github/workflows/deploy-staging.yml',
      run_number: 1,
      head_commit: { id: sha, message: 'fix: hotfix on staging' },
    });
  });

  it('starts runs for new branches matching a glob and for a ref moved through the API', async () => {
    const feature = fixture.commitOn('feature/maps/offline', 'f.txt', 'f\n', 'feat: offline maps', 'main');
    await fixture.octokit.rest.git.updateRef({ ...repo(), ref: 'heads/main', sha: feature });
    const runs = await listRuns({ event: 'push' });
    const ci = runs.workflow_runs.filter((run) => run.name === 'CI');
    expect(ci.map((run) => [run.head_branch, run.head_sha, run.status])).toEqual(
      expect.arrayContaining([
        ['feature/maps/offline', feature, 'in_progress'],
        ['main', feature, 'in_progress'],
      ]),
    );
    expect(ci).toHaveLength(2);
    expect(new Set(ci.map((run) => run.run_number))).toEqual(new Set([1, 2]));
  });

  it('starts a release run when a release is published, not when a draft is created', async () => {
    const { data: draft } = await fixture.octokit.rest.repos.createRelease({
      ...repo(),
      tag_name: 'v1.0.0',
      draft: true,
    });
    expect((await listRuns({ event: 'release' })).total_count).toBe(0);
    await fixture.octokit.rest.repos.updateRelease({
      ...repo(),
      release_id: draft.id,
      name: 'Version 1',
      draft: false,
    });
    const runs = await listRuns({ event: 'release' });
    expect(runs.workflow_runs).toHaveLength(1);
    expect(runs.workflow_runs[0]).toMatchObject({
      name: 'Publish',
      head_branch: 'v1.0.0',
      head_sha: fixture.bareGit(['rev-parse', 'v1.0.0^{commit}']),
      status: 'completed',
      conclusion: 'failure',
      display_title: 'Version 1',
    });
    // Publishing again (a no-op PATCH) starts nothing more.
    await fixture.octokit.rest.repos.updateRelease({ ...repo(), release_id: draft.id, draft: false });
    expect((await listRuns({ event: 'release' })).total_count).toBe(1);
  });

  it('filters by branch, head sha, status and conclusion, pages, and lists one workflow by id or file', async () => {
    const all = await listRuns();
    expect(all.total_count).toBe(4);
    expect(all.workflow_runs.map((run) => run.id)).toEqual(
      [...all.workflow_runs.map((run) => run.id)].sort((a, b) => b - a),
    );
    expect((await listRuns({ branch: 'staging' })).workflow_runs.map((run) => run.name)).toEqual(['Deploy to staging']);
    const staging = all.workflow_runs.find((run) => run.head_branch === 'staging');
    expect((await listRuns({ head_sha: staging?.head_sha ?? '' })).total_count).toBe(1);
    expect((await listRuns({ status: 'queued' })).total_count).toBe(1);
    expect((await listRuns({ status: 'in_progress' })).total_count).toBe(2);
    expect((await listRuns({ status: 'completed' })).total_count).toBe(1);
    expect((await listRuns({ status: 'failure' })).total_count).toBe(1);
    expect((await listRuns({ status: 'success' })).total_count).toBe(0);

    const page = await fixture.octokit.rest.actions.listWorkflowRunsForRepo({ ...repo(), per_page: 1, page: 2 });
    expect(page.data).toMatchObject({ total_count: 4, workflow_runs: [{ id: all.workflow_runs[1]?.id }] });
    expect(page.headers.link).toContain('rel="next"');

    const ci = (await fixture.octokit.rest.actions.listRepoWorkflows(repo())).data.workflows[1];
    const byId = await fixture.octokit.rest.actions.listWorkflowRuns({ ...repo(), workflow_id: ci?.id ?? 0 });
    const byFile = await fixture.octokit.rest.actions.listWorkflowRuns({ ...repo(), workflow_id: 'ci.yml' });
    expect(byId.data.total_count).toBe(2);
    expect(byFile.data).toEqual(byId.data);
    const unknown = await failureOf(
      fixture.octokit.rest.actions.listWorkflowRuns({ ...repo(), workflow_id: 'no.yml' }),
    );
    expect(unknown.status).toBe(404);
  });

  it('gets one run, and 404s for an unknown one', async () => {
    const [newest] = (await listRuns()).workflow_runs;
    const { data } = await fixture.octokit.rest.actions.getWorkflowRun({ ...repo(), run_id: newest?.id ?? 0 });
    expect(data).toEqual(newest);
    expect((await failureOf(fixture.octokit.rest.actions.getWorkflowRun({ ...repo(), run_id: 1 }))).status).toBe(404);
  });

  it('notices a push on its timer, with no request to the repository', async () => {
    const sha = fixture.commitOn('staging', 'staging.txt', 's3\n', 'fix: another hotfix');
    await vi.waitFor(
      () =>
        expect(storedState().repos['practice-org/field-app']?.workflowRuns?.map((run) => run.headSha)).toContain(sha),
      { timeout: 10_000, interval: 100 },
    );
  });

  it('keeps workflows and runs across a restart, and runs for a push made while it was stopped', async () => {
    const before = await listRuns();
    await fixture.server.close();
    const sha = fixture.commitOn('staging', 'staging.txt', 's4\n', 'fix: pushed while the server was down');
    // What `fixture.restart()` does, with the push above in between.
    fixture.server = await startGitHubServer({ stateDir: fixture.stateDir, token: fixture.server.token });
    fixture.octokit = validatedOctokit(fixture.server, validator);
    const after = await listRuns();
    expect(after.total_count).toBe(before.total_count + 1);
    expect(after.workflow_runs[0]).toMatchObject({ head_branch: 'staging', head_sha: sha, status: 'queued' });
    expect(after.workflow_runs.slice(1).map((run) => [run.id, run.status, run.conclusion])).toEqual(
      before.workflow_runs.map((run) => [run.id, run.status, run.conclusion]),
    );
    // The fixture's own dispose closes the server it started (already closed above), not this one.
    await fixture.server.close();
  });
});

describe('branch filters', () => {
  it('matches exact names, * within a segment and ** across segments', () => {
    expect(branchMatches(['main'], 'main')).toBe(true);
    expect(branchMatches(['main'], 'main2')).toBe(false);
    expect(branchMatches(['release/*'], 'release/2026.1')).toBe(true);
    expect(branchMatches(['release/*'], 'release/2026/1')).toBe(false);
    expect(branchMatches(['feature/**'], 'feature/a/b')).toBe(true);
    expect(branchMatches(['v1.0'], 'v1x0')).toBe(false);
  });
});

describe('run progress by the clock', () => {
  it('is queued, then in progress, then completed with the configured conclusion', () => {
    const createdAtMs = Date.parse('2026-01-05T10:00:00Z');
    const run = { createdAtMs, queuedMs: 1000, durationMs: 5000, conclusion: 'cancelled' } as StoredWorkflowRun;
    expect(runProgressAt(run, createdAtMs + 999)).toEqual({
      status: 'queued',
      conclusion: null,
      updatedAt: '2026-01-05T10:00:00Z',
      startedAt: null,
    });
    expect(runProgressAt(run, createdAtMs + 1000)).toEqual({
      status: 'in_progress',
      conclusion: null,
      updatedAt: '2026-01-05T10:00:01Z',
      startedAt: '2026-01-05T10:00:01Z',
    });
    expect(runProgressAt(run, createdAtMs + 6000)).toEqual({
      status: 'completed',
      conclusion: 'cancelled',
      updatedAt: '2026-01-05T10:00:06Z',
      startedAt: '2026-01-05T10:00:01Z',
    });
  });
});
