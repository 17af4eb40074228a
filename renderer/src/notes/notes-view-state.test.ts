import { describe, expect, it } from 'vitest';
import type { NotesWorkspaceView } from '../../../shared/domain/notes/notes-view';
import { settleGeneration, startGenerating, withDraft, withWorkspace, type NotesView } from './notes-view-state';

const workspace = (summary: string) =>
  ({ draft: { summary, entries: [], vanished: [] } }) as unknown as NotesWorkspaceView;
const ready: NotesView = { status: 'ready', workspace: workspace('old'), activity: { kind: 'idle' } };

describe('the Notes view state', () => {
  it('keeps the notes on screen while generating, then shows the new ones', () => {
    const generating = startGenerating(ready, 5);
    expect(generating).toMatchObject({ status: 'ready', activity: { kind: 'generating', since: 5 } });
    expect(settleGeneration(generating, { ok: true, value: workspace('new') }, {})).toEqual({
      status: 'ready',
      workspace: workspace('new'),
      activity: { kind: 'idle' },
    });
  });

  it('keeps the notes when only the version override was refused, and replaces them otherwise', () => {
    const refused = { ok: false as const, error: { code: 'INVALID_ARGUMENTS' as const, message: 'Taken.' } };
    expect(settleGeneration(ready, refused, { version: '1.0.0' })).toMatchObject({ status: 'ready' });
    const missing = { ok: false as const, error: { code: 'REF_MISSING' as const, message: 'The "x" is missing.' } };
    expect(settleGeneration(ready, missing, { from: 'x' })).toEqual({
      status: 'failed',
      error: missing.error,
      activity: { kind: 'idle' },
    });
    expect(
      settleGeneration({ status: 'loading', activity: { kind: 'idle' } }, refused, { version: '1' }),
    ).toMatchObject({
      status: 'failed',
    });
  });

  it('changes the draft only when notes are on screen', () => {
    const loading: NotesView = { status: 'loading', activity: { kind: 'idle' } };
    expect(withWorkspace(loading, workspace('x'))).toBe(loading);
    expect(withDraft(loading, (draft) => draft)).toBe(loading);
    expect(withDraft(ready, (draft) => ({ ...draft, summary: 'typed' }))).toMatchObject({
      workspace: { draft: { summary: 'typed' } },
    });
  });
});
