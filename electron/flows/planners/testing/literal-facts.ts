import type { FlowFacts } from '../flow-facts';

/** Shas that read as what they are in a failing assertion. */
export const SHA = {
  development: 'd'.repeat(40),
  staging: '5'.repeat(40),
  main: 'a'.repeat(40),
  older: '0123456789abcdef0123456789abcdef01234567',
  fix: 'f'.repeat(40),
  fix2: 'e'.repeat(40),
} as const;

/** A deep-partial override of {@link FlowFacts}: objects merge, everything else is replaced. */
export type FactsOverride = {
  [K in keyof FlowFacts]?: FlowFacts[K] extends object ? Partial<FlowFacts[K]> : FlowFacts[K];
};

/**
 * Facts of a train in flight, written out by hand for planner tests: development has #18–#22 for
 * 2026.11.0, staging carries hotfix #17 that development lacks, main is unprotected.
 */
export function literalFacts(override: FactsOverride = {}): FlowFacts {
  const base: FlowFacts = {
    projectId: 'tm',
    repository: { owner: 'hotosm', repo: 'tasking-manager' },
    branches: { development: 'development', staging: 'staging', main: 'main' },
    heads: { development: SHA.development, staging: SHA.staging, main: SHA.main },
    remoteBranches: { development: SHA.development, staging: SHA.staging, main: SHA.main },
    tags: { 'v2026.10.0': SHA.older, 'v2026.10.1': SHA.main },
    tagFormat: { scheme: 'calver', prefix: 'v' },
    freezeMode: 'branch',
    mergeMethod: 'merge',
    deployWorkflows: { staging: 'deploy-staging.yml', main: 'deploy-production.yml' },
    releaseWorkflow: 'release.yml',
    backMerge: [
      {
        lane: 'staging',
        commits: [SHA.staging],
        prs: [17],
        details: [
          {
            sha: SHA.staging,
            date: '2026-10-27T12:45:00Z',
            author: 'Priya Raman',
            subject: 'fix(submissions): ignore duplicate submissions from one device (#17)',
            isMerge: false,
          },
        ],
        message: '1 hotfix on staging is not in development',
      },
    ],
    freeze: {
      version: {
        scheme: 'calver',
        current: '2026.10.1',
        next: '2026.11.0',
        tag: 'v2026.11.0',
        reason: 'There are new features: a new minor release.',
      },
      sha: SHA.development,
      includedPulls: [22, 21, 20, 19, 18].map((number) => ({
        number,
        title: `Change ${number}`,
        head: `feat/${number}`,
        base: 'development',
        url: `https://github.com/hotosm/tasking-manager/pull/${number}`,
      })),
      waitingCommits: 9,
      releaseBranch: { name: 'release/2026.11.0', sha: null, mergedIntoStaging: false },
    },
    promote: {
      version: { scheme: 'calver', current: '2026.10.1', next: '2026.11.0', tag: 'v2026.11.0', reason: 'Features.' },
      notes: '## Features\n* Leaderboard (#14)\n',
      waitingCommits: 4,
      includedPulls: [],
    },
    release: {
      version: { scheme: 'calver', current: '2026.10.1', next: '2026.11.0', tag: 'v2026.11.0', reason: 'Features.' },
      notes: '## Features\n* Leaderboard (#14)\n',
      versionFiles: [
        { path: 'frontend/package.json', problem: null },
        { path: 'backend/pyproject.toml', problem: null },
      ],
      stagingAheadOfMain: 0,
    },
    github: {
      login: 'amara',
      permissions: { push: true, admin: false },
      openPulls: [
        {
          number: 23,
          title: 'feat: join by QR code',
          head: 'feat/qr-join',
          base: 'development',
          url: 'https://github.com/hotosm/tasking-manager/pull/23',
        },
      ],
      main: { protectedBranch: false, requiredChecks: [], requiredApprovals: 0, complete: true },
      ci: { [SHA.development]: 'success' },
      deploys: {
        staging: {
          workflow: 'deploy-staging.yml',
          status: 'completed',
          conclusion: 'success',
          headSha: SHA.staging,
          url: 'https://github.com/hotosm/tasking-manager/actions/runs/7',
        },
      },
    },
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const original = (base as unknown as Record<string, unknown>)[key];
    const isObject = (item: unknown) => typeof item === 'object' && item !== null && !Array.isArray(item);
    merged[key] = isObject(original) && isObject(value) ? { ...(original as object), ...(value as object) } : value;
  }
  return merged as unknown as FlowFacts;
}
