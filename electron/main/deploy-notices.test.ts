import { describe, expect, it } from 'vitest';
import type { FlowPlan, FlowRun, RunStatus, StepRecord } from '../../shared/domain/flows/flow-plan';
import { planFlow } from '../flows/planners/plan-flow';
import { literalFacts } from '../flows/planners/testing/literal-facts';
import { createDeployNotifier, deployNotice, deployNotices, type DeployNotice } from './deploy-notices';

const MERGED = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

// The practice project's workflow names, so the notices read as a release manager sees them.
const facts = () => literalFacts({ deployWorkflows: { staging: 'Deploy to staging', main: 'Deploy to production' } });

const freezePlan = (): FlowPlan => planFlow('freeze', facts(), {});
const promotePlan = (): FlowPlan => planFlow('promote', facts(), {});

let clock = Date.parse('2026-11-26T10:15:00Z');

/**
 * A snapshot of a run of `plan`: every step up to `at` done (the merge with its sha), `at` in `state`,
 * the rest pending. Each snapshot is a second newer than the one before.
 */
function snapshot(
  plan: FlowPlan,
  at: string,
  state: StepRecord['state'],
  options: { status?: RunStatus; error?: StepRecord['error']; id?: string } = {},
): FlowRun {
  clock += 1000;
  const stamp = new Date(clock).toISOString();
  const index = plan.steps.findIndex((step) => step.id === at);
  if (index < 0) throw new Error(`no step ${at}`);
  const steps: StepRecord[] = plan.steps.map((planned, position) => {
    const recordState = position < index ? 'done' : position === index ? state : 'pending';
    const ended = recordState === 'done' || recordState === 'failed';
    const merged: Record<string, string> = planned.id === 'merge' && recordState === 'done' ? { sha: MERGED } : {};
    return {
      id: planned.id,
      state: recordState,
      startedAt: recordState === 'pending' ? null : stamp,
      endedAt: ended ? stamp : null,
      outputs: merged,
      error: position === index && recordState === 'failed' ? (options.error ?? null) : null,
    };
  });
  return {
    id: options.id ?? `20261126-101500-${plan.flow}-ab12`,
    plan,
    status: options.status ?? (state === 'failed' ? 'failed' : 'running'),
    by: 'amara',
    startedAt: '2026-11-26T10:15:00.000Z',
    updatedAt: stamp,
    steps,
  };
}

const DEPLOY_FAILED = {
  code: 'CONFLICT',
  message:
    '“Deploy to production” ended with failure for a1b2c3d: see https://github.com/hotosm/tasking-manager/actions/runs/9. ' +
    'Fix the cause, re-run the workflow on GitHub, then resume this run.',
};

describe('deployNotice', () => {
  it('says a staging deploy succeeded when its watch went from running to done', () => {
    const plan = freezePlan();
    expect(plan.steps.map((step) => step.id)).toContain('deploy');
    const notice = deployNotice(snapshot(plan, 'deploy', 'running'), snapshot(plan, 'deploy', 'done'));
    expect(notice).toEqual({
      title: 'Staging deploy succeeded',
      body: 'Deploy to staging finished for a1b2c3d (freeze 2026.11.0).',
      failed: false,
    });
  });

  it('says a production deploy failed, with the step’s error', () => {
    const plan = promotePlan();
    const failed = snapshot(plan, 'deploy', 'failed', { error: DEPLOY_FAILED });
    expect(deployNotice(snapshot(plan, 'deploy', 'running'), failed)).toEqual({
      title: 'Production deploy failed',
      body: DEPLOY_FAILED.message,
      failed: true,
    });
  });

  it('says the watch was stopped, not that the deploy failed, when it was cancelled', () => {
    const plan = freezePlan();
    const stopped = snapshot(plan, 'deploy', 'failed', {
      error: { code: 'CANCELLED', message: 'Stopped during “Watch the Deploy to staging run on staging”.' },
    });
    expect(deployNotice(snapshot(plan, 'deploy', 'running'), stopped)).toMatchObject({
      title: 'Stopped watching the staging deploy',
      failed: true,
    });
  });

  it('names a workflow that is not a deploy as itself', () => {
    const plan = planFlow('release', literalFacts(), {});
    const watch = plan.steps.find((step) => step.step.kind === 'watch-workflow');
    if (!watch) throw new Error('expected the release plan to watch its workflow');
    expect(deployNotice(snapshot(plan, watch.id, 'running'), snapshot(plan, watch.id, 'done'))).toMatchObject({
      title: 'release.yml run succeeded',
      failed: false,
    });
  });

  it('is null when no deploy watch finished between the snapshots', () => {
    const plan = freezePlan();
    const done = snapshot(plan, 'deploy', 'done');
    // Other steps finishing, the watch starting, the same snapshot again, a first sight of a run.
    expect(deployNotice(snapshot(plan, 'wait', 'running'), snapshot(plan, 'merge', 'done'))).toBeNull();
    expect(deployNotice(snapshot(plan, 'merge', 'done'), snapshot(plan, 'deploy', 'running'))).toBeNull();
    expect(deployNotice(done, done)).toBeNull();
    expect(deployNotice(done, snapshot(plan, 'unlock', 'done', { status: 'completed' }))).toBeNull();
    expect(deployNotice(undefined, done)).toBeNull();
    expect(deployNotices(snapshot(plan, 'deploy', 'running', { id: 'other' }), done)).toEqual([]);
  });
});

