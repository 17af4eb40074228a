import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachOpenApiValidation } from '../../sandbox/github-server/testing/github-server-fixture';
import { attachGraphqlValidation } from '../../sandbox/github-server/testing/graphql-query-validator';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import {
  createPracticeSandbox,
  servePracticeSandbox,
  type PracticeSandboxInfo,
  type ServedPracticeSandbox,
} from '../../sandbox/practice/practice-sandbox';
import { createGitHubClient } from '../../services/github/github-client';
import type { FlowFacts } from './flow-facts';
import { gatherFlowFacts } from './gather-facts';
import { planFreeze } from './plan-freeze';
import { planRelease } from './plan-release';
import {
  isBlocked,
  preflightBackmerge,
  preflightFreeze,
  preflightHotfix,
  preflightPromote,
  preflightRelease,
} from './preflight';

// The practice project is a train in flight on the GitHub-compatible server: staging holds a freeze
// (#14, #15) and hotfix #17 that development lacks; development has #18–#22 merged and #23 open.
let root: string;
let info: PracticeSandboxInfo;
let served: ServedPracticeSandbox;
let facts: FlowFacts;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'release-desk-flow-facts-'));
  info = await createPracticeSandbox(join(root, 'practice'));
  served = await servePracticeSandbox(info.dir);
  const client = createGitHubClient({ apiUrl: served.apiUrl, token: served.token, retries: 0, writeSpacingMs: 0 });
  attachGraphqlValidation(client);
  attachOpenApiValidation(client, new OpenApiResponseValidator());
  // A hotfix branch left behind by someone else, so the name check has something to find.
  const { data: staging } = await client.rest.git.getRef({ owner: info.owner, repo: info.repo, ref: 'heads/staging' });
  await client.rest.git.createRef({
    owner: info.owner,
    repo: info.repo,
    ref: 'refs/heads/hotfix/offline-sync',
    sha: staging.object.sha,
  });
  facts = await gatherFlowFacts({
    projectId: 'practice',
    dir: info.bareRepositoryPath,
    hooksDir: join(root, 'hooks'),
    repository: { owner: info.owner, repo: info.repo },
    client,
    date: new Date('2026-11-26T12:00:00Z'),
  });
}, 120_000);

afterAll(async () => {
  await served?.server.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const byId = (checks: ReturnType<typeof preflightFreeze>, id: string) => {
  const check = checks.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no check ${id} in ${checks.map((candidate) => candidate.id).join(', ')}`);
  return check;
};

describe('facts of the practice project', () => {
  it('reads the lanes, the config and GitHub’s side', () => {
    expect(facts.repository).toEqual({ owner: 'hotosm-practice', repo: 'tasking-manager' });
    expect(facts.heads.development).toMatch(/^[0-9a-f]{40}$/);
    expect(facts.freeze.sha).toBe(facts.heads.development);
    expect(facts.freezeMode).toBe('branch');
    expect(facts.deployWorkflows).toEqual({
      development: 'deploy-development.yml',
      staging: 'deploy-staging.yml',
      main: 'deploy-production.yml',
    });
    expect(facts.releaseWorkflow).toBe('release.yml');
    expect(facts.tagFormat).toEqual({ scheme: 'calver', prefix: 'v' });
    expect(facts.github?.login).toBe('practice-user');
    expect(facts.github?.permissions.push).toBe(true);
    expect(facts.github?.main.protectedBranch).toBe(false);
    expect(facts.github?.deploys.staging?.workflow).toBe('deploy-staging.yml');
  });

  it('plans the freeze of release/<next CalVer> listing PRs #18–#22', () => {
    expect(facts.freeze.version.next).toBe('2026.11.0');
    expect(facts.freeze.includedPulls.map((pull) => pull.number)).toEqual([22, 21, 20, 19, 18]);
    const plan = planFreeze(facts);
    const branch = plan.steps.find((step) => step.id === 'branch');
    expect(branch?.step).toEqual({ kind: 'create-branch', branch: 'release/2026.11.0', sha: facts.heads.development });
    expect(branch?.effects).toContain(
      `POST /repos/hotosm-practice/tasking-manager/git/refs {"ref":"refs/heads/release/2026.11.0","sha":"${facts.heads.development}"}`,
    );
    const pr = plan.steps.find((step) => step.id === 'pr')?.step;
    if (pr?.kind !== 'open-pr' || typeof pr.body !== 'string') throw new Error('expected an open-pr step with a body');
    expect(pr.head).toBe('release/2026.11.0');
    for (const number of [18, 19, 20, 21, 22]) expect(pr.body).toContain(`- #${number} `);
    expect(pr.body).not.toContain('#23');
    expect(plan.steps.map((step) => step.id)).toEqual(['lock', 'branch', 'pr', 'wait', 'merge', 'deploy', 'unlock']);
  });

  it('passes the freeze preflight: the open PR #23 into development does not block it', () => {
    const checks = preflightFreeze(facts);
    const freezePr = byId(checks, 'no-freeze-pr');
    expect(freezePr.ok).toBe(true);
    expect(freezePr.reason).toContain('#23');
    expect(byId(checks, 'release-branch')).toMatchObject({ ok: true, reason: 'release/2026.11.0 is free.' });
    expect(byId(checks, 'something-to-freeze').ok).toBe(true);
    expect(byId(checks, 'can-push').ok).toBe(true);
    expect(isBlocked(checks)).toBe(false);
  });

  it('shows the back-merge debt of hotfix #17 before a promote, as a warning', () => {
    const checks = preflightPromote(facts);
    const debt = byId(checks, 'back-merge-debt');
    expect(debt).toMatchObject({ ok: false, severity: 'warning' });
    expect(debt.reason).toContain('#17');
    expect(byId(checks, 'no-freeze-pr').ok).toBe(true);
    expect(byId(checks, 'something-to-promote').ok).toBe(true);
    expect(facts.promote.includedPulls.map((pull) => pull.number)).toContain(17);
    expect(facts.promote.notes.length).toBeGreaterThan(0);
  });

  it('has staging debt to back-merge and none on main', () => {
    expect(byId(preflightBackmerge(facts, { from: 'staging' }), 'debt').ok).toBe(true);
    const main = byId(preflightBackmerge(facts, { from: 'main' }), 'debt');
    expect(main).toMatchObject({ ok: false, severity: 'blocker' });
    expect(main.reason).toMatch(/^Nothing to back-merge/);
  });

  it('finds the version files and warns that staging is ahead of main before a release', () => {
    const checks = preflightRelease(facts);
    expect(byId(checks, 'version-files')).toMatchObject({ ok: true });
    expect(byId(checks, 'version-files').reason).toContain('frontend/package.json');
    expect(byId(checks, 'main-current')).toMatchObject({ ok: false, severity: 'warning' });
    expect(byId(checks, 'tag-free').ok).toBe(true);
    // main is not protected on the practice server: the bump is a direct commit.
    const plan = planRelease(facts);
    expect(plan.steps.find((step) => step.id === 'bump')?.step).toMatchObject({ kind: 'bump-version', via: 'direct' });
  });

  it('refuses a hotfix name already taken by a branch', () => {
    const taken = byId(preflightHotfix(facts, { name: 'offline-sync', from: 'staging' }), 'name-free');
    expect(taken.ok).toBe(false);
    expect(taken.reason).toContain(`hotfix/offline-sync already exists at ${facts.heads.staging?.slice(0, 7)}`);
    expect(byId(preflightHotfix(facts, { name: 'new-fix', from: 'staging' }), 'name-free').ok).toBe(true);
  });
});
