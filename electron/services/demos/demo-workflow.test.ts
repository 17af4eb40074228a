import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoView } from '../../../shared/domain/demos/demo';
import type { Project } from '../../../shared/domain/project';
import { AppError } from '../../../shared/ipc/errors';
import type { WorkflowConfig } from '../../sandbox/github-server/workflow-config';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient, type GitHubClient } from '../github/github-client';
import { listWorkflowRuns } from '../github/workflow-runs';
import { createKeychainSecretStore } from '../secrets/secret-store';
import { createConfSettingsStore } from '../settings/conf-settings-store';
import { createDemosService, type DemoEvents, type DemosService } from './demos-service';

// Workflow-mode demos against the real GitHub-compatible server, every response checked against
// GitHub's OpenAPI description: `up` creates `feature-demo/<name>` through the API, the server starts
// the run that push triggers (its workflow filters on `feature-demo/**`), and the service watches it.
// The project's managed clone is the server's bare repository itself, so its config is the one on main.
// The tests run in order, like one developer's day.

const validator = new OpenApiResponseValidator();
const WORKFLOW_FILE = 'feature-demo.yml';
const demoWorkflow = (conclusion: WorkflowConfig['conclusion']): WorkflowConfig => ({
  name: 'Feature demo',
  path: `.github/workflows/${WORKFLOW_FILE}`,
  on: { push: { branches: ['feature-demo/**'] } },
  conclusion,
  queuedMs: 100,
  durationMs: 200,
});

let fixture: GitHubServerFixture;
let client: GitHubClient;
let root: string;
let project: Project;
let featureSha: string;

beforeAll(async () => {
  fixture = await createGitHubServerFixture(validator);
  root = mkdtempSync(join(tmpdir(), 'rd-demo-workflow-'));
  fixture.commitOn(
    'main',
    '.release-desk.yml',
    `demos:\n  mode: workflow\n  workflow: ${WORKFLOW_FILE}\n`,
    'chore: feature demos by workflow',
  );
  featureSha = fixture.commitOn('feature/map-export', 'map.txt', 'export\n', 'feat: map export', 'main');
  // A deploy of the lanes, which a demo push must not start.
  fixture.server.configureWorkflows(fixture.owner, fixture.repo, [
    demoWorkflow('success'),
    {
      name: 'Deploy to staging',
      path: '.github/workflows/deploy-staging.yml',
      on: { push: { branches: ['staging'] } },
    },
  ]);
  client = createGitHubClient({
    apiUrl: fixture.server.apiUrl,
    token: fixture.server.token,
    retries: 0,
    writeSpacingMs: 0,
  });
  attachOpenApiValidation(client, validator);
  project = {
    id: `local/${fixture.owner}/${fixture.repo}`,
    name: fixture.repo,
    remoteUrl: fixture.server.bareRepositoryPath(fixture.owner, fixture.repo),
    repository: { kind: 'enterprise', host: 'local', owner: fixture.owner, repo: fixture.repo },
    localPath: null,
    clonePath: fixture.server.bareRepositoryPath(fixture.owner, fixture.repo),
    addedAt: '2026-11-26T00:00:00.000Z',
    configFile: null,
    practice: null,
  };
});

afterAll(async () => {
  await fixture?.dispose();
  rmSync(root, { recursive: true, force: true });
});

