import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_HOST } from '../../shared/domain/github/github-account';
import type { Project } from '../../shared/domain/project';
import type { Envelope } from '../../shared/ipc/api';
import { githubTokenAccount } from '../services/secrets/secret-accounts';
import { startSecretServiceSandbox, type SecretServiceSandbox } from '../services/secrets/secret-service-sandbox';
import { createKeychainSecretStore } from '../services/secrets/secret-store';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';
import { createGitSandbox, type GitSandbox } from '../services/testing/git-sandbox';
import { createAppServices, type AppServices } from './app-services';
import { createHandlers } from './handlers';
import { createDispatch, type Dispatch } from './ipc/dispatch';

// A whole session through the real handlers, as the renderer drives them, with a known token: the
// practice server accepts exactly this token, the user pastes it, and every screen's calls run. Then
// every byte the session handed back and every file it wrote is searched for the token.
const CANARY = 'ghp_CanaryTokenLeakCheck0123456789abcd';
const WRONG = 'ghp_WrongTokenLeakCheck9876543210zyxw';

let keyring: SecretServiceSandbox;
let restoreBus: () => void;
let sandbox: GitSandbox;
let restoreEnv: () => void;
let dataDir: string;
let services: AppServices;
let dispatch: Dispatch;
const answers: string[] = [];
const internal: string[] = [];

async function call<T>(channel: string, args: unknown): Promise<Envelope<T>> {
  const envelope = (await dispatch(channel, args)) as Envelope<T>;
  answers.push(JSON.stringify(envelope));
  return envelope;
}

async function ok<T>(channel: string, args: unknown): Promise<T> {
  const envelope = await call<T>(channel, args);
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/** Every regular file under `root`, recursively. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

beforeAll(async () => {
  keyring = await startSecretServiceSandbox({ keyring: true });
  restoreBus = keyring.activate();
  sandbox = createGitSandbox();
  restoreEnv = sandbox.activate();
  dataDir = mkdtempSync(join(sandbox.root, 'data-'));
  const secrets = createKeychainSecretStore();
  // The practice server takes the practice account's stored token; storing the canary first makes the
  // server accept exactly it. The session then connects with it as a user pasting it would.
  await secrets.set(githubTokenAccount(PRACTICE_HOST), CANARY);
  services = createAppServices({ dataDir, settings: createConfSettingsStore(dataDir), secrets });
  const events: string[] = [];
  dispatch = createDispatch(
    createHandlers({
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
      writeClipboard: (text) => answers.push(text),
      saveTextFile: async (_name, text) => {
        answers.push(text);
        return null;
      },
      pickFolder: async () => null,
      pickConfigFile: async () => null,
      openExternal: async (url) => void answers.push(url),
      emit: (event, payload) => void events.push(JSON.stringify({ event, payload })),
    }),
    (channel, error) => internal.push(`${channel}: ${String(error)}`),
  );
  answers.push(...events);
}, 60_000);

afterAll(async () => {
  await services?.practice.close();
  restoreEnv?.();
  sandbox?.dispose();
  restoreBus?.();
  await keyring?.dispose();
});

describe('a whole session with a known token', () => {
  it('never hands the token back and never writes it to a file', async () => {
    const project = await ok<Project>('practice.open', { operationId: 'open-1' });
    expect(project.practice).not.toBeNull();

    // A wrong paste first: refused, and neither token is echoed.
    const refused = await call('github.connect', { token: WRONG, projectId: project.id });
    expect(refused.ok).toBe(false);

    const connected = await ok<{ account: { login: string } }>('github.connect', {
      token: CANARY,
      projectId: project.id,
    });
    expect(connected.account.login).toBe('practice-user');
    await ok('github.accounts', {});
    await ok('practice.connect', {});
    await ok('train.status', { projectId: project.id, fetch: true });
    const github = await ok<{ state: string }>('train.github', { projectId: project.id });
    expect(github.state).toBe('connected');
    const notes = await ok<{ version: { next: string } }>('notes.generate', { projectId: project.id });
    const version = notes.version.next;
    await ok('notes.saveDraft', { projectId: project.id, version, summary: 'Practice release.' });
    await ok('notes.copy', { projectId: project.id, version, format: 'markdown' });
    await ok('notes.exportFile', { projectId: project.id, version, format: 'json' });
    await ok('practice.reset', { operationId: 'reset-1' });
    await ok('github.disconnect', { host: PRACTICE_HOST });
    await ok('github.connect', { token: CANARY, projectId: project.id });

    expect(internal).toEqual([]);
    for (const answer of answers) {
      expect(answer).not.toContain(CANARY);
      expect(answer).not.toContain(WRONG);
    }
    const written = [...filesUnder(dataDir), ...filesUnder(sandbox.root)].filter((path) => statSync(path).size > 0);
    expect(written.length).toBeGreaterThan(20);
    for (const path of written) {
      const bytes = readFileSync(path);
      expect(bytes.includes(CANARY), `${path} holds the token`).toBe(false);
      expect(bytes.includes(WRONG), `${path} holds the wrong token`).toBe(false);
    }
  }, 120_000);
});
