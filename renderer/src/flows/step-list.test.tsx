import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FlowPlan } from '../../../shared/domain/flows/flow-plan';
import { StepList } from './step-list';
import { stepRows } from './step-rows';

const plan: FlowPlan = {
  flow: 'freeze',
  projectId: 'p1',
  repository: 'o/r',
  choices: {},
  steps: [
    { id: 'lock', title: 'Take the lock', step: { kind: 'acquire-lock' }, effects: ['PUT lock'], destructive: false },
    {
      id: 'pr',
      title: 'Open the freeze PR',
      step: { kind: 'open-pr', head: 'release/1', base: 'staging', title: 't', body: 'b' },
      effects: ['POST /repos/o/r/pulls'],
      destructive: false,
    },
    {
      id: 'merge',
      title: 'Merge the freeze PR',
      step: { kind: 'merge-pr', pr: { fromStep: 'pr', output: 'number' }, headSha: 'x', method: 'merge' },
      effects: ['PUT /repos/o/r/pulls/{pr}/merge'],
      destructive: true,
    },
  ],
};

describe('the step list', () => {
  it('is a list named Steps whose items say their state, output and error in words', () => {
    const html = renderToStaticMarkup(
      <StepList
        rows={stepRows(plan, [
          { id: 'lock', state: 'done', startedAt: null, endedAt: null, outputs: {}, error: null },
          {
            id: 'pr',
            state: 'done',
            startedAt: null,
            endedAt: null,
            outputs: { number: '42', url: 'http://127.0.0.1:4000/o/r/pull/42' },
            error: null,
          },
          {
            id: 'merge',
            state: 'failed',
            startedAt: null,
            endedAt: null,
            outputs: {},
            error: { code: 'CONFLICT', message: 'The head moved.' },
          },
        ])}
        mode="run"
        practice
        onLinkError={() => {}}
      />,
    );
    expect(html).toContain('<ol class="step-list" aria-label="Steps">');
    expect(html).toContain('Done: </span>');
    expect(html).toContain('Failed: </span>');
    expect(html).toContain('The head moved.');
    expect(html).toContain('Changes what others see');
    // A practice project's PR is text with the reason as its tooltip, never a link.
    expect(html).toContain('title="Practice links have no web page">Pull request #42</span>');
    expect(html).not.toContain('<a ');
  });

  it('offers each planned step’s exact effects behind a toggle', () => {
    const html = renderToStaticMarkup(
      <StepList rows={stepRows(plan)} mode="plan" practice={false} onLinkError={() => {}} />,
    );
    expect(html).toContain('What it does (1)');
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('Pending: ');
  });
});
