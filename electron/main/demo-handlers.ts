import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { parseExpiry, type DemoView } from '../../shared/domain/demos/demo';
import { demoNameProblem } from '../../shared/domain/demos/demo-name';
import type { EventChannel } from '../../shared/ipc/channels';
import type { DemoBranches, EventOf, Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { assertRefName } from '../services/git/git-repository';
import type { DemoEvents, DemosService } from '../services/demos/demos-service';
import { createLogBatcher } from './demo-log-batcher';

export type { DemoEvents } from '../services/demos/demos-service';

/**
 * The part of the demos service (`electron/services/demos`) the handlers call, so the handlers depend on
 * what they use, not on how the service is built.
 */
export type DemosPort = Pick<
  DemosService,
  'servers' | 'probe' | 'addServer' | 'removeServer' | 'testServer' | 'up' | 'follow' | 'list' | 'status' | 'down'
>;

/** What the demo and server handlers need. */
export interface DemoHandlerDeps {
  demos: DemosPort;
  /** The branches and open PRs a demo of the project can run. */
  demoBranches: (projectId: string) => Promise<DemoBranches>;
  /** Shows a native file picker for a private key; resolves null when cancelled. */
  pickKeyFile: () => Promise<string | null>;
  emit: <E extends EventChannel>(event: E, payload: EventOf<E>) => void;
}

/** The channels of Settings → Servers and the Demos screen. */
type DemoChannel = Extract<keyof Handlers, `servers.${string}` | `demos.${string}` | 'dialog.pickKeyFile'>;

/** The demo handlers, plus whether a URL is one a demo reported (so `shell.openExternal` may open it). */
export interface DemoHandlers {
  handlers: Pick<Handlers, DemoChannel>;
  isDemoUrl(url: string): boolean;
}

/** A private key file is a few KiB; anything much bigger is the wrong file. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * The handlers behind Settings → Servers and the Demos screen. Private keys and passphrases arrive
 * once and go to the demos service (which keeps them in the keychain); nothing returned carries them.
 * `demos.up` and `demos.follow` stream the log as batched `demos.log` events and each state change as
 * `demos.state`; the log is flushed before each state so the renderer sees them in order. A follow of a
 * running demo tails it until the demo stops or `demos.unfollow` ends it (it then fails with CANCELLED).
 */
export function createDemoHandlers(deps: DemoHandlerDeps): DemoHandlers {
  // URLs main itself read from a demo's status file: the only non-GitHub links the app opens.
  const demoUrls = new Set<string>();
  const seen = (demo: DemoView): DemoView => {
    if (/^https?:\/\//.test(demo.url)) demoUrls.add(demo.url);
    return demo;
  };

  // The live follows, per demo, so `demos.unfollow` can end them (closing the panel, leaving the screen).
  const follows = new Map<string, Set<AbortController>>();
  const followKey = (server: string, name: string): string => `${server}\n${name}`;

  const streaming = (server: string, name: string): DemoEvents & { close: () => void } => {
    const batcher = createLogBatcher((lines, fromLine) => deps.emit('demos.log', { server, name, fromLine, lines }));
    return {
      onLog: (lines, fromLine) => batcher.push(lines, fromLine),
      onState: (demo) => {
        batcher.flush();
        deps.emit('demos.state', seen(demo));
      },
      close: () => batcher.close(),
    };
  };

  return {
    isDemoUrl: (url) => demoUrls.has(url),
    handlers: {
      'servers.list': async () => deps.demos.servers(),
      'servers.probe': async ({ host, port }) => deps.demos.probe(host, port),
      'servers.add': async ({ keyFile, privateKey, ...server }) => {
        const key = keyFile !== undefined ? await readPrivateKeyFile(keyFile) : privateKey;
        return deps.demos.addServer({ ...server, ...(key !== undefined ? { privateKey: key } : {}) });
      },
      'servers.remove': async ({ name }) => deps.demos.removeServer(name),
      'servers.test': async ({ name }) => deps.demos.testServer(name),
      'dialog.pickKeyFile': async () => ({ path: await deps.pickKeyFile() }),
      'demos.list': async () => (await deps.demos.list()).map(seen),
      'demos.status': async ({ server, name }) => seen(await deps.demos.status(server, name)),
      'demos.up': async ({ expires, ...request }) => {
        assertDemoName(request.name);
        assertRefName(request.branch);
        const expiresInMs = parseExpiry(expires);
        if (expiresInMs === null) throw new AppError('INVALID_ARGUMENTS', 'Give the expiry as e.g. 14d, 36h or 2w.');
        const events = streaming(request.server, request.name);
        try {
          return seen(await deps.demos.up({ ...request, expiresInMs }, events));
        } finally {
          events.close();
        }
      },
      'demos.follow': async ({ server, name, fromLine }) => {
        assertDemoName(name);
        const events = streaming(server, name);
        const key = followKey(server, name);
        const controller = new AbortController();
        const live = follows.get(key) ?? new Set<AbortController>();
        live.add(controller);
        follows.set(key, live);
        try {
          return seen(await deps.demos.follow(server, name, fromLine, events, controller.signal));
        } finally {
          live.delete(controller);
          if (live.size === 0 && follows.get(key) === live) follows.delete(key);
          events.close();
        }
      },
      'demos.unfollow': async ({ server, name }) => {
        assertDemoName(name);
        const live = follows.get(followKey(server, name));
        for (const controller of live ?? []) controller.abort();
        return { stopped: (live?.size ?? 0) > 0 };
      },
      'demos.down': async ({ server, name }) => {
        assertDemoName(name);
        return deps.demos.down(server, name);
      },
      'demos.branches': async ({ projectId }) => deps.demoBranches(projectId),
    },
  };
}

/** Main re-checks the name the renderer already checked: it becomes a directory and a lock on a server. */
function assertDemoName(name: string): void {
  const problem = demoNameProblem(name);
  if (problem) throw new AppError('INVALID_ARGUMENTS', problem);
}

/**
 * Reads the private key the user chose. Main reads it so the renderer never holds the key; the
 * messages name the path (the user's own choice) but never the content.
 */
async function readPrivateKeyFile(path: string): Promise<string> {
  if (!isAbsolute(path)) throw new AppError('INVALID_ARGUMENTS', 'Choose the key file with “Choose key file…”.');
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('INVALID_ARGUMENTS', `${path} is not a file. Choose your private key file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `Release Desk could not read ${path}. Check that the file exists and is yours.`);
  }
  if (size > MAX_KEY_FILE_BYTES) {
    throw new AppError('INVALID_ARGUMENTS', `${path} is too big to be a private key. Choose your private key file.`);
  }
  const text = await readFile(path, 'utf8');
  if (/^ssh-[a-z0-9-]+ AAAA/.test(text.trim())) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `${path} is a public key. Choose the private key beside it (the same name without .pub).`,
    );
  }
  if (!/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text)) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `${path} does not look like a private key (it should start with “-----BEGIN OPENSSH PRIVATE KEY-----”).`,
    );
  }
  return text;
}
