import { hostname, userInfo } from 'node:os';
import { posix } from 'node:path';
import type { ConnectionReport, DemoView, HostKeyProbe } from '../../../shared/domain/demos/demo';
import { DEMO_ENV_NAME_PATTERN } from '../../../shared/domain/demos/demo';
import { demoNameProblem } from '../../../shared/domain/demos/demo-name';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import type { Project } from '../../../shared/domain/project';
import { checkRefName } from '../../../shared/domain/refs/ref-name';
import { AppError } from '../../../shared/ipc/errors';
import type { GitHubAccounts } from '../github/github-accounts';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { SshExecResult, SshSession } from '../ssh/ssh-types';
import { readBundledDemoScript } from './bundled-script';
import { demoUrlOf, loadDemoLaunch, loadDemosConfig } from './demo-launch';
import { createLogLineSplitter, logLinesOf, STATE_MARK_PATTERN } from './demo-log-lines';
import { openDemoRecords, type DemoRecord } from './demo-records';
import {
  checkedRemotePath,
  DEFAULT_REMOTE_SCRIPT_PATH,
  demoScriptCommand,
  demoScriptError,
  demoViewOf,
  encodeDemoInput,
  hasEnded,
  hasSettled,
  isExpired,
  parseStatusLine,
  type DemoScriptAction,
  type DemoScriptInput,
} from './demo-script-protocol';
import { createDemoServers, type AddServerInput } from './demo-servers';
import { createWorkflowDemos, WORKFLOW_DEMO_SERVER } from './demo-workflow';

export type { AddServerInput } from './demo-servers';

/** Receives a demo's log lines and state changes while `up` or `follow` runs. */
export interface DemoEvents {
  /** Whole lines, in order, never repeated; `fromLine` is the 1-based number of the first. */
  onLog: (lines: string[], fromLine: number) => void;
  onState: (demo: DemoView) => void;
}

/** What {@link DemosService.up} launches. */
export interface DemoUpRequest {
  projectId: string;
  server: string;
  branch: string;
  name: string;
  expiresInMs: number;
  /** Environment values for the deploy command, secrets included: they travel on stdin only. */
  env: Record<string, string>;
}

/** Feature demos over SSH: the servers they run on, launching, following, the inventory and teardown. */
export interface DemosService {
  servers(): SshServer[];
  /** First contact: the host key to show before the user trusts it. */
  probe(host: string, port: number): Promise<HostKeyProbe>;
  /** Adds a server with the fingerprint the user trusted; stores key and passphrase in the keychain. */
  addServer(input: AddServerInput): Promise<SshServer>;
  removeServer(name: string): Promise<{ removed: boolean }>;
  testServer(name: string): Promise<ConnectionReport>;
  /** Launches: uploads the script, runs `up`, then follows the log until the demo is running or failed. */
  up(request: DemoUpRequest, events: DemoEvents, signal?: AbortSignal): Promise<DemoView>;
  /** Reattaches to a demo's log from `fromLine` (after the app restarted or the connection dropped). */
  follow(server: string, name: string, fromLine: number, events: DemoEvents, signal?: AbortSignal): Promise<DemoView>;
  /** Every server's demos, reconciled with this machine's records; unreachable servers reported per demo. */
  list(): Promise<DemoView[]>;
  status(server: string, name: string): Promise<DemoView>;
  /** The demo's log from `fromLine` (1 by default) as it is now. */
  logs(server: string, name: string, fromLine?: number): Promise<string[]>;
  /** Stops and removes a demo; `removed: false` when the server had no such demo. */
  down(server: string, name: string): Promise<{ removed: boolean }>;
}

/** What the demos service is built from. */
export interface DemosServiceDeps {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  projects: () => Project[];
  /** The app's empty hooks folder, for reading the project's config from its managed clone. */
  hooksDir: string;
  /** For `SSH_AUTH_SOCK`; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  knownHostsFile?: string;
  /** Where the script goes on every server (relative to the SSH user's home); `.release-desk/feature-demo.sh`. */
  remoteScriptPath?: string;
  /** The demos' base directory on every server; the script's default (`~/.release-desk/demos`) when absent. */
  remoteBaseDir?: string;
  /** Who launches (`user@machine`), written to the status file. */
  owner?: string;
  readyTimeoutMs?: number;
  /** How often, and how long apart at first, a dropped follow reconnects before giving up. */
  reconnect?: { attempts: number; firstDelayMs: number };
  now?: () => Date;
  /** The projects' GitHub, for demos in `demos.mode: workflow` (server {@link WORKFLOW_DEMO_SERVER}). */
  github?: Pick<GitHubAccounts, 'clientFor'>;
  /** How often workflow demos poll GitHub for their run (3 s by default). */
  workflowPollIntervalMs?: number;
}

