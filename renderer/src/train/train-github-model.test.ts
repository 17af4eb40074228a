import { describe, expect, it } from 'vitest';
import type { TrainGitHubView, TrainPull } from '../../../shared/domain/train/train-github';
import {
  ciStatusOf,
  connectedView,
  githubBarKind,
  githubErrorAdvice,
  initialGitHubLoad,
  isFixedInSettings,
  laneGitHubOf,
  openableUrl,
  pairKey,
  pollDelay,
  POLL_DELAYS_MS,
  runStatusOf,
  settleGitHubLoad,
  showsGitHubPlaceholders,
  sortOpenPulls,
  startGitHubLoad,
  waitingPullsOf,
  type ConnectedGitHubView,
} from './train-github-model';

const pull = (number: number, base: string): TrainPull => ({
  number,
  title: `PR ${number}`,
  url: `https://github.com/o/r/pull/${number}`,
  author: 'octocat',
  head: `feature-${number}`,
  base,
});

const connected: ConnectedGitHubView = {
  state: 'connected',
  login: 'practice-user',
  host: 'github.com',
  lanes: [
    { lane: 'development', branch: 'dev', deployWorkflow: null, latestRun: null, ci: 'none' },
    { lane: 'main', branch: 'main', deployWorkflow: 'deploy.yml', latestRun: null, ci: 'success' },
  ],
  openPulls: [],
  waitingPulls: { 'development→staging': [pull(7, 'dev')], 'staging→main': [] },
  requests: 9,
  checkedAt: '2026-03-10T12:00:00.000Z',
};
const notConnected: TrainGitHubView = { state: 'not-connected', host: 'github.com' };
const failure = { ok: false as const, error: { code: 'AUTH_FAILED' as const, message: 'Bad credentials.' } };

describe('the GitHub load of the Train screen', () => {
  it('keeps the last view while a call runs and under a failure, and takes a new answer whole', () => {
    const first = settleGitHubLoad(startGitHubLoad(initialGitHubLoad()), { ok: true, value: connected });
    expect(first).toEqual({ view: connected, loading: false, error: null });

    const refreshing = startGitHubLoad(first);
    expect(refreshing).toMatchObject({ view: connected, loading: true });
    expect(githubBarKind(refreshing)).toBe('connected');

    const failed = settleGitHubLoad(refreshing, failure);
    expect(failed).toEqual({ view: connected, loading: false, error: failure.error });
    expect(githubBarKind(failed)).toBe('failed');
    // Try again keeps the alert up (with a busy button) until the answer comes.
    expect(githubBarKind(startGitHubLoad(failed))).toBe('failed');

    const disconnected = settleGitHubLoad(startGitHubLoad(failed), { ok: true, value: notConnected });
    expect(disconnected.error).toBeNull();
    expect(githubBarKind(disconnected)).toBe('not-connected');
    expect(connectedView(disconnected)).toBeNull();
    expect(connectedView(first)).toBe(connected);
  });

  it('reads as loading until the first answer, with placeholder rows only when an account is expected', () => {
    const loading = startGitHubLoad(initialGitHubLoad());
    expect(githubBarKind(loading)).toBe('loading');
    expect(showsGitHubPlaceholders(loading, true)).toBe(true);
    expect(showsGitHubPlaceholders(loading, false)).toBe(false);
    expect(showsGitHubPlaceholders(loading, null)).toBe(false);
    expect(showsGitHubPlaceholders(initialGitHubLoad(connected), true)).toBe(false);
    expect(showsGitHubPlaceholders(settleGitHubLoad(loading, failure), true)).toBe(false);
  });
});

describe('watching GitHub while something runs', () => {
  const run = (status: string) => ({
    id: 1,
    name: 'Deploy to staging',
    status,
    conclusion: status === 'completed' ? 'success' : null,
    headSha: 'abc',
    url: 'https://github.com/o/r/actions/runs/1',
    createdAt: '2026-03-10T12:00:00.000Z',
  });
  const withLane = (lane: ConnectedGitHubView['lanes'][number]): ConnectedGitHubView => ({
    ...connected,
    lanes: [lane],
  });
  const lane = connected.lanes[1]!;

  it('asks again, less and less often, while a run has not completed or CI is pending', () => {
    const running = withLane({ ...lane, latestRun: run('in_progress') });
    expect(pollDelay(running, 0)).toBe(POLL_DELAYS_MS[0]);
    expect(pollDelay(running, 1)).toBeGreaterThan(POLL_DELAYS_MS[0]!);
    expect(pollDelay(running, 99)).toBe(POLL_DELAYS_MS.at(-1));
    expect(pollDelay(withLane({ ...lane, latestRun: run('queued') }), 0)).not.toBeNull();
    expect(pollDelay(withLane({ ...lane, ci: 'pending' }), 0)).not.toBeNull();
  });

  it('stops once every run completed and no CI is pending, and never polls without a connection', () => {
    expect(pollDelay(withLane({ ...lane, latestRun: run('completed') }), 0)).toBeNull();
    expect(pollDelay(connected, 0)).toBeNull();
    expect(pollDelay(notConnected, 0)).toBeNull();
    expect(pollDelay(null, 0)).toBeNull();
  });
});

