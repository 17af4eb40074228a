import { parseGitHubEndpoint, type ConnectResult } from '../../../shared/domain/github/github-account';
import type { InputOf } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';

/** The field of the connect form a failure points at: focus goes there so the user can fix it. */
export type ConnectField = 'server' | 'token' | 'project';

/** Where one attempt to connect an account stands. */
export type ConnectFormState =
  | { status: 'editing' }
  | { status: 'checking' }
  | { status: 'connected'; result: ConnectResult }
  | { status: 'failed'; error: IpcError; field: ConnectField };

/** What happens to the form. */
export type ConnectFormAction =
  | { type: 'submitted' }
  | { type: 'succeeded'; result: ConnectResult }
  | { type: 'failed'; error: IpcError; field: ConnectField }
  /** The user changed a field: a shown error no longer describes what is typed. */
  | { type: 'edited' };

/** The form's state after an action. A late answer (the form was edited meanwhile) is still shown. */
export function connectFormReducer(state: ConnectFormState, action: ConnectFormAction): ConnectFormState {
  switch (action.type) {
    case 'submitted':
      return { status: 'checking' };
    case 'succeeded':
      return { status: 'connected', result: action.result };
    case 'failed':
      return { status: 'failed', error: action.error, field: action.field };
    case 'edited':
      // A success message stays (it is still true); an error goes, as in the add-project dialog.
      return state.status === 'failed' ? { status: 'editing' } : state;
    default:
      return assertNever(action);
  }
}

/** What the form holds when Connect is pressed. */
export interface ConnectFormValues {
  token: string;
  server: string;
  /** The project whose access to check; null for none. */
  projectId: string | null;
}

/** The checked arguments for `github.connect`, or what to fix first. */
export type ConnectRequest =
  { ok: true; args: InputOf<'github.connect'> } | { ok: false; error: IpcError; field: ConnectField };

/**
 * Checks the form before anything is sent: a token must be there, and a typed server must read as a host
 * or API URL (the same rules main applies, so the user hears about a typo without a round trip). When a
 * project is chosen, its host is used and the server field is not sent at all.
 */
export function buildConnectRequest(values: ConnectFormValues): ConnectRequest {
  const token = values.token.trim();
  if (token === '') {
    return {
      ok: false,
      field: 'token',
      error: { code: 'INVALID_ARGUMENTS', message: 'Paste a token to connect.' },
    };
  }
  if (values.projectId) return { ok: true, args: { token, projectId: values.projectId } };
  const server = values.server.trim();
  if (server === '') return { ok: true, args: { token } };
  const parsed = parseGitHubEndpoint(server);
  if (!parsed.ok) return { ok: false, field: 'server', error: { code: 'INVALID_ARGUMENTS', message: parsed.reason } };
  return { ok: true, args: { token, server } };
}

/**
 * The field to put the user back in after `github.connect` failed. The server is already checked before
 * sending, so an argument error is the token's; a network failure points at the server the user typed
 * (when there is one); a project that is gone points at the project choice; everything else is about
 * the token (its validity, its permissions, or the account behind it).
 */
export function fieldToFix(error: IpcError, values: ConnectFormValues): ConnectField {
  switch (error.code) {
    case 'NETWORK':
      return !values.projectId && values.server.trim() !== '' ? 'server' : 'token';
    case 'NOT_FOUND':
      // The project was removed meanwhile, or its repository is invisible to the token.
      return values.projectId && /no project/i.test(error.message) ? 'project' : 'token';
    default:
      return 'token';
  }
}