const MAX_ENV_ENTRIES = 50;
const MAX_ENV_VALUE_LENGTH = 4096;
// Mirrors RESERVED_ENV in feature-demo.sh: these change how bash or the linker run the deploy.
const RESERVED_ENV = new Set(['PATH', 'HOME', 'BASH_ENV', 'ENV', 'SHELLOPTS', 'BASHOPTS', 'IFS', 'PS4']);
const RESERVED_ENV_PREFIX = 'LD_';
// bash's "No such file or directory" for a script path that does not exist.
const SCRIPT_MISSING_EXIT = 127;

function assertDemoName(name: string): void {
  const problem = typeof name === 'string' ? demoNameProblem(name) : 'Enter a demo name.';
  if (problem) throw new AppError('INVALID_ARGUMENTS', problem);
}

function assertEnv(env: Record<string, string>): void {
  const entries = Object.entries(env);
  if (entries.length > MAX_ENV_ENTRIES) {
    throw new AppError('INVALID_ARGUMENTS', `A demo takes at most ${MAX_ENV_ENTRIES} environment values.`);
  }
  for (const [key, value] of entries) {
    if (!DEMO_ENV_NAME_PATTERN.test(key)) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `“${key.slice(0, 64)}” is not an environment variable name (A-Z, 0-9 and _, not starting with a digit).`,
      );
    }
    if (RESERVED_ENV.has(key) || key.startsWith(RESERVED_ENV_PREFIX)) {
      throw new AppError('INVALID_ARGUMENTS', `A demo may not set ${key}: it changes how the server runs commands.`);
    }
    // The message names the key only: the value may be a secret.
    if (typeof value !== 'string' || value.length > MAX_ENV_VALUE_LENGTH || value.includes('\0')) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `The value of ${key} must be text of at most ${MAX_ENV_VALUE_LENGTH} characters.`,
      );
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Stopped following the demo; it keeps running on the server.');
}

/** A connection that broke (dropped, refused, timed out): worth connecting again. */
function isConnectionLoss(error: unknown): boolean {
  return error instanceof AppError && error.code === 'NETWORK';
}

