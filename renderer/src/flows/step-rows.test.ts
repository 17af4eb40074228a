import { describe, expect, it } from 'vitest';
import type { FlowPlan, FlowRun, PlannedStep, StepRecord } from '../../../shared/domain/flows/flow-plan';
import {
  currentStep,
  destructiveTitles,
  progressSummary,
  runError,
  runOutputs,
  startConfirmation,
  stepOutputs,
  stepRows,
} from './step-rows';

const planned = (id: string, title: string, step: PlannedStep['step'], destructive = false): PlannedStep => ({
  id,
  title,
  step,
  effects: [`effect of ${id}`],
  destructive,
});

const SHA = 'a'.repeat(40);
const MERGED = 'b'.repeat(40);

const plan: FlowPlan = {
  flow: 'release',
  projectId: 'p1',
  repository: 'hotosm-practice/tasking-manager',
  choices: { version: '2026.11.0' },
  steps: [
    planned('lock', 'Take the lock', { kind: 'acquire-lock' }),
    planned('pr', 'Open the version bump PR bump/2026.11.0 → main', {
      kind: 'open-pr',
      head: 'bump/2026.11.0',
      base: 'main',
      title: 'bump',
      body: 'body',
    }),
    planned(
      'merge',
      'Merge the version bump PR',
      { kind: 'merge-pr', pr: { fromStep: 'pr', output: 'number' }, headSha: SHA, method: 'merge' },
      true,
    ),
    planned(
      'tag',
      'Tag 2026.11.0',
      { kind: 'create-tag', tag: '2026.11.0', sha: MERGED, annotated: false, message: '' },
      true,
    ),
    planned('draft', 'Create the draft release', {
      kind: 'create-release',
      tag: '2026.11.0',
      sha: MERGED,
      name: '2026.11.0',
      body: '',
    }),
    planned('publish', 'Publish the release', { kind: 'publish-release', tag: '2026.11.0' }, true),
    planned('watch', 'Watch Release', {
      kind: 'watch-workflow',
      workflow: 'Release',
      branch: 'main',
      sha: MERGED,
      event: 'release',
    }),
    planned('unlock', 'Give the lock back', { kind: 'release-lock' }),
  ],
};

const record = (id: string, state: StepRecord['state'], outputs: Record<string, string> = {}): StepRecord => ({
  id,
  state,
  startedAt: state === 'pending' ? null : '2026-11-26T10:15:00.000Z',
  endedAt: state === 'done' || state === 'failed' ? '2026-11-26T10:15:05.000Z' : null,
  outputs,
  error: state === 'failed' ? { code: 'CONFLICT', message: 'The head moved.', detail: 'HTTP 409' } : null,
});

const run = (status: FlowRun['status'], steps: StepRecord[]): FlowRun => ({
  id: '20261126-101500-release-ab12',
  plan,
  status,
  by: 'alice',
  startedAt: '2026-11-26T10:15:00.000Z',
  updatedAt: '2026-11-26T10:16:00.000Z',
  steps,
});

describe('the step rows of a plan and a run', () => {
  it('lists the plan in order, pending until a record says otherwise', () => {
    const rows = stepRows(plan, [record('lock', 'done'), record('pr', 'running')]);
    expect(rows.map((row) => [row.id, row.state])).toEqual([
      ['lock', 'done'],
      ['pr', 'running'],
      ['merge', 'pending'],
      ['tag', 'pending'],
      ['draft', 'pending'],
      ['publish', 'pending'],
      ['watch', 'pending'],
      ['unlock', 'pending'],
    ]);
    expect(rows[2]).toMatchObject({ destructive: true, effects: ['effect of merge'], error: null, outputs: {} });
  });

  it('names the step a run stopped at: the failed one, else the running one, else the first unfinished', () => {
    const failed = run('failed', [record('lock', 'done'), record('pr', 'done'), record('merge', 'failed')]);
    expect(currentStep(failed)?.id).toBe('merge');
    expect(runError(failed)).toEqual({ code: 'CONFLICT', message: 'The head moved.', detail: 'HTTP 409' });

    expect(currentStep(run('running', [record('lock', 'done'), record('pr', 'running')]))?.id).toBe('pr');
    // Interrupted between two steps: nothing runs, the next one is where it goes on.
    expect(currentStep(run('running', [record('lock', 'done')]))?.id).toBe('pr');
    expect(runError(run('running', [record('lock', 'done')]))).toBeNull();

    const all = plan.steps.map((step) => record(step.id, 'done'));
    expect(currentStep(run('completed', all))).toBeNull();
    expect(progressSummary(run('completed', all))).toBe('8 of 8 steps done');
  });

  it('asks before the steps that change what others see, naming each one', () => {
    expect(destructiveTitles(plan)).toEqual(['Merge the version bump PR', 'Tag 2026.11.0', 'Publish the release']);
    expect(startConfirmation(plan)).toBe('It will merge the version bump PR, tag 2026.11.0, and publish the release.');
    expect(startConfirmation({ ...plan, steps: plan.steps.filter((step) => !step.destructive) })).toBeNull();
  });
});

