import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FlowRun } from '../../../shared/domain/flows/flow-plan';
import { ChoicesScreen } from './choices-screen';
import { PreflightScreen } from './preflight-screen';
import { ResultScreen } from './run-screen';
import { choiceErrors, emptyForm } from './wizard-state';

const noop = () => {};

describe('the wizard screens', () => {
  it('ties a hotfix name’s inline error to its field', () => {
    const form = { ...emptyForm(), name: 'Bad Name' };
    const html = renderToStaticMarkup(
      <ChoicesScreen
        flow="hotfix"
        form={form}
        errors={choiceErrors('hotfix', form)}
        notes={{ status: 'idle' }}
        onEdit={noop}
        onRetryNotes={noop}
        onLinkError={noop}
      />,
    );
    const errorId = /<p class="field__error" id="([^"]+)">Use 1 to 40 lower-case letters/.exec(html)?.[1];
    expect(errorId).toBeDefined();
    expect(html).toMatch(new RegExp(`aria-invalid="true" aria-describedby="[^"]*${errorId}"`));
    expect(html).toContain('<legend class="field__label">Branch from</legend>');
  });

  it('marks each preflight check as passed, failed or a warning, with its fix', () => {
    const html = renderToStaticMarkup(
      <PreflightScreen
        preview={{
          status: 'ready',
          preview: {
            plan: { flow: 'promote', projectId: 'p1', repository: 'o/r', choices: {}, steps: [] },
            canStart: false,
            preflight: [
              { id: 'a', title: 'Staging deploy is green', ok: true, reason: 'It passed.', severity: 'blocker' },
              {
                id: 'b',
                title: 'No freeze PR is open',
                ok: false,
                reason: 'PR #4 is open.',
                fix: 'Merge it first.',
                severity: 'blocker',
              },
              {
                id: 'c',
                title: 'Back-merge debt',
                ok: false,
                reason: '2 commits.',
                fix: 'Back-merge later.',
                severity: 'warning',
              },
            ],
          },
        }}
      />,
    );
    expect(html).toContain('1 check failed: the run cannot start until it passes.');
    expect(html).toContain('Passed: </span>Staging deploy is green');
    expect(html).toContain('Failed: </span>No freeze PR is open');
    expect(html).toContain('Warning: </span>Back-merge debt');
    expect(html).toContain('Merge it first.');
  });

  it('says where a failed run stopped, why, and what to do', () => {
    const run: FlowRun = {
      id: '20261126-101500-promote-ab12',
      plan: {
        flow: 'promote',
        projectId: 'p1',
        repository: 'o/r',
        choices: {},
        steps: [
          { id: 'lock', title: 'Take the lock', step: { kind: 'acquire-lock' }, effects: [], destructive: false },
          { id: 'wait', title: 'Wait for checks', step: { kind: 'wait-pr', pr: '4' }, effects: [], destructive: false },
        ],
      },
      status: 'failed',
      by: 'alice',
      startedAt: '2026-11-26T10:15:00.000Z',
      updatedAt: '2026-11-26T10:16:00.000Z',
      steps: [
        { id: 'lock', state: 'done', startedAt: null, endedAt: null, outputs: {}, error: null },
        {
          id: 'wait',
          state: 'failed',
          startedAt: null,
          endedAt: null,
          outputs: {},
          error: { code: 'NETWORK', message: 'GitHub did not answer.', detail: 'ETIMEDOUT' },
        },
      ],
    };
    const html = renderToStaticMarkup(<ResultScreen run={run} callError={null} practice={false} onLinkError={noop} />);
    expect(html).toContain('The promote stopped at step “Wait for checks”');
    expect(html).toContain('GitHub did not answer.');
    expect(html).toContain('ETIMEDOUT');
    expect(html).toContain('then press Resume.');
  });

  it('shows a run waiting for the user: what to review, the draft’s notes, and what publishing goes on with', () => {
    const run: FlowRun = {
      id: '20261126-101500-release-ab12',
      plan: {
        flow: 'release',
        projectId: 'p1',
        repository: 'o/r',
        choices: { tag: 'v2026.11.0' },
        steps: [
          {
            id: 'release',
            title: 'Create the draft release v2026.11.0',
            step: {
              kind: 'create-release',
              tag: 'v2026.11.0',
              sha: 'a'.repeat(40),
              name: 'v2026.11.0',
              body: '## Fixes',
            },
            effects: [],
            destructive: false,
          },
          {
            id: 'review',
            title: 'Review the draft release v2026.11.0, then publish it',
            step: {
              kind: 'approve',
              subject: 'the draft release v2026.11.0',
              action: 'Publish release',
              link: { fromStep: 'release', output: 'url' },
            },
            effects: [],
            destructive: false,
          },
          {
            id: 'publish',
            title: 'Publish the release v2026.11.0',
            step: { kind: 'publish-release', tag: 'v2026.11.0' },
            effects: [],
            destructive: true,
          },
        ],
      },
      status: 'waiting',
      by: 'alice',
      startedAt: '2026-11-26T10:15:00.000Z',
      updatedAt: '2026-11-26T10:16:00.000Z',
      steps: [
        {
          id: 'release',
          state: 'done',
          startedAt: null,
          endedAt: null,
          outputs: { id: '7', url: 'https://github.com/o/r/releases/tag/untagged-1' },
          error: null,
        },
        { id: 'review', state: 'pending', startedAt: null, endedAt: null, outputs: {}, error: null },
        { id: 'publish', state: 'pending', startedAt: null, endedAt: null, outputs: {}, error: null },
      ],
    };
    const html = renderToStaticMarkup(<ResultScreen run={run} callError={null} practice={false} onLinkError={noop} />);
    expect(html).toContain('aria-label="Waiting for you"');
    expect(html).toContain('Review the draft release v2026.11.0, then publish it');
    expect(html).toContain('Nothing is public yet');
    expect(html).toContain('“Publish release” goes on with: Publish the release v2026.11.0.');
    expect(html).toContain('Open the draft release v2026.11.0 on GitHub');
    expect(html).toContain('role="region" aria-label="Release notes"');
  });
});
