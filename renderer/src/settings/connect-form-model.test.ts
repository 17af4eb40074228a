import { describe, expect, it } from 'vitest';
import type { ConnectResult } from '../../../shared/domain/github/github-account';
import { IPC_ERROR_CODES } from '../../../shared/ipc/errors';
import { connectErrorAdvice } from './connect-error-advice';
import {
  buildConnectRequest,
  connectFormReducer,
  fieldToFix,
  type ConnectFormState,
  type ConnectFormValues,
} from './connect-form-model';

const values = (overrides: Partial<ConnectFormValues> = {}): ConnectFormValues => ({
  token: 'github_pat_abc',
  server: '',
  projectId: null,
  ...overrides,
});

const result: ConnectResult = {
  account: {
    host: 'github.com',
    apiUrl: 'https://api.github.com',
    login: 'octocat',
    name: null,
    connectedAt: '2026-03-10T12:00:00Z',
    practice: false,
  },
  repository: null,
};

describe('buildConnectRequest', () => {
  it('asks for a token before anything is sent', () => {
    const request = buildConnectRequest(values({ token: '   ' }));
    expect(request).toMatchObject({ ok: false, field: 'token', error: { code: 'INVALID_ARGUMENTS' } });
  });

  it('sends a trimmed token, and the server only when one was typed', () => {
    expect(buildConnectRequest(values({ token: '  tok  ' }))).toEqual({ ok: true, args: { token: 'tok' } });
    expect(buildConnectRequest(values({ server: ' ghe.example.com ' }))).toEqual({
      ok: true,
      args: { token: 'github_pat_abc', server: 'ghe.example.com' },
    });
  });

  it('uses the project instead of the server field when a project is chosen', () => {
    expect(buildConnectRequest(values({ server: 'bad host!', projectId: 'github.com/hotosm/field-tm' }))).toEqual({
      ok: true,
      args: { token: 'github_pat_abc', projectId: 'github.com/hotosm/field-tm' },
    });
  });

  it('points at the server field when what was typed is no host, without echoing a token in it', () => {
    const request = buildConnectRequest(values({ server: 'https://me:ghp_secret@ghe.example.com' }));
    expect(request.ok).toBe(false);
    if (!request.ok) {
      expect(request.field).toBe('server');
      expect(request.error.message).not.toContain('ghp_secret');
    }
  });
});

describe('connectFormReducer', () => {
  it('goes checking → connected, and keeps the success while the user types again', () => {
    const checking = connectFormReducer({ status: 'editing' }, { type: 'submitted' });
    expect(checking).toEqual({ status: 'checking' });
    const connected = connectFormReducer(checking, { type: 'succeeded', result });
    expect(connected).toEqual({ status: 'connected', result });
    expect(connectFormReducer(connected, { type: 'edited' })).toBe(connected);
  });

  it('shows a failure with its field until the user edits', () => {
    const error = { code: 'AUTH_FAILED' as const, message: 'Bad credentials' };
    const failed: ConnectFormState = connectFormReducer(
      { status: 'checking' },
      { type: 'failed', error, field: 'token' },
    );
    expect(failed).toEqual({ status: 'failed', error, field: 'token' });
    expect(connectFormReducer(failed, { type: 'edited' })).toEqual({ status: 'editing' });
  });
});

describe('fieldToFix', () => {
  it('sends token problems back to the token field', () => {
    for (const code of ['AUTH_FAILED', 'PERMISSION_DENIED', 'RATE_LIMITED', 'INVALID_ARGUMENTS'] as const) {
      expect(fieldToFix({ code, message: 'x' }, values({ server: 'ghe.example.com' }))).toBe('token');
    }
  });

  it('blames a typed server for a network failure, and the token when there is no server to fix', () => {
    expect(fieldToFix({ code: 'NETWORK', message: 'x' }, values({ server: 'ghe.example.com' }))).toBe('server');
    expect(fieldToFix({ code: 'NETWORK', message: 'x' }, values())).toBe('token');
    expect(fieldToFix({ code: 'NETWORK', message: 'x' }, values({ server: 'ghe', projectId: 'p' }))).toBe('token');
  });

  it('points at the project choice when the project is gone', () => {
    const gone = { code: 'NOT_FOUND' as const, message: 'There is no project "p". It may have been removed.' };
    expect(fieldToFix(gone, values({ projectId: 'p' }))).toBe('project');
    const hidden = { code: 'NOT_FOUND' as const, message: 'GitHub found nothing to read hotosm/field-tm.' };
    expect(fieldToFix(hidden, values({ projectId: 'p' }))).toBe('token');
  });
});

describe('connectErrorAdvice', () => {
  it('has a heading and a next step for every error code', () => {
    for (const code of IPC_ERROR_CODES) {
      const advice = connectErrorAdvice(code);
      expect(advice.title.length).toBeGreaterThan(0);
      expect(advice.next.length).toBeGreaterThan(0);
    }
    expect(connectErrorAdvice('PERMISSION_DENIED').title).toBe('The token is missing a permission');
  });
});
