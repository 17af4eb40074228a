import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/ipc/api';
import type { AddProjectProgress } from '../../../shared/domain/project';
import { INVOKE_CHANNELS, type EventChannel, type InvokeChannel } from '../../../shared/ipc/channels';
import { argSchemas, type EventOf, type Handlers } from '../../../shared/ipc/contract';
import { AppError, type IpcError } from '../../../shared/ipc/errors';
import { createAppServices, type AppServices } from '../app-services';
import { createKeychainSecretStore } from '../../services/secrets/secret-store';
import { createConfSettingsStore } from '../../services/settings/conf-settings-store';
import { createGitSandbox, type GitSandbox } from '../../services/testing/git-sandbox';
import { createHandlers } from '../handlers';
import { createDispatch, type Dispatch } from './dispatch';

const GENERIC_INTERNAL_MESSAGE =
  'Something went wrong inside Release Desk. Try again; if it keeps happening, report it with the steps you took.';

interface World {
  sandbox: GitSandbox;
  services: AppServices;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Every handler call that got past validation, with the arguments the handler saw. */
  handled: { channel: InvokeChannel; args: unknown }[];
  opened: string[];
  emitted: { event: EventChannel; payload: EventOf<EventChannel> }[];
  reported: { channel: string; error: unknown }[];
  /** What the injected native folder picker does; replace to make it fail. */
  pickFolder: () => Promise<string | null>;
}

/** The `projects.addProgress` payloads among the emitted events. */
function addProgressEvents(world: World): AddProjectProgress[] {
  return world.emitted.filter((e) => e.event === 'projects.addProgress').map((e) => e.payload as AddProjectProgress);
}

/** Wraps each real handler so a test can see whether (and with what) it was called. */
function recordCalls(handlers: Handlers, handled: World['handled']): Handlers {
  const wrapped: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    wrapped[channel] = async (args) => {
      handled.push({ channel: channel as InvokeChannel, args });
      return (handler as (args: unknown) => Promise<unknown>)(args);
    };
  }
  return wrapped as Handlers;
}

