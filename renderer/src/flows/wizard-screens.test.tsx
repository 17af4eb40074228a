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
});
