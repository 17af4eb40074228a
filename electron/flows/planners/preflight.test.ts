import { describe, expect, it } from 'vitest';
import type { PreflightCheck } from '../../../shared/domain/flows/flow-plan';
import type { FlowFacts } from './flow-facts';
import {
  isBlocked,
  preflight,
  preflightBackmerge,
  preflightFreeze,
  preflightHotfix,
  preflightPromote,
  preflightRelease,
} from './preflight';
import { literalFacts, SHA } from './testing/literal-facts';

function check(checks: PreflightCheck[], id: string): PreflightCheck {
  const found = checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no check ${id} in ${checks.map((candidate) => candidate.id).join(', ')}`);
  return found;
}

function withGitHub(change: Partial<NonNullable<FlowFacts['github']>>): FlowFacts {
  const facts = literalFacts();
  if (!facts.github) throw new Error('expected GitHub facts');
  return { ...facts, github: { ...facts.github, ...change } };
}

const FREEZE_PR = {
  number: 24,
  title: 'Freeze 2026.11.0',
  head: 'release/2026.11.0',
  base: 'staging',
  url: 'https://github.com/hotosm/tasking-manager/pull/24',
};

describe('preflightFreeze', () => {
  it('passes on a green head, with the open feature PR named as not blocking', () => {
    const checks = preflightFreeze(literalFacts());
    expect(isBlocked(checks)).toBe(false);
    expect(checks.every((item) => item.ok)).toBe(true);
    expect(check(checks, 'no-freeze-pr').reason).toContain(
      'Other open PRs do not block it: #23 feat: join by QR code (feat/qr-join → development).',
    );
  });

  it('warns while CI is pending and blocks when it failed', () => {
    const pending = check(preflightFreeze(withGitHub({ ci: { [SHA.development]: 'pending' } })), 'development-ci');
    expect(pending).toMatchObject({ ok: false, severity: 'warning' });
    const failed = preflightFreeze(withGitHub({ ci: { [SHA.development]: 'failure' } }));
    expect(check(failed, 'development-ci')).toMatchObject({
      ok: false,
      severity: 'blocker',
      reason: 'A check failed on ddddddd.',
    });
    expect(isBlocked(failed)).toBe(true);
  });

  it('blocks while a freeze PR is open, naming it and how to go on', () => {
    const facts = withGitHub({ openPulls: [FREEZE_PR] });
    const item = check(preflightFreeze(facts), 'no-freeze-pr');
    expect(item).toMatchObject({ ok: false, severity: 'blocker' });
    expect(item.reason).toBe('A freeze PR is already open: #24 Freeze 2026.11.0 (release/2026.11.0 → staging).');
    expect(item.fix).toContain(FREEZE_PR.url);
    // A development → staging PR is a freeze PR too (freeze.mode: direct); a hotfix into staging is not.
    const direct = withGitHub({ openPulls: [{ ...FREEZE_PR, head: 'development' }] });
    expect(check(preflightFreeze(direct), 'no-freeze-pr').ok).toBe(false);
    const hotfix = withGitHub({ openPulls: [{ ...FREEZE_PR, head: 'hotfix/x' }] });
    expect(check(preflightFreeze(hotfix), 'no-freeze-pr').ok).toBe(true);
  });

  it('blocks when release/<version> was merged already, or stands at another commit', () => {
    const merged = literalFacts({
      remoteBranches: { 'release/2026.11.0': SHA.older },
      freeze: { releaseBranch: { name: 'release/2026.11.0', sha: SHA.older, mergedIntoStaging: true } },
    });
    expect(check(preflightFreeze(merged), 'release-branch').reason).toMatch(/already merged into staging/);
    const elsewhere = literalFacts({ remoteBranches: { 'release/2026.11.0': SHA.older } });
    expect(check(preflightFreeze(elsewhere), 'release-branch')).toMatchObject({
      ok: false,
      reason: 'release/2026.11.0 already exists at 0123456, not at ddddddd.',
    });
    const same = literalFacts({ remoteBranches: { 'release/2026.11.0': SHA.development } });
    expect(check(preflightFreeze(same), 'release-branch').ok).toBe(true);
  });

  it('checks the version chosen by hand, and its branch', () => {
    expect(check(preflightFreeze(literalFacts(), { version: 'nope' }), 'version').ok).toBe(false);
    const taken = literalFacts({ remoteBranches: { 'release/2026.12.0': SHA.older } });
    expect(check(preflightFreeze(taken, { version: '2026.12.0' }), 'release-branch').ok).toBe(false);
  });

  it('has no release-branch check in direct mode, and blocks when there is nothing to freeze', () => {
    expect(preflightFreeze(literalFacts({ freezeMode: 'direct' })).some((item) => item.id === 'release-branch')).toBe(
      false,
    );
    expect(check(preflightFreeze(literalFacts({ freeze: { waitingCommits: 0 } })), 'something-to-freeze').ok).toBe(
      false,
    );
  });

  it('blocks without GitHub or without push access', () => {
    expect(check(preflightFreeze(literalFacts({ github: null })), 'github')).toMatchObject({
      ok: false,
      severity: 'blocker',
    });
    const readOnly = check(preflightFreeze(withGitHub({ permissions: { push: false, admin: false } })), 'can-push');
    expect(readOnly).toMatchObject({ ok: false, severity: 'blocker' });
    expect(readOnly.fix).toMatch(/Contents: write/);
  });
});

describe('preflightPromote', () => {
  const deploy = (change: object) =>
    withGitHub({
      deploys: {
        staging: {
          workflow: 'deploy-staging.yml',
          status: 'completed',
          conclusion: 'success',
          headSha: SHA.staging,
          url: 'https://example.test/run/7',
          ...change,
        },
      },
    });

  it('blocks on a failed staging deploy and warns on one still running', () => {
    const failed = check(preflightPromote(deploy({ conclusion: 'failure' })), 'staging-deploy');
    expect(failed).toMatchObject({ ok: false, severity: 'blocker' });
    expect(failed.reason).toBe('The last deploy-staging.yml run (of 5555555) ended in failure.');
    expect(failed.fix).toContain('https://example.test/run/7');
    expect(
      check(preflightPromote(deploy({ status: 'in_progress', conclusion: null })), 'staging-deploy'),
    ).toMatchObject({
      ok: false,
      severity: 'warning',
    });
    expect(check(preflightPromote(deploy({ headSha: SHA.older })), 'staging-deploy').severity).toBe('warning');
    expect(check(preflightPromote(deploy({})), 'staging-deploy').ok).toBe(true);
  });

  it('shows back-merge debt as a warning that names the hotfix, and blocks on an open freeze PR', () => {
    const checks = preflightPromote(literalFacts());
    expect(check(checks, 'back-merge-debt')).toMatchObject({
      ok: false,
      severity: 'warning',
      reason: '1 hotfix on staging is not in development (#17).',
    });
    expect(isBlocked(checks)).toBe(false);
    expect(isBlocked(preflightPromote(withGitHub({ openPulls: [FREEZE_PR] })))).toBe(true);
  });
});

describe('preflightRelease', () => {
  it('blocks a tag that is taken, and version files that cannot be bumped', () => {
    const checks = preflightRelease(literalFacts({ tags: { 'v2026.11.0': SHA.older } }));
    expect(check(checks, 'tag-free')).toMatchObject({
      ok: false,
      reason: 'The tag v2026.11.0 already exists at 0123456.',
    });
    const broken = literalFacts({ release: { versionFiles: [{ path: 'a.toml', problem: 'It says 1.0.' }] } });
    expect(check(preflightRelease(broken), 'version-files')).toMatchObject({
      ok: false,
      reason: 'a.toml: It says 1.0.',
    });
  });

  it('warns when staging is ahead of main and says how the bump lands', () => {
    const checks = preflightRelease(literalFacts({ release: { stagingAheadOfMain: 3 } }));
    expect(check(checks, 'main-current')).toMatchObject({ ok: false, severity: 'warning' });
    expect(check(checks, 'bump-route').reason).toMatch(/committed to it directly/);
    expect(isBlocked(checks)).toBe(false);
  });
});

describe('preflightHotfix and preflightBackmerge', () => {
  it('refuses a bad hotfix name with what is allowed, and a taken one', () => {
    expect(check(preflightHotfix(literalFacts(), { name: 'Bad Name', from: 'staging' }), 'name').reason).toMatch(
      /lower-case letters, digits and dashes/,
    );
    const taken = literalFacts({ remoteBranches: { 'hotfix/x': SHA.staging } });
    expect(check(preflightHotfix(taken, { name: 'x', from: 'staging' }), 'name-free').ok).toBe(false);
    expect(isBlocked(preflightHotfix(literalFacts(), { name: 'x', from: 'staging' }))).toBe(false);
  });

  it('blocks a back-merge with nothing to back-merge and names an open one', () => {
    expect(check(preflightBackmerge(literalFacts(), { from: 'main' }), 'debt').reason).toBe(
      'Nothing to back-merge: development already has every commit of main.',
    );
    const open = withGitHub({ openPulls: [{ ...FREEZE_PR, number: 30, head: 'staging', base: 'development' }] });
    expect(check(preflight('backmerge', open, { from: 'staging' }), 'open-backmerge').reason).toMatch(/^#30 /);
  });
});