describe('createDeployNotifier', () => {
  function notifier() {
    const shown: DeployNotice[] = [];
    return { shown, notifier: createDeployNotifier((notice) => shown.push(notice)) };
  }

  it('shows a finished deploy once, however often its snapshots are delivered', () => {
    const plan = freezePlan();
    const { shown, notifier: deploys } = notifier();
    const start = snapshot(plan, 'lock', 'running');
    const running = snapshot(plan, 'deploy', 'running');
    const done = snapshot(plan, 'deploy', 'done');
    const completed = snapshot(plan, 'unlock', 'done', { status: 'completed' });
    // Repeats, and a late (older) snapshot between two copies of the newest.
    for (const run of [start, running, done, done, running, done, completed, completed]) {
      deploys.update(run);
    }
    expect(shown.map((notice) => notice.title)).toEqual(['Staging deploy succeeded']);
  });

  it('shows a failure, then the success after the run is resumed', () => {
    const plan = promotePlan();
    const { shown, notifier: deploys } = notifier();
    deploys.update(snapshot(plan, 'deploy', 'running'));
    deploys.update(snapshot(plan, 'deploy', 'failed', { error: DEPLOY_FAILED }));
    // The failed run ended: delivered again (e.g. read back from the journal) it shows nothing.
    deploys.update(snapshot(plan, 'deploy', 'failed', { error: DEPLOY_FAILED }));
    deploys.update(snapshot(plan, 'deploy', 'running'));
    deploys.update(snapshot(plan, 'deploy', 'done'));
    expect(shown).toEqual([
      { title: 'Production deploy failed', body: DEPLOY_FAILED.message, failed: true },
      {
        title: 'Production deploy succeeded',
        body: 'Deploy to production finished for a1b2c3d (promote 2026.11.0).',
        failed: false,
      },
    ]);
  });

  it('keeps runs apart', () => {
    const { shown, notifier: deploys } = notifier();
    const freeze = freezePlan();
    const promote = promotePlan();
    deploys.update(snapshot(freeze, 'deploy', 'running'));
    deploys.update(snapshot(promote, 'deploy', 'running'));
    deploys.update(snapshot(promote, 'deploy', 'done'));
    deploys.update(snapshot(freeze, 'deploy', 'done'));
    expect(shown.map((notice) => notice.title)).toEqual(['Production deploy succeeded', 'Staging deploy succeeded']);
  });

  it('shows nothing for a run first seen already past its deploy', () => {
    const { shown, notifier: deploys } = notifier();
    const plan = freezePlan();
    deploys.update(snapshot(plan, 'unlock', 'running'));
    deploys.update(snapshot(plan, 'unlock', 'done', { status: 'completed' }));
    expect(shown).toEqual([]);
  });
});