describe('status words', () => {
  it('names a run by its status until it completes, then by its conclusion', () => {
    const word = (status: string, conclusion: string | null = null) => runStatusOf({ status, conclusion }).word;
    expect(word('queued')).toBe('Queued');
    expect(word('waiting')).toBe('Queued');
    expect(word('requested')).toBe('Queued');
    expect(word('in_progress')).toBe('Running');
    expect(word('completed', 'success')).toBe('Succeeded');
    expect(word('completed', 'failure')).toBe('Failed');
    expect(word('completed', 'timed_out')).toBe('Failed');
    expect(word('completed', 'startup_failure')).toBe('Failed');
    expect(word('completed', 'cancelled')).toBe('Cancelled');
    expect(word('completed', 'skipped')).toBe('Skipped');
    expect(word('completed', 'something_new')).toBe('Finished');
    expect(word('completed')).toBe('Finished');
  });

  it('draws each run state with its own icon and tone', () => {
    expect(runStatusOf({ status: 'completed', conclusion: 'success' })).toMatchObject({
      icon: 'check',
      tone: 'success',
    });
    expect(runStatusOf({ status: 'completed', conclusion: 'failure' })).toMatchObject({
      icon: 'cross',
      tone: 'failure',
    });
    expect(runStatusOf({ status: 'in_progress', conclusion: null })).toMatchObject({ icon: 'spinner' });
    expect(runStatusOf({ status: 'queued', conclusion: null })).toMatchObject({ icon: 'clock' });
    expect(runStatusOf({ status: 'completed', conclusion: 'cancelled' })).toMatchObject({ icon: 'slash' });
  });

  it('names CI as Passing, Failing, Pending or No checks', () => {
    expect(ciStatusOf('success')).toEqual({ word: 'Passing', icon: 'check', tone: 'success' });
    expect(ciStatusOf('failure')).toEqual({ word: 'Failing', icon: 'cross', tone: 'failure' });
    expect(ciStatusOf('pending')).toEqual({ word: 'Pending', icon: 'clock', tone: 'pending' });
    expect(ciStatusOf('none')).toEqual({ word: 'No checks', icon: 'dash', tone: 'neutral' });
  });
});

describe('reading the connected view', () => {
  it('finds a pair’s waiting PRs under main’s key, and says when GitHub did not name the pair', () => {
    expect(pairKey('staging', 'main')).toBe('staging→main');
    expect(waitingPullsOf(connected, 'development', 'staging')).toEqual([pull(7, 'dev')]);
    expect(waitingPullsOf(connected, 'staging', 'main')).toEqual([]);
    expect(waitingPullsOf(connected, 'main', 'development')).toBeNull();
    expect(waitingPullsOf(null, 'development', 'staging')).toBeNull();
  });

  it('finds a lane by name', () => {
    expect(laneGitHubOf(connected, 'main')).toMatchObject({ branch: 'main', ci: 'success' });
    expect(laneGitHubOf(connected, 'staging')).toBeNull();
    expect(laneGitHubOf(null, 'main')).toBeNull();
  });

  it('sorts open PRs by lane, development first and other bases last, newest first within a lane', () => {
    const sorted = sortOpenPulls(
      [pull(1, 'main'), pull(5, 'other'), pull(2, 'dev'), pull(9, 'main'), pull(4, 'staging'), pull(3, 'dev')],
      ['dev', 'staging', 'main'],
    );
    expect(sorted.map((entry) => entry.number)).toEqual([3, 2, 4, 9, 1, 5]);
  });
});

describe('links', () => {
  it('opens https pages, and shows practice and plain-http addresses as text', () => {
    expect(openableUrl('https://github.com/o/r/pull/1', false)).toBe('https://github.com/o/r/pull/1');
    expect(openableUrl('https://github.com/o/r/pull/1', true)).toBeNull();
    expect(openableUrl('http://127.0.0.1:8123/o/r/pull/1', false)).toBeNull();
    expect(openableUrl('not a url', false)).toBeNull();
  });
});

describe('GitHub error advice', () => {
  it('words a refused token and an unreachable GitHub for GitHub, and defers the rest to the train', () => {
    expect(githubErrorAdvice('AUTH_FAILED').next).toContain('Settings → GitHub');
    expect(githubErrorAdvice('NETWORK').title).toBe('GitHub could not be reached');
    expect(githubErrorAdvice('RATE_LIMITED').next).toBe('Wait until the time given above, then press Try again.');
    expect(isFixedInSettings('AUTH_FAILED')).toBe(true);
    expect(isFixedInSettings('PERMISSION_DENIED')).toBe(true);
    expect(isFixedInSettings('NETWORK')).toBe(false);
  });
});