describe('what a step produced', () => {
  const step = (id: string) => plan.steps.find((candidate) => candidate.id === id)!.step;

  it('shows pull requests, releases and workflow runs with their pages, and facts as text', () => {
    expect(stepOutputs(step('pr'), { number: '42', url: 'https://github.com/o/r/pull/42', headSha: SHA })).toEqual([
      { label: 'Pull request #42', url: 'https://github.com/o/r/pull/42' },
    ]);
    expect(stepOutputs(step('merge'), { sha: MERGED })).toEqual([{ label: 'Merged as bbbbbbb', url: null }]);
    expect(stepOutputs(step('tag'), { tag: '2026.11.0', sha: MERGED })).toEqual([
      { label: 'Tag 2026.11.0 at bbbbbbb', url: null },
    ]);
    expect(stepOutputs(step('draft'), { id: '7', url: 'https://github.com/o/r/releases/tag/untagged-1' })).toEqual([
      { label: 'Draft release 2026.11.0', url: 'https://github.com/o/r/releases/tag/untagged-1' },
    ]);
    expect(
      stepOutputs(step('watch'), { runId: '9', url: 'https://github.com/o/r/actions/runs/9', conclusion: 'success' }),
    ).toEqual([{ label: 'Release: success', url: 'https://github.com/o/r/actions/runs/9' }]);
    expect(
      stepOutputs(
        { kind: 'cherry-pick', branch: 'hotfix/x', shas: [SHA, MERGED] },
        { branch: 'hotfix/x', sha: MERGED, picked: '1' },
      ),
    ).toEqual([{ label: '1 commit picked; hotfix/x at bbbbbbb', url: null }]);
    expect(
      stepOutputs({ kind: 'wait-commits', branch: 'hotfix/x', base: 'staging' }, { headSha: MERGED, ahead: '2' }),
    ).toEqual([{ label: '2 commits pushed; hotfix/x at bbbbbbb', url: null }]);
    expect(
      stepOutputs(
        { kind: 'bump-version', version: '2026.11.0', files: ['package.json'], branch: 'main', via: 'pr' },
        { sha: MERGED, branch: 'bump/2026.11.0', created: 'false' },
      ),
    ).toEqual([{ label: '2026.11.0 on bump/2026.11.0 at bbbbbbb (already there)', url: null }]);
  });

  it('shows nothing for a step that has not produced its outputs, or has none to show', () => {
    expect(stepOutputs(step('pr'), {})).toEqual([]);
    expect(stepOutputs(step('lock'), { holder: 'alice', since: 'now' })).toEqual([]);
    expect(stepOutputs(step('unlock'), {})).toEqual([]);
    expect(stepOutputs({ kind: 'wait-commits', branch: 'hotfix/x', base: 'staging' }, {})).toEqual([]);
  });

  it('collects a run’s links in plan order, the published release replacing its draft', () => {
    const outputs = runOutputs(
      run('completed', [
        record('lock', 'done'),
        record('pr', 'done', { number: '42', url: 'https://github.com/o/r/pull/42' }),
        record('merge', 'done', { sha: MERGED }),
        record('tag', 'done', { tag: '2026.11.0', sha: MERGED }),
        record('draft', 'done', { id: '7', url: 'https://github.com/o/r/releases/tag/untagged-1' }),
        record('publish', 'done', { id: '7', url: 'https://github.com/o/r/releases/tag/2026.11.0' }),
        record('watch', 'done', { url: 'https://github.com/o/r/actions/runs/9', conclusion: 'success' }),
        record('unlock', 'done'),
      ]),
    );
    expect(outputs).toEqual([
      { kind: 'pull-request', label: 'PR #42', url: 'https://github.com/o/r/pull/42' },
      { kind: 'tag', label: 'Tag 2026.11.0', url: null },
      { kind: 'release', label: 'Release 2026.11.0', url: 'https://github.com/o/r/releases/tag/2026.11.0' },
      { kind: 'workflow', label: 'Release', url: 'https://github.com/o/r/actions/runs/9' },
    ]);
  });
});
