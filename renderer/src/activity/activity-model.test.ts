import { describe, expect, it } from 'vitest';
import type { FlowPlan, FlowRun, StepRecord } from '../../../shared/domain/flows/flow-plan';
import {
  activityRows,
  ANY,
  describeFilter,
  exportJson,
  exportMarkdown,
  filterRuns,
  formatDuration,
  isFiltered,
  NO_FILTER,
  projectOptions,
  runDurationMs,
} from './activity-model';

const plan = (flow: FlowPlan['flow'], projectId: string): FlowPlan => ({
  flow,
  projectId,
  repository: projectId === 'p1' ? 'hotosm/field-tm' : 'hotosm-practice/tasking-manager',
  choices: flow === 'release' ? { version: '2026.11.0' } : {},
  steps: [
    { id: 'lock', title: 'Take the lock', step: { kind: 'acquire-lock' }, effects: [], destructive: false },
    {
      id: 'pr',
      title: 'Open the PR a | b',
      step: { kind: 'open-pr', head: 'staging', base: 'main', title: 't', body: 'b' },
      effects: ['POST /repos/o/r/pulls'],
      destructive: false,
    },
  ],
});

const done = (id: string, outputs: Record<string, string> = {}): StepRecord => ({
  id,
  state: 'done',
  startedAt: '2026-11-26T10:00:00.000Z',
  endedAt: '2026-11-26T10:00:01.000Z',
  outputs,
  error: null,
});

const completed: FlowRun = {
  id: '20261126-100000-release-aa11',
  plan: plan('release', 'p1'),
  status: 'completed',
  by: 'alice',
  startedAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:03:05.000Z',
  steps: [done('lock'), done('pr', { number: '42', url: 'https://github.com/hotosm/field-tm/pull/42' })],
};
const failed: FlowRun = {
  id: '20261125-090000-freeze-bb22',
  plan: plan('freeze', 'p2'),
  status: 'failed',
  by: 'bob',
  startedAt: '2026-11-25T09:00:00.000Z',
  updatedAt: '2026-11-25T09:00:45.000Z',
  steps: [
    done('lock'),
    {
      id: 'pr',
      state: 'failed',
      startedAt: '2026-11-25T09:00:01.000Z',
      endedAt: '2026-11-25T09:00:45.000Z',
      outputs: {},
      error: { code: 'PERMISSION_DENIED', message: 'The token cannot open pull requests.' },
    },
  ],
};
const running: FlowRun = {
  ...completed,
  id: '20261126-110000-promote-cc33',
  plan: plan('promote', 'p1'),
  status: 'running',
  startedAt: '2026-11-26T11:00:00.000Z',
  updatedAt: '2026-11-26T11:00:10.000Z',
  steps: [done('lock')],
};
const runs = [running, completed, failed];
const projects = [{ id: 'p1', name: 'Field-TM' }];
const now = new Date('2026-11-26T11:02:00.000Z');

describe('the Activity filters', () => {
  it('keeps the runs of one project, flow and status, in order', () => {
    expect(filterRuns(runs, NO_FILTER)).toEqual(runs);
    expect(filterRuns(runs, { ...NO_FILTER, projectId: 'p1' })).toEqual([running, completed]);
    expect(filterRuns(runs, { ...NO_FILTER, projectId: 'p1', flow: 'release' })).toEqual([completed]);
    expect(filterRuns(runs, { projectId: ANY, flow: ANY, status: 'failed' })).toEqual([failed]);
    expect(filterRuns(runs, { projectId: 'p2', flow: 'release', status: ANY })).toEqual([]);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, status: 'running' })).toBe(true);
  });

  it('offers the app’s projects by name and removed ones by repository', () => {
    expect(projectOptions(runs, projects)).toEqual([
      { id: 'p1', name: 'Field-TM' },
      { id: 'p2', name: 'hotosm-practice/tasking-manager (removed)' },
    ]);
    expect(describeFilter({ projectId: 'p1', flow: 'backmerge', status: 'failed' }, projects)).toBe(
      'flow: Back-merge, project: Field-TM, status: Failed',
    );
    expect(describeFilter(NO_FILTER, projects)).toBe('');
  });
});