function errorOf(envelope: Envelope<unknown>): IpcError {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.value)}`);
  return envelope.error;
}

function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected success, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

describe('dispatch over the real handlers and services', () => {
  let world: World;
  let restoreEnv: () => void;

  beforeEach(() => {
    const sandbox = createGitSandbox();
    restoreEnv = sandbox.activate();
    const dataDir = mkdtempSync(join(sandbox.root, 'data-'));
    // The keychain store is lazy: these tests call no GitHub channel, so it is never opened.
    const services = createAppServices({
      dataDir,
      settings: createConfSettingsStore(dataDir),
      secrets: createKeychainSecretStore(),
    });
    const partial = {
      sandbox,
      services,
      handled: [],
      opened: [],
      emitted: [],
      reported: [],
      pickFolder: async () => '/home/me/src/field-tm',
    } as Omit<World, 'handlers' | 'dispatch'>;
    const handlers = createHandlers({
      appInfo: { name: 'Release Desk', version: '0.1.0', platform: 'linux' },
      registry: services.registry,
      train: services.train,
      notes: services.notes,
      github: services.github,
      trainGitHub: services.trainGitHub,
      flows: services.flows,
      practice: services.practice,
      demos: services.demos,
      demoBranches: services.demoBranches,
      pickKeyFile: async () => null,
      writeClipboard: () => {},
      saveTextFile: async () => null,
      pickFolder: () => world.pickFolder(),
      pickConfigFile: async () => '/home/me/release-desk.yml',
      openExternal: async (url) => {
        world.opened.push(url);
      },
      emit: (event, payload) => world.emitted.push({ event, payload }),
    });
    world = {
      ...partial,
      handlers,
      dispatch: createDispatch(recordCalls(handlers, partial.handled), (channel, error) =>
        partial.reported.push({ channel, error }),
      ),
    };
  });

  afterEach(() => {
    restoreEnv();
    world.sandbox.dispose();
  });

  describe('contract completeness', () => {
    it('has a handler for every channel, and no handler without a channel', () => {
      expect(Object.keys(world.handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
      for (const handler of Object.values(world.handlers)) expect(typeof handler).toBe('function');
    });

    it('has an argument schema for every channel, and no schema without a channel', () => {
      expect(Object.keys(argSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort());
    });

    it.each<[InvokeChannel, unknown]>([
      ['app.info', {}],
      ['projects.list', {}],
      ['dialog.pickFolder', {}],
      ['dialog.pickConfigFile', {}],
      ['shell.openExternal', { url: 'https://github.com/hotosm/field-tm' }],
    ])('answers %s end to end', async (channel, args) => {
      const envelope = await world.dispatch(channel, args);
      expect(envelope.ok).toBe(true);
      expect(world.handled.map((call) => call.channel)).toEqual([channel]);
    });

    it('returns what the handlers return', async () => {
      expect(valueOf(await world.dispatch('app.info', {}))).toEqual({
        name: 'Release Desk',
        version: '0.1.0',
        platform: 'linux',
      });
      expect(valueOf(await world.dispatch('projects.list', {}))).toEqual([]);
      expect(valueOf(await world.dispatch('dialog.pickFolder', {}))).toEqual({ path: '/home/me/src/field-tm' });
    });
  });

  describe('argument validation', () => {
    it.each<[string, InvokeChannel, unknown, RegExp]>([
      ['missing source', 'projects.add', {}, /source/],
      ['source of the wrong type', 'projects.add', { source: 42 }, /source/],
      ['blank source', 'projects.add', { source: '   ' }, /source: Enter a folder or a remote URL/],
      ['source too long', 'projects.add', { source: `/${'a'.repeat(5000)}` }, /source/],
      ['an extra key', 'projects.add', { source: '/tmp/x', extra: true }, /extra/],
      ['a prototype key', 'projects.add', JSON.parse('{"source":"/tmp/x","__proto__":{"admin":true}}'), /__proto__/],
      ['a bad operationId', 'projects.add', { source: '/tmp/x', operationId: '../../etc' }, /operationId/],
      ['missing id', 'projects.remove', {}, /id/],
      ['a missing config path', 'projects.setConfigFile', { id: 'hotosm/field-tm' }, /path/],
      ['a config path of the wrong type', 'projects.setConfigFile', { id: 'hotosm/field-tm', path: 1 }, /path/],
      ['a missing fetch flag', 'train.status', { projectId: 'hotosm/field-tm' }, /fetch/],
      ['a fetch flag that is a string', 'train.status', { projectId: 'hotosm/field-tm', fetch: 'yes' }, /fetch/],
      ['id of the wrong type', 'projects.remove', { id: ['hotosm/field-tm'] }, /id/],
      ['empty id', 'projects.remove', { id: '' }, /id/],
      ['url of the wrong type', 'shell.openExternal', { url: 5 }, /url/],
      ['arguments to a no-argument channel', 'app.info', { verbose: true }, /verbose/],
      ['null instead of an object', 'projects.list', null, /arguments/],
      ['a string instead of an object', 'dialog.pickFolder', 'open', /arguments/],
      ['an array instead of an object', 'projects.remove', ['hotosm/field-tm'], /arguments/],
    ])('%s → INVALID_ARGUMENTS naming the field, handler not called', async (_label, channel, args, field) => {
      const error = errorOf(await world.dispatch(channel, args));
      expect(error.code).toBe('INVALID_ARGUMENTS');
      expect(error.message).toContain(`Invalid request to ${channel}.`);
      expect(error.message).toMatch(field);
      expect(world.handled).toEqual([]);
      expect(world.opened).toEqual([]);
    });

    it.each([['projects.nuke'], ['__proto__'], ['constructor'], ['toString'], ['release-desk:app.info'], ['']])(
      'refuses the unknown channel %j without calling any handler',
      async (channel) => {
        const error = errorOf(await world.dispatch(channel, {}));
        expect(error).toEqual({ code: 'INVALID_ARGUMENTS', message: `Unknown channel "${channel}".` });
        expect(world.handled).toEqual([]);
      },
    );

    it('never echoes an argument value in the error', async () => {
      const secret = `ghp_${'s3cr3t'.repeat(60)}`;
      const error = errorOf(await world.dispatch('projects.remove', { id: secret }));
      expect(error.code).toBe('INVALID_ARGUMENTS');
      expect(JSON.stringify(error)).not.toContain('s3cr3t');
    });

    it('hands the handler the parsed arguments (trimmed), not the raw ones', async () => {
      world.sandbox.createRemote('hotosm', 'field-tm');
      const project = valueOf<{ id: string; remoteUrl: string }>(
        await world.dispatch('projects.add', { source: '  https://github.com/hotosm/field-tm.git \n' }),
      );
      expect(world.handled).toEqual([
        { channel: 'projects.add', args: { source: 'https://github.com/hotosm/field-tm.git' } },
      ]);
      expect(project.remoteUrl).toBe('https://github.com/hotosm/field-tm.git');
    });
  });

  describe('error mapping', () => {
    it('passes an AppError from a service through with its code and message', async () => {
      const thrown = await world.services.registry.remove('hotosm/nothing-here').then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(thrown).toBeInstanceOf(AppError);
      const error = errorOf(await world.dispatch('projects.remove', { id: 'hotosm/nothing-here' }));
      expect(error).toEqual({ code: 'NOT_FOUND', message: (thrown as AppError).message });
      expect(error.message).toContain('"hotosm/nothing-here"');
      expect(world.reported).toEqual([]);
    });

    it('passes NOT_A_REPOSITORY from real git through for a plain folder', async () => {
      const plain = join(world.sandbox.root, 'plain');
      mkdirSync(plain);
      const error = errorOf(await world.dispatch('projects.add', { source: plain }));
      expect(error.code).toBe('NOT_A_REPOSITORY');
      expect(error.message).toMatch(/not a git repository/);
      expect(valueOf(await world.dispatch('projects.list', {}))).toEqual([]);
    });

    it("keeps an AppError's detail (git's own words) when it has one", async () => {
      const error = errorOf(await world.dispatch('projects.add', { source: 'https://127.0.0.1:9/hotosm/missing.git' }));
      expect(['NETWORK', 'NOT_FOUND']).toContain(error.code);
      expect(error.detail).toMatch(/127\.0\.0\.1/);
    });

    it('turns an unexpected Error into INTERNAL with a generic message that leaks nothing', async () => {
      const cause = new Error('EACCES: open /home/alice/.config/secret-project (token ghp_abc123)');
      world.pickFolder = async () => {
        throw cause;
      };
      const envelope = await world.dispatch('dialog.pickFolder', {});
      expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: GENERIC_INTERNAL_MESSAGE } });
      const wire = JSON.stringify(envelope);
      for (const leak of ['EACCES', '/home/alice', 'ghp_abc123', 'stack']) expect(wire).not.toContain(leak);
      expect(world.reported).toEqual([{ channel: 'dialog.pickFolder', error: cause }]);
    });

    it('turns a thrown non-Error into INTERNAL too', async () => {
      world.pickFolder = async () => {
        throw 'a string, not an Error';
      };
      expect(errorOf(await world.dispatch('dialog.pickFolder', {}))).toEqual({
        code: 'INTERNAL',
        message: GENERIC_INTERNAL_MESSAGE,
      });
      expect(world.reported).toHaveLength(1);
    });
  });

  describe('projects.add progress events', () => {
    it('streams progress tagged with the caller operationId', async () => {
      world.sandbox.createRemote('hotosm', 'field-tm');
      await world.dispatch('projects.add', { source: 'https://github.com/hotosm/field-tm.git', operationId: 'op-42' });
      const events = addProgressEvents(world);
      expect(events.length).toBeGreaterThan(0);
      expect(world.emitted.every((e) => e.event === 'projects.addProgress')).toBe(true);
      expect(events.every((payload) => payload.operationId === 'op-42')).toBe(true);
      expect(events[0]?.stage).toBe('checking');
      expect(events.at(-1)).toEqual({ operationId: 'op-42', stage: 'done', percent: 100 });
    });

    it('emits nothing when the caller did not ask for progress', async () => {
      world.sandbox.createRemote('hotosm', 'field-tm');
      valueOf(await world.dispatch('projects.add', { source: 'https://github.com/hotosm/field-tm.git' }));
      expect(world.emitted).toEqual([]);
    });
  });

  describe('shell.openExternal', () => {
    it.each([
      ['http://github.com/hotosm/field-tm'],
      ['javascript:alert(1)'],
      ['file:///etc/passwd'],
      ['data:text/html,hi'],
      ['https://github.com.evil.com/hotosm'],
      ['https://user:pass@github.com/hotosm'],
      ['https://github.com:8443/hotosm'],
      ['https://ghe.example.com/platform/deployer'],
    ])('refuses %s and opens nothing', async (url) => {
      const error = errorOf(await world.dispatch('shell.openExternal', { url }));
      expect(error).toEqual({
        code: 'INVALID_ARGUMENTS',
        message: 'Release Desk only opens https links to GitHub or your GitHub Enterprise host.',
      });
      expect(world.opened).toEqual([]);
    });

    it('opens an https github.com link', async () => {
      const url = 'https://github.com/hotosm/field-tm/pull/42';
      expect(valueOf(await world.dispatch('shell.openExternal', { url }))).toEqual({ opened: true });
      expect(world.opened).toEqual([url]);
    });

    it('opens links to the host of an Enterprise project once that project is added', async () => {
      const bare = world.sandbox.createRemote('platform', 'deployer');
      world.sandbox.git([
        'config',
        '--global',
        '--add',
        `url.${bare}.insteadOf`,
        'https://ghe.example.com/platform/deployer.git',
      ]);
      const url = 'https://ghe.example.com/platform/deployer/releases';
      expect(errorOf(await world.dispatch('shell.openExternal', { url })).code).toBe('INVALID_ARGUMENTS');

      valueOf(await world.dispatch('projects.add', { source: 'https://ghe.example.com/platform/deployer.git' }));

      expect(valueOf(await world.dispatch('shell.openExternal', { url }))).toEqual({ opened: true });
      expect(world.opened).toEqual([url]);
      expect(
        errorOf(await world.dispatch('shell.openExternal', { url: 'https://ghe.example.com.evil.net/' })).code,
      ).toBe('INVALID_ARGUMENTS');
    });
  });
});
