import { describe, expect, it } from 'vitest';
import type { FlowPlan, FlowRun } from '../../../shared/domain/flows/flow-plan';
import type { FlowPreview } from '../../../shared/ipc/contract';
import {
  backMergeAfterHotfix,
  choiceErrors,
  choicesOf,
  emptyForm,
  initialWizard,
  parseShaList,
  startBlocker,
  wizardForRun,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from './wizard-state';

const SHA = 'A'.repeat(40);
const plan: FlowPlan = {
  flow: 'freeze',
  projectId: 'p1',
  repository: 'o/r',
  choices: {},
  steps: [{ id: 'lock', title: 'Take the lock', step: { kind: 'acquire-lock' }, effects: [], destructive: false }],
};
const preview = (canStart: boolean): FlowPreview => ({
  plan,
  canStart,
  preflight: [
    { id: 'ci', title: 'Development is green', ok: true, reason: 'CI passed.', severity: 'blocker' },
    {
      id: 'pr',
      title: 'No freeze PR is open',
      ok: canStart,
      reason: 'PR #4 is open.',
      fix: 'Merge it.',
      severity: 'blocker',
    },
    { id: 'debt', title: 'Back-merge debt', ok: false, reason: '2 commits.', severity: 'warning' },
  ],
});
const runOf = (id: string, status: FlowRun['status'], updatedAt: string, over: Partial<FlowPlan> = {}): FlowRun => ({
  id,
  plan: { ...plan, ...over },
  status,
  by: 'alice',
  startedAt: '2026-11-26T10:15:00.000Z',
  updatedAt,
  steps: [],
});

const reduce = (state: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, state);

describe('the choices of each flow', () => {
  it('checks a hotfix name, its cherry-picks and a freeze sha, with messages that say what to type', () => {
    expect(choiceErrors('hotfix', emptyForm()).name).toBe('Enter a name for the hotfix, e.g. export-crash.');
    expect(choiceErrors('hotfix', { ...emptyForm(), name: 'Export_Crash' }).name).toMatch(/lower-case letters/);
    expect(choiceErrors('hotfix', { ...emptyForm(), name: '-crash' }).name).toMatch(/starting with a letter or digit/);
    expect(choiceErrors('hotfix', { ...emptyForm(), name: 'a'.repeat(41) }).name).toBeDefined();
    expect(choiceErrors('hotfix', { ...emptyForm(), name: 'a'.repeat(40) })).toEqual({});
    expect(choiceErrors('hotfix', { ...emptyForm(), name: 'x', shas: `${SHA}\nabc123` }).shas).toBe(
      '“abc123” is not a full 40-character commit sha.',
    );
    expect(choiceErrors('freeze', { ...emptyForm(), sha: 'abc123' }).sha).toMatch(/full 40-character commit sha/);
    expect(choiceErrors('freeze', { ...emptyForm(), sha: ` ${SHA} ` })).toEqual({});
    expect(choiceErrors('release', { ...emptyForm(), notes: 'x'.repeat(125_001) }).notes).toMatch(/125,000/);
    expect(choiceErrors('promote', { ...emptyForm(), sha: 'nonsense', name: 'BAD' })).toEqual({});
  });

  it('sends only what the flow reads, leaving defaults to main', () => {
    expect(choicesOf('freeze', emptyForm())).toEqual({});
    expect(choicesOf('freeze', { ...emptyForm(), sha: ` ${SHA} `, version: ' 2026.11.0 ' })).toEqual({
      sha: 'a'.repeat(40),
      version: '2026.11.0',
    });
    expect(parseShaList(`${SHA}, ${'b'.repeat(40)}\n\n`)).toEqual([SHA, 'b'.repeat(40)]);
    expect(choicesOf('hotfix', { ...emptyForm(), name: ' crash ', from: 'main', shas: `${SHA}\n` })).toEqual({
      name: 'crash',
      from: 'main',
      shas: ['a'.repeat(40)],
    });
    expect(choicesOf('hotfix', { ...emptyForm(), name: 'crash' })).toEqual({ name: 'crash', from: 'staging' });
    expect(choicesOf('promote', { ...emptyForm(), version: '1.0.0' })).toEqual({});
    expect(choicesOf('release', { ...emptyForm(), annotated: true, notes: '  ' })).toEqual({ annotated: true });
    expect(choicesOf('release', { ...emptyForm(), version: '1.2.0', notes: '## Notes' })).toEqual({
      version: '1.2.0',
      annotated: false,
      notes: '## Notes',
    });
    expect(choicesOf('backmerge', { ...emptyForm(), from: 'main' })).toEqual({ from: 'main' });
  });
});

describe('the wizard', () => {
  it('stays on the choices with errors shown until they are valid, then goes to the preflight', () => {
    const start = initialWizard('hotfix', 'p1');
    const invalid = reduce(start, { type: 'next' });
    expect(invalid).toMatchObject({ screen: 'choices', showErrors: true });
    const valid = reduce(invalid, { type: 'edit', patch: { name: 'export-crash' } }, { type: 'next' });
    expect(valid).toMatchObject({ screen: 'preflight', showErrors: false });
  });

  it('goes on to the plan only with a dry run, and Start names the failed blockers', () => {
    let state = reduce(initialWizard('freeze', 'p1'), { type: 'next' }, { type: 'preview-started' });
    expect(reduce(state, { type: 'next' }).screen).toBe('preflight');
    expect(startBlocker(state)).toBe('Check the preflight first.');

    state = reduce(state, { type: 'preview-settled', result: { ok: true, value: preview(false) } }, { type: 'next' });
    expect(state.screen).toBe('plan');
    // The warning does not block; the failed blocker is named.
    expect(startBlocker(state)).toBe('A preflight check failed: No freeze PR is open.');

    const ready = reduce(
      state,
      { type: 'back' },
      { type: 'preview-settled', result: { ok: true, value: preview(true) } },
    );
    expect(ready.screen).toBe('preflight');
    expect(startBlocker(ready)).toBeNull();
    expect(reduce(ready, { type: 'back' }).screen).toBe('choices');
  });

  it('drops the dry run when a choice changes, and keeps a failed check’s error', () => {
    const checked = reduce(initialWizard('freeze', 'p1'), {
      type: 'preview-settled',
      result: { ok: true, value: preview(true) },
    });
    expect(reduce(checked, { type: 'edit', patch: { version: '2026.12.0' } }).preview).toEqual({ status: 'idle' });
    const error = { code: 'NETWORK' as const, message: 'GitHub could not be reached.' };
    expect(reduce(checked, { type: 'preview-settled', result: { ok: false, error } }).preview).toEqual({
      status: 'failed',
      error,
    });
  });

  it('prefills the release notes without overwriting what the user typed meanwhile', () => {
    const opened = initialWizard('release', 'p1');
    expect(opened.notes).toEqual({ status: 'loading' });
    const generated = { ok: true as const, value: { markdown: '## Fixes', version: '2026.11.0' } };
    expect(reduce(opened, { type: 'notes-settled', result: generated })).toMatchObject({
      notes: { status: 'ready', version: '2026.11.0' },
      form: { notes: '## Fixes' },
    });
    const typed = reduce(
      opened,
      { type: 'edit', patch: { notes: 'My notes' } },
      { type: 'notes-settled', result: generated },
    );
    expect(typed.form.notes).toBe('My notes');
    expect(initialWizard('freeze', 'p1').notes).toEqual({ status: 'idle' });
  });

  it('follows its own run from the first progress event, ignoring other projects, flows and stale events', () => {
    const starting = reduce(initialWizard('freeze', 'p1'), { type: 'call-started', call: 'start' });
    expect(starting).toMatchObject({ screen: 'run', pending: 'start', run: null });

    const other = runOf('20261126-101500-freeze-zz99', 'running', '2026-11-26T10:15:01.000Z', { projectId: 'p2' });
    expect(reduce(starting, { type: 'progress', run: other }).run).toBeNull();
    const otherFlow = runOf('20261126-101500-hotfix-zz99', 'running', '2026-11-26T10:15:01.000Z', { flow: 'hotfix' });
    expect(reduce(starting, { type: 'progress', run: otherFlow }).run).toBeNull();

    const first = runOf('20261126-101500-freeze-ab12', 'running', '2026-11-26T10:15:02.000Z');
    const later = { ...first, updatedAt: '2026-11-26T10:15:09.000Z' };
    const following = reduce(starting, { type: 'progress', run: first }, { type: 'progress', run: later });
    expect(following.run).toBe(later);
    // An older event arriving late does not move the run back; another run is not ours once we have one.
    expect(reduce(following, { type: 'progress', run: first }).run).toBe(later);
    expect(reduce(following, { type: 'progress', run: { ...other, plan: plan } }).run).toBe(later);

    // The run's last event can come before the call answers: the screen waits for the answer.
    const ended = { ...first, status: 'failed' as const, updatedAt: '2026-11-26T10:16:00.000Z' };
    expect(reduce(following, { type: 'progress', run: ended }).screen).toBe('run');
    const answered = reduce(following, { type: 'call-settled', call: 'start', result: { ok: true, value: ended } });
    expect(answered).toMatchObject({ screen: 'result', pending: null, run: ended });
  });

  it('shows a refused start on the run screen, with Back to the plan', () => {
    const error = { code: 'CONFLICT' as const, message: 'The lock is held by bob since 10:00.' };
    const refused = reduce(
      initialWizard('freeze', 'p1'),
      { type: 'preview-settled', result: { ok: true, value: preview(true) } },
      { type: 'call-started', call: 'start' },
      { type: 'call-settled', call: 'start', result: { ok: false, error } },
    );
    expect(refused).toMatchObject({ screen: 'run', run: null, callError: error, pending: null });
    expect(reduce(refused, { type: 'back' })).toMatchObject({ screen: 'plan', callError: null });
  });

  it('resumes and abandons a failed run from its outcome, keeping the run when a call fails', () => {
    const failed = runOf('20261126-101500-freeze-ab12', 'failed', '2026-11-26T10:16:00.000Z');
    const opened = wizardForRun(failed);
    expect(opened).toMatchObject({ screen: 'result', flow: 'freeze', projectId: 'p1', pending: null });
    expect(wizardForRun(failed, true)).toMatchObject({ screen: 'run', pending: 'resume' });
    expect(wizardForRun({ ...failed, status: 'running' }).screen).toBe('run');

    const resuming = reduce(opened, { type: 'call-started', call: 'resume' });
    expect(resuming).toMatchObject({ screen: 'run', pending: 'resume' });
    expect(reduce(resuming, { type: 'back' })).toBe(resuming);
    const error = { code: 'NETWORK' as const, message: 'Offline.' };
    expect(reduce(resuming, { type: 'call-settled', call: 'resume', result: { ok: false, error } })).toMatchObject({
      screen: 'result',
      run: failed,
      callError: error,
    });

    const abandoning = reduce(opened, { type: 'call-started', call: 'abandon' });
    expect(abandoning.screen).toBe('result');
    const abandoned = { ...failed, status: 'abandoned' as const, updatedAt: '2026-11-26T10:17:00.000Z' };
    expect(
      reduce(abandoning, { type: 'call-settled', call: 'abandon', result: { ok: true, value: abandoned } }),
    ).toMatchObject({
      screen: 'result',
      run: abandoned,
    });
  });

  it('shows the outcome of a live run it was reopened on once the run ends', () => {
    const live = runOf('20261126-101500-freeze-ab12', 'running', '2026-11-26T10:15:30.000Z');
    const opened = wizardForRun(live);
    const done = { ...live, status: 'completed' as const, updatedAt: '2026-11-26T10:16:00.000Z' };
    expect(reduce(opened, { type: 'progress', run: done })).toMatchObject({ screen: 'result', run: done });
  });
});

describe('the back-merge a finished hotfix offers', () => {
  const hotfix = (from: string, status: FlowRun['status']): FlowRun => ({
    id: '20261126-101500-hotfix-ab12',
    plan: { flow: 'hotfix', projectId: 'p1', repository: 'o/r', choices: { name: 'fix', from }, steps: [] },
    status,
    by: 'alice',
    startedAt: '2026-11-26T10:15:00.000Z',
    updatedAt: '2026-11-26T10:16:00.000Z',
    steps: [],
  });

  it('opens the back-merge wizard from the hotfix’s own lane once it completed', () => {
    expect(backMergeAfterHotfix(hotfix('main', 'completed'))).toMatchObject({
      flow: 'backmerge',
      projectId: 'p1',
      screen: 'choices',
      form: { from: 'main' },
    });
    expect(backMergeAfterHotfix(hotfix('staging', 'completed'))?.form.from).toBe('staging');
  });

  it('offers nothing for a hotfix that did not complete, or for another flow', () => {
    expect(backMergeAfterHotfix(hotfix('staging', 'failed'))).toBeNull();
    expect(
      backMergeAfterHotfix({
        ...hotfix('staging', 'completed'),
        plan: { ...hotfix('staging', 'completed').plan, flow: 'freeze' },
      }),
    ).toBeNull();
  });
});