describe('a run as a row', () => {
  it('reads durations until the last write, or until now while running', () => {
    expect(runDurationMs(completed, now)).toBe(185_000);
    expect(runDurationMs(running, now)).toBe(120_000);
    expect(runDurationMs({ ...completed, startedAt: 'garbage' }, now)).toBeNull();
    expect([45_000, 60_000, 185_000, 3_600_000, 7_440_000].map(formatDuration)).toEqual([
      '45 s',
      '1 min',
      '3 min 5 s',
      '1 h',
      '2 h 4 min',
    ]);
  });

  it('names the project, who, the result, where a run stopped and its links', () => {
    const [runningRow, completedRow, failedRow] = activityRows(runs, projects, now);
    expect(completedRow).toMatchObject({
      flowName: 'Release',
      project: 'Field-TM',
      by: 'alice',
      statusLabel: 'Completed',
      duration: '3 min 5 s',
      stoppedAt: null,
      outputs: [{ kind: 'pull-request', label: 'PR #42', url: 'https://github.com/hotosm/field-tm/pull/42' }],
    });
    expect(failedRow).toMatchObject({
      project: 'hotosm-practice/tasking-manager',
      stoppedAt: { title: 'Open the PR a | b', message: 'The token cannot open pull requests.' },
      outputs: [],
    });
    expect(runningRow).toMatchObject({
      statusLabel: 'Running',
      duration: '2 min',
      stoppedAt: { title: 'Open the PR a | b' },
    });
  });
});

describe('the export', () => {
  it('writes JSON entries with who, what, when, the result, the links and each step', () => {
    const parsed = JSON.parse(exportJson([failed], activityRows([failed], projects, now))) as { runs: unknown[] };
    expect(parsed.runs).toEqual([
      {
        id: failed.id,
        flow: 'freeze',
        project: 'hotosm-practice/tasking-manager',
        repository: 'hotosm-practice/tasking-manager',
        by: 'bob',
        startedAt: failed.startedAt,
        updatedAt: failed.updatedAt,
        status: 'failed',
        choices: {},
        outputs: [],
        steps: [
          {
            id: 'lock',
            title: 'Take the lock',
            state: 'done',
            startedAt: '2026-11-26T10:00:00.000Z',
            endedAt: '2026-11-26T10:00:01.000Z',
          },
          {
            id: 'pr',
            title: 'Open the PR a | b',
            state: 'failed',
            startedAt: '2026-11-25T09:00:01.000Z',
            endedAt: '2026-11-25T09:00:45.000Z',
            error: { code: 'PERMISSION_DENIED', message: 'The token cannot open pull requests.' },
          },
        ],
      },
    ]);
  });

  it('writes a Markdown table with pipes escaped and links only for web pages', () => {
    const text = exportMarkdown(activityRows([completed, failed], projects, now), now, 'flow: Release');
    expect(text.split('\n')).toEqual([
      '# Release Desk activity',
      '',
      'Exported 2026-11-26T11:02:00.000Z; 2 runs (flow: Release).',
      '',
      '| Started (UTC) | Flow | Project | By | Status | Duration | Links |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| 2026-11-26T10:00:00.000Z | Release | Field-TM | alice | Completed | 3 min 5 s | [PR #42](<https://github.com/hotosm/field-tm/pull/42>) |',
      '| 2026-11-25T09:00:00.000Z | Freeze | hotosm-practice/tasking-manager | bob | Failed at “Open the PR a \\| b”: The token cannot open pull requests. | 45 s |  |',
      '',
    ]);
    const piped = {
      ...completed,
      steps: [done('lock'), done('pr', { number: '7', url: 'https://example.test/a|b c' })],
    };
    expect(exportMarkdown(activityRows([piped], projects, now), now, '')).toContain(
      '| [PR #7](<https://example.test/a%7Cb%20c>) |',
    );
    expect(exportMarkdown([], now, '')).toBe(
      '# Release Desk activity\n\nExported 2026-11-26T11:02:00.000Z; 0 runs.\n\nNo runs.\n',
    );
  });
});