function service(): DemosService {
  return createDemosService({
    dataDir: join(root, 'data'),
    settings: createConfSettingsStore(join(root, 'data')),
    secrets: createKeychainSecretStore(),
    projects: () => [project],
    hooksDir: join(root, 'hooks'),
    env: {},
    github: { clientFor: () => Promise.resolve(client) },
    workflowPollIntervalMs: 20,
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function recorder() {
  const lines: string[] = [];
  const states: DemoView['state'][] = [];
  const events: DemoEvents = {
    onLog(batch, fromLine) {
      expect(fromLine).toBe(lines.length + 1);
      lines.push(...batch);
    },
    onState: (demo) => states.push(demo.state),
  };
  return { lines, states, events };
}

const request = (name: string, branch = 'feature/map-export') => ({
  projectId: project.id,
  server: 'github',
  branch,
  name,
  expiresInMs: 86_400_000,
  env: {},
});

const demoRef = (name: string) =>
  fixture.bareGit(['for-each-ref', '--format=%(objectname)', `refs/heads/feature-demo/${name}`]);

describe('feature demos in workflow mode', () => {
  it('creates feature-demo/<name> at the branch head and follows the run that push starts to its conclusion', async () => {
    const seen = recorder();
    const demo = await service().up(request('map-export'), seen.events);

    expect(demoRef('map-export')).toBe(featureSha);
    const runs = await listWorkflowRuns(
      client,
      { owner: fixture.owner, repo: fixture.repo },
      {
        branch: 'feature-demo/map-export',
      },
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'Feature demo', event: 'push', headSha: featureSha });
    expect(demo).toMatchObject({
      name: 'map-export',
      branch: 'feature/map-export',
      sha: featureSha,
      server: 'github',
      state: 'running',
      url: runs[0]?.htmlUrl,
    });
    expect(seen.lines[0]).toContain(`feature-demo/map-export at ${featureSha.slice(0, 7)}`);
    expect(seen.lines.at(-1)).toBe(`workflow run #${runs[0]?.id} completed: success`);
    expect(
      seen.lines.slice(1).every((line) => /^workflow run #\d+ (queued|in_progress|completed: success)$/.test(line)),
    ).toBe(true);
    expect(seen.states[0]).toBe('starting');
    expect(seen.states.at(-1)).toBe('running');
  });

  it('finds the demo branch already at the same commit on a second up, without a second ref or run', async () => {
    const demo = await service().up(request('map-export'), recorder().events);
    expect(demo).toMatchObject({ state: 'running', sha: featureSha });
    expect(fixture.bareGit(['for-each-ref', '--format=%(refname)', 'refs/heads/feature-demo/'])).toBe(
      'refs/heads/feature-demo/map-export',
    );
    const runs = await listWorkflowRuns(
      client,
      { owner: fixture.owner, repo: fixture.repo },
      {
        branch: 'feature-demo/map-export',
      },
    );
    expect(runs).toHaveLength(1);
  });

  it('refuses with CONFLICT, naming both commits, when the branch moved on since the demo was launched', async () => {
    const moved = fixture.commitOn('feature/map-export', 'map.txt', 'export v2\n', 'feat: export v2');
    const error = await rejection(service().up(request('map-export'), recorder().events));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(featureSha.slice(0, 7));
    expect(error.message).toContain(moved.slice(0, 7));
    expect(error.message).toMatch(/tear the demo map-export down first/);
    // Never force-moved.
    expect(demoRef('map-export')).toBe(featureSha);
  });

  it('reports a failed run as a failed demo', async () => {
    fixture.server.configureWorkflows(fixture.owner, fixture.repo, [demoWorkflow('failure')]);
    const seen = recorder();
    const demo = await service().up(request('broken', 'main'), seen.events);
    expect(demo.state).toBe('failed');
    expect(seen.lines.at(-1)).toMatch(/^workflow run #\d+ completed: failure$/);
    fixture.server.configureWorkflows(fixture.owner, fixture.repo, [demoWorkflow('success')]);
  });

  it('refuses environment values, which a push cannot carry to the workflow', async () => {
    const error = await rejection(
      service().up({ ...request('with-env'), env: { API_KEY: 'not-shown' } }, recorder().events),
    );
    expect(error.code).toBe('INVALID_ARGUMENTS');
    expect(error.message).not.toContain('not-shown');
    expect(demoRef('with-env')).toBe('');
  });

  it('lists the feature-demo branches as demos on github, with their runs, skipping names no demo could have', async () => {
    fixture.bareGit(['update-ref', 'refs/heads/feature-demo/Not_A_Demo', featureSha]);
    fixture.bareGit(['update-ref', 'refs/heads/feature-demo-lookalike', featureSha]);
    const demos = await service().list();
    expect(demos.map((demo) => [demo.server, demo.name, demo.state])).toEqual([
      ['github', 'broken', 'failed'],
      ['github', 'map-export', 'running'],
    ]);
    expect(demos[1]).toMatchObject({ branch: 'feature-demo/map-export', sha: featureSha });
    expect(demos[1]?.url).toMatch(/\/actions\/runs\/\d+$/);
    expect(await service().status('github', 'map-export')).toEqual(demos[1]);
  });

  it('tears a demo down by deleting its branch, and a second down has nothing to do', async () => {
    expect(await service().down('github', 'map-export')).toEqual({ removed: true });
    expect(demoRef('map-export')).toBe('');
    expect(await service().down('github', 'map-export')).toEqual({ removed: false });
    expect((await service().list()).map((demo) => demo.name)).toEqual(['broken']);
    expect((await rejection(service().status('github', 'map-export'))).code).toBe('NOT_FOUND');
  });
});
