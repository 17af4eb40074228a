import { INVOKE_CHANNELS, type InvokeChannel } from '../../../shared/ipc/channels';
import { argSchemas, type Handlers } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/api';
import { AppError, type IpcError } from '../../../shared/ipc/errors';

/** Runs one contract call: validate, handle, and turn any failure into an {@link IpcError} value. */
export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

/** Called for failures that are not {@link AppError}s, i.e. bugs; it must not log argument values. */
export type InternalErrorReporter = (channel: string, error: unknown) => void;

/**
 * The one place every IPC payload is checked. It does not import Electron, so the transport-free part
 * of the contract (argument parsing and error mapping) is unit-tested and reused by the e2e bridge.
 */
export function createDispatch(handlers: Handlers, reportInternal: InternalErrorReporter = () => {}): Dispatch {
  return async (channel, rawArgs) => {
    if (!(INVOKE_CHANNELS as readonly string[]).includes(channel)) {
      return failure({ code: 'INVALID_ARGUMENTS', message: `Unknown channel "${channel}".` });
    }
    const name = channel as InvokeChannel;
    const parsed = argSchemas[name].safeParse(rawArgs);
    if (!parsed.success) {
      const fields = parsed.error.issues
        .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
        .join('; ');
      return failure({ code: 'INVALID_ARGUMENTS', message: `Invalid request to ${name}. ${fields}` });
    }
    try {
      const handler = handlers[name] as (args: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toIpcError());
      reportInternal(name, error);
      return failure({
        code: 'INTERNAL',
        message:
          'Something went wrong inside Release Desk. Try again; if it keeps happening, report it with the steps you took.',
      });
    }
  };
}

function failure(error: IpcError): Envelope<never> {
  return { ok: false, error };
}