/** Creates the demos service. */
export function createDemosService(deps: DemosServiceDeps): DemosService {
  const now = deps.now ?? (() => new Date());
  const servers = createDemoServers({
    settings: deps.settings,
    secrets: deps.secrets,
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.knownHostsFile ? { knownHostsFile: deps.knownHostsFile } : {}),
    ...(deps.readyTimeoutMs ? { readyTimeoutMs: deps.readyTimeoutMs } : {}),
  });
  const records = openDemoRecords(deps.dataDir);
  const scriptPath = checkedRemotePath(deps.remoteScriptPath ?? DEFAULT_REMOTE_SCRIPT_PATH);
  const reconnect = deps.reconnect ?? { attempts: 6, firstDelayMs: 500 };
  const owner = deps.owner ?? `${userInfo().username}@${hostname()}`;
  const base: DemoScriptInput = deps.remoteBaseDir ? { BASE: deps.remoteBaseDir } : {};
  const workflow = deps.github
    ? createWorkflowDemos({
        github: deps.github,
        hooksDir: deps.hooksDir,
        now,
        ...(deps.workflowPollIntervalMs ? { pollIntervalMs: deps.workflowPollIntervalMs } : {}),
      })
    : null;

  const findProject = (projectId: string): Project => {
    const project = deps.projects().find((candidate) => candidate.id === projectId);
    if (!project) throw new AppError('NOT_FOUND', `There is no project "${projectId}". It may have been removed.`);
    return project;
  };

  /** Uploads `script` to the script path, making its folder first (a constant command). */
  const installScript = async (session: SshSession, script: string): Promise<void> => {
    const folder = posix.dirname(scriptPath);
    if (folder !== '.') {
      const made = await session.exec(`mkdir -p -m 700 -- '${checkedRemotePath(folder)}'`);
      if (made.code !== 0) {
        throw new AppError('PERMISSION_DENIED', `Could not create ${folder} on the server.`, made.stderr.trim());
      }
    }
    await session.upload(script, scriptPath, 0o700);
  };

  /**
   * Runs one script action. A server that never ran a demo has no script yet: the bundled one is
   * installed and the action run again (a project's own script is installed by `up` only).
   */
  const runScript = async (
    session: SshSession,
    action: DemoScriptAction,
    name: string | null,
    input: DemoScriptInput,
    options: { onStdout?: (text: string) => void; signal?: AbortSignal } = {},
  ): Promise<SshExecResult> => {
    const command = demoScriptCommand(scriptPath, action, name);
    const stdin = encodeDemoInput({ ...base, ...input });
    const result = await session.exec(command, { ...options, stdin });
    if (result.code !== SCRIPT_MISSING_EXIT || !/No such file/i.test(result.stderr)) return result;
    await installScript(session, await readBundledDemoScript());
    return session.exec(command, { ...options, stdin });
  };

  /** Connects to the server, runs `work`, closes. A lost connection names the server. */
  const withServer = async <T>(server: SshServer, doing: string, work: (session: SshSession) => Promise<T>) => {
    let session: SshSession;
    try {
      session = await servers.connect(server);
    } catch (error) {
      if (isConnectionLoss(error)) {
        throw new AppError(
          'NETWORK',
          `Could not reach the server ${server.name} to ${doing}: ${(error as AppError).message}`,
        );
      }
      throw error;
    }
    try {
      return await work(session);
    } finally {
      session.close();
    }
  };

  const statusOn = async (session: SshSession, server: SshServer, name: string): Promise<DemoView> => {
    const result = await runScript(session, 'status', name, {});
    if (result.code !== 0) throw demoScriptError(result, { server: server.name, name });
    const status = parseStatusLine(result.stdout.trim());
    if (!status) {
      throw new AppError('INTERNAL', `The status of ${name} on ${server.name} is not one Release Desk can read.`);
    }
    return demoViewOf(status, server.name, now());
  };

  /**
   * Follows the log from `fromLine` until the demo has settled (running, failed, stopped: `up`), or
   * until its log has ended (failed, stopped: `follow` tails a running demo live). The script writes the
   * status file before it logs its `[release-desk] state=` line, so each such line is a cue to read the
   * status. A dropped connection is reconnected, and the follow goes on from the first line not yet
   * handed on, after reconciling with the status file. Aborting `signal` ends the remote `tail` too.
   */
  const followDemo = async (
    server: SshServer,
    name: string,
    fromLine: number,
    events: DemoEvents,
    signal: AbortSignal | undefined,
    opened?: SshSession,
    until: 'settled' | 'ended' = 'settled',
  ): Promise<DemoView> => {
    let session = opened;
    let next = fromLine;
    let failures = 0;
    let lastState: string | null = null;
    let lastView: DemoView | null = null;
    // Set once the script's `logs` ended by itself: its detached part is gone, so the log grows no more
    // whatever the status says (a demo whose processes were killed may still read running).
    let tailEnded = false;
    const done = (view: DemoView): boolean => (until === 'settled' ? hasSettled(view.state) : hasEnded(view));
    const report = (view: DemoView): DemoView => {
      lastView = view;
      if (view.state !== lastState) {
        lastState = view.state;
        events.onState(view);
      }
      return view;
    };
    try {
      for (;;) {
        if (signal?.aborted) throw cancelled();
        try {
          session ??= await servers.connect(server);
          const current = report(await statusOn(session, server, name));
          if (done(current) || tailEnded) {
            const rest = await runScript(session, 'logs', name, { FROM: String(next), FOLLOW: '0' }, { signal });
            if (rest.code !== 0) throw demoScriptError(rest, { server: server.name, name });
            const lines = logLinesOf(rest.stdout);
            if (lines.length > 0) events.onLog(lines, next);
            return current;
          }
          const live = session;
          const stop = new AbortController();
          const onAbort = (): void => stop.abort();
          signal?.addEventListener('abort', onAbort);
          let settled: DemoView | null = null;
          let checkFailure: unknown = null;
          let checks: Promise<void> = Promise.resolve();
          const splitter = createLogLineSplitter(next, (lines, first) => {
            events.onLog(lines, first);
            if (!lines.some((line) => STATE_MARK_PATTERN.test(line))) return;
            checks = checks
              .then(async () => {
                const view = report(await statusOn(live, server, name));
                if (done(view)) {
                  settled = view;
                  stop.abort();
                }
              })
              // Kept for after the follow ends (a status read that fails also ends it), never left unhandled.
              .catch((error: unknown) => {
                checkFailure ??= error;
                stop.abort();
              });
          });
          try {
            const result = await runScript(
              live,
              'logs',
              name,
              { FROM: String(next) },
              { onStdout: (text) => splitter.push(text), signal: stop.signal },
            );
            if (result.code !== 0) throw demoScriptError(result, { server: server.name, name });
          } catch (error) {
            const ours = error instanceof AppError && error.code === 'CANCELLED' && !signal?.aborted;
            if (!(ours && (settled || checkFailure))) throw error;
          } finally {
            signal?.removeEventListener('abort', onAbort);
            next = splitter.next;
          }
          await checks;
          if (checkFailure) throw checkFailure;
          if (settled) return settled;
          // The log ended by itself (the detached part ended): the status says how, on the next round.
          tailEnded = true;
          failures = 0;
        } catch (error) {
          if (signal?.aborted) throw cancelled();
          // Torn down while followed live: `down` removed the demo's folder after ending its processes.
          if (until === 'ended' && lastView && error instanceof AppError && error.code === 'NOT_FOUND') {
            return report({ ...(lastView as DemoView), state: 'stopped' });
          }
          if (!isConnectionLoss(error) || failures >= reconnect.attempts) throw error;
          session?.close();
          session = undefined;
          await delay(reconnect.firstDelayMs * 2 ** failures);
          failures += 1;
        }
      }
    } finally {
      session?.close();
    }
  };

  const unreachableView = (record: DemoRecord, problem: string): DemoView => ({
    name: record.name,
    branch: record.branch,
    sha: '',
    url: '',
    owner: '',
    startedAt: record.launchedAt,
    expiresAt: record.expiresAt,
    server: record.server,
    state: 'unreachable',
    exitCode: null,
    expired: isExpired(record.expiresAt, now()),
    problem,
  });

  const stopCommandOf = async (record: DemoRecord | undefined): Promise<string | undefined> => {
    const project = record && deps.projects().find((candidate) => candidate.id === record.project);
    if (!project) return undefined;
    try {
      return (await loadDemosConfig(project, deps.hooksDir)).demos.stopCommand;
    } catch {
      // A config that no longer reads must not keep a demo from being torn down.
      return undefined;
    }
  };

  return {
    servers: () => servers.list(),
    probe: (host, port) => servers.probe(host, port),
    addServer: (input) => {
      // Workflow demos show GitHub as their server: a server of that name could not be told apart.
      if (input.name === WORKFLOW_DEMO_SERVER) {
        return Promise.reject(
          new AppError(
            'INVALID_ARGUMENTS',
            `"${WORKFLOW_DEMO_SERVER}" names workflow demos; choose another server name.`,
          ),
        );
      }
      return servers.add(input);
    },
    removeServer: (name) => servers.remove(name),
    testServer: (name) => servers.test(name),

    async up(request, events, signal) {
      assertDemoName(request.name);
      const branch = checkRefName(request.branch);
      if (!branch.ok) throw new AppError('INVALID_ARGUMENTS', branch.reason);
      if (!Number.isFinite(request.expiresInMs) || request.expiresInMs <= 0) {
        throw new AppError('INVALID_ARGUMENTS', 'A demo needs an expiry in the future (e.g. 14d).');
      }
      assertEnv(request.env);
      if (workflow) {
        const workflowProject = findProject(request.projectId);
        const demos = await workflow.configOf(workflowProject);
        if (demos) return workflow.up(workflowProject, demos, request, events, signal);
      }
      const server = servers.get(request.server);
      const project = findProject(request.projectId);
      const launch = await loadDemoLaunch(project, deps.hooksDir);
      const expiresAt = new Date(now().getTime() + request.expiresInMs).toISOString();
      const input: DemoScriptInput = {
        REPO: project.remoteUrl,
        BRANCH: request.branch,
        DEPLOY: launch.demos.deployCommand,
        URL: demoUrlOf(launch.demos, request.name),
        OWNER: owner,
        EXPIRES: expiresAt,
      };
      for (const [key, value] of Object.entries(request.env)) input[`ENV_${key}`] = value;

      let session: SshSession | undefined;
      try {
        session = await servers.connect(server);
        await installScript(session, launch.script);
        const result = await runScript(session, 'up', request.name, input, signal ? { signal } : {});
        if (result.code !== 0) throw demoScriptError(result, { server: server.name, name: request.name });
      } catch (error) {
        session?.close();
        if (isConnectionLoss(error)) {
          throw new AppError(
            'NETWORK',
            `Could not launch ${request.name} on the server ${server.name}: ${(error as AppError).message}`,
          );
        }
        throw error;
      }
      await records.put({
        server: server.name,
        name: request.name,
        branch: request.branch,
        project: project.id,
        launchedAt: now().toISOString(),
        expiresAt,
      });
      return followDemo(server, request.name, 1, events, signal, session);
    },

    async follow(serverName, name, fromLine, events, signal) {
      assertDemoName(name);
      if (!Number.isInteger(fromLine) || fromLine < 1) {
        throw new AppError('INVALID_ARGUMENTS', 'A log line number starts at 1.');
      }
      return followDemo(servers.get(serverName), name, fromLine, events, signal, undefined, 'ended');
    },

    async list() {
      const known = servers.list();
      const recorded = await records.list();
      const answers = await Promise.all(
        known.map(async (server) => {
          try {
            const views = await withServer(server, 'list its demos', async (session) => {
              const result = await runScript(session, 'list', null, {});
              if (result.code !== 0) throw demoScriptError(result, { server: server.name, name: null });
              return result.stdout
                .split('\n')
                .map((line) => parseStatusLine(line.trim()))
                .filter((status) => status !== null)
                .map((status) => demoViewOf(status, server.name, now()));
            });
            return { server: server.name, views, problem: null };
          } catch (error) {
            const problem = error instanceof AppError ? error.message : String(error);
            return { server: server.name, views: [] as DemoView[], problem };
          }
        }),
      );
      const rows: DemoView[] = [];
      for (const answer of answers) {
        const mine = recorded.filter((record) => record.server === answer.server);
        if (answer.problem !== null) {
          rows.push(...mine.map((record) => unreachableView(record, answer.problem as string)));
          continue;
        }
        rows.push(...answer.views);
        // The server answered without it: torn down from elsewhere, so the record has done its job.
        for (const record of mine) {
          if (!answer.views.some((view) => view.name === record.name)) await records.remove(record.server, record.name);
        }
      }
      for (const record of recorded) {
        if (known.some((server) => server.name === record.server)) continue;
        rows.push(
          unreachableView(
            record,
            `The server ${record.server} is no longer in Settings → Servers; add it again to reach this demo.`,
          ),
        );
      }
      if (workflow) rows.push(...(await workflow.list(deps.projects())));
      return rows.sort((a, b) => a.server.localeCompare(b.server) || a.name.localeCompare(b.name));
    },

    async status(serverName, name) {
      assertDemoName(name);
      if (workflow && serverName === WORKFLOW_DEMO_SERVER) {
        const found = (await workflow.list(deps.projects())).find((demo) => demo.name === name);
        if (!found) throw new AppError('NOT_FOUND', `There is no workflow demo ${name} on GitHub.`);
        return found;
      }
      const server = servers.get(serverName);
      return withServer(server, `read the status of ${name}`, (session) => statusOn(session, server, name));
    },

    async logs(serverName, name, fromLine = 1) {
      assertDemoName(name);
      if (!Number.isInteger(fromLine) || fromLine < 1) {
        throw new AppError('INVALID_ARGUMENTS', 'A log line number starts at 1.');
      }
      const server = servers.get(serverName);
      return withServer(server, `read the log of ${name}`, async (session) => {
        const result = await runScript(session, 'logs', name, { FROM: String(fromLine), FOLLOW: '0' });
        if (result.code !== 0) throw demoScriptError(result, { server: server.name, name });
        return logLinesOf(result.stdout);
      });
    },

    async down(serverName, name) {
      assertDemoName(name);
      if (workflow && serverName === WORKFLOW_DEMO_SERVER) return workflow.down(deps.projects(), name);
      const record = (await records.list()).find((known) => known.server === serverName && known.name === name);
      const server = servers.get(serverName);
      const stop = await stopCommandOf(record);
      const result = await withServer(server, `tear down ${name}`, (session) =>
        runScript(session, 'down', name, stop ? { STOP: stop } : {}),
      );
      if (result.code !== 0) throw demoScriptError(result, { server: server.name, name });
      await records.remove(server.name, name);
      return { removed: result.stdout.startsWith('removed ') };
    },
  };
}
