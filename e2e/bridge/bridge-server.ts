import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createHandlers } from '../../electron/main/handlers';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/content-security-policy';
import { createDispatch } from '../../electron/main/ipc/dispatch';
import { createAppServices, type DemoPlacement } from '../../electron/main/app-services';
import { createKeychainSecretStore } from '../../electron/services/secrets/secret-store';
import { createConfSettingsStore } from '../../electron/services/settings/conf-settings-store';
import type { Envelope } from '../../shared/ipc/api';
import { bundleBrowserBridge } from './bundle-browser-bridge';
import { createEventStream } from './event-stream';
import { readRendererAsset } from './renderer-assets';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The environment variable that stands in for the native folder picker's answer. */
export const PICK_FOLDER_ENV = 'RELEASE_DESK_E2E_PICK_FOLDER';

/** Options of {@link startBridgeServer}. */
export interface BridgeServerOptions {
  /** The app's data directory (what `RELEASE_DESK_HOME` is for the app). */
  dataDir: string;
  /** The renderer build to serve; `out/renderer` by default. */
  rendererDir?: string;
  /** What the folder picker answers at first; `RELEASE_DESK_E2E_PICK_FOLDER` or null by default. */
  pickedFolder?: string | null;
  /** Where demos go on SSH servers (a temp folder in tests, never the real home's). */
  demos?: DemoPlacement;
}

/** A running bridge: the app's real handlers behind HTTP, with the built renderer on the same origin. */
export interface BridgeServer {
  /** `http://127.0.0.1:<port>/`, the page to open. */
  url: string;
  /** What the next `dialog.pickFolder` returns: the one mocked part, as no native dialog is reachable. */
  pickedFolder: string | null;
  /** What the next `dialog.pickConfigFile` returns (a native file dialog is not reachable either). */
  pickedConfigFile: string | null;
  /** What the next `dialog.pickKeyFile` returns: a private key file main then reads. */
  pickedKeyFile: string | null;
  /** The last text put on the "clipboard" (the system clipboard is not reachable from the bridge). */
  clipboard: string | null;
  /** Files "saved" through the export dialog: name and text, recorded instead of written. */
  readonly savedFiles: { name: string; text: string }[];
  /** URLs `shell.openExternal` was asked to open, recorded instead of opened. */
  readonly openedUrls: string[];
  /** Failures that were not AppErrors (bugs); a test can assert there were none. */
  readonly internalErrors: string[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts the bridge on 127.0.0.1 at a random port. Requests go through `createDispatch(createHandlers())`,
 * the same wrapper and handlers Electron's main process registers; only the transport differs.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const rendererDir = resolve(options.rendererDir ?? join(REPO_ROOT, 'out/renderer'));
  const bridgeScript = await bundleBrowserBridge();
  const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    productName: string;
    version: string;
  };
  const events = createEventStream();
  // The real keychain: the bridge's process must be on a Secret Service bus (the e2e fixtures start a
  // private one) before the first keychain call.
  const services = createAppServices({
    dataDir: options.dataDir,
    settings: createConfSettingsStore(options.dataDir),
    secrets: createKeychainSecretStore(),
    ...(options.demos ? { demos: options.demos } : {}),
  });

  const bridge: BridgeServer = {
    url: '',
    pickedFolder: options.pickedFolder !== undefined ? options.pickedFolder : (process.env[PICK_FOLDER_ENV] ?? null),
    pickedConfigFile: null,
    pickedKeyFile: null,
    clipboard: null,
    savedFiles: [],
    openedUrls: [],
    internalErrors: [],
    close: async () => {},
  };

  const dispatch = createDispatch(
    createHandlers({
      appInfo: { name: packageJson.productName, version: packageJson.version, platform: process.platform },
      registry: services.registry,
      train: services.train,
      notes: services.notes,
      github: services.github,
      trainGitHub: services.trainGitHub,
      flows: services.flows,
      practice: services.practice,
      demos: services.demos,
      demoBranches: services.demoBranches,
      writeClipboard: (text) => {
        bridge.clipboard = text;
      },
      saveTextFile: async (name, text) => {
        bridge.savedFiles.push({ name, text });
        return name;
      },
      pickFolder: async () => bridge.pickedFolder,
      pickConfigFile: async () => bridge.pickedConfigFile,
      pickKeyFile: async () => bridge.pickedKeyFile,
      openExternal: async (url) => {
        bridge.openedUrls.push(url);
      },
      emit: (event, payload) => events.broadcast(event, payload),
    }),
    (channel, error) =>
      bridge.internalErrors.push(`${channel}: ${error instanceof Error ? error.stack : String(error)}`),
  );

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      bridge.internalErrors.push(`bridge: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { pathname } = new URL(request.url ?? '/', 'http://bridge.invalid');
    if (pathname.startsWith('/__ipc/') && request.method === 'POST') {
      // The stand-in for register.ts's sender check: only the page this server serves may call.
      if (request.headers.origin !== new URL(bridge.url).origin) {
        return sendJson(response, {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the Release Desk page.' },
        });
      }
      const channel = decodeURIComponent(pathname.slice('/__ipc/'.length));
      const body = await readBody(request);
      let args: unknown;
      try {
        args = body === '' ? {} : JSON.parse(body);
      } catch {
        return sendJson(response, {
          ok: false,
          error: { code: 'INVALID_ARGUMENTS', message: 'The request was not JSON.' },
        });
      }
      return sendJson(response, await dispatch(channel, args));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    if (pathname === '/__events') return events.connect(request, response);
    if (pathname === '/__bridge.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(bridgeScript);
      return;
    }
    const asset = await readRendererAsset(rendererDir, pathname);
    if (!asset) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': asset.contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    response.end(asset.body);
  };

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  bridge.url = `http://127.0.0.1:${port}/`;
  bridge.close = async () => {
    await services.practice.close();
    await new Promise<void>((resolveClose) => {
      events.closeAll();
      server.closeAllConnections();
      server.close(() => resolveClose());
    });
  };
  return bridge;
}

function sendJson(response: ServerResponse, envelope: Envelope<unknown>): void {
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(envelope));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
