import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/ipc/errors';
import type { CliIo } from '../cli-io';
import { formatJson } from '../output';

/** The signals that stop `sandbox serve`: Ctrl-C in a terminal, and a polite kill from a script. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** A practice project on disk, as `sandbox create` reports it. */
export interface PracticeSandboxCreated {
  dir: string;
  owner: string;
  repo: string;
  stateDir: string;
  bareRepositoryPath: string;
}

/** A practice project being served. */
export interface PracticeSandboxServed {
  server: { close(): Promise<void> };
  apiUrl: string;
  token: string;
  repo: string;
  remote: string;
}

/**
 * The practice project's functions (`electron/sandbox/practice`), handed in by the entry point: the
 * layer table lets the CLI import services and flows but not the sandbox, so the composition root in
 * `electron/main/cli-entry.ts` (which may import both) passes them in.
 */
export interface PracticeSandboxApi {
  createPracticeSandbox(
    dir: string,
    options: { reset?: boolean; onProgress?: (progress: { done: number; total: number; message: string }) => void },
  ): Promise<PracticeSandboxCreated>;
  servePracticeSandbox(dir: string, options: { port?: number }): Promise<PracticeSandboxServed>;
}

/** What the `sandbox` commands need. */
export interface SandboxCommandDeps {
  io: CliIo;
  /** Loads the practice project's functions; called only when a sandbox command runs. */
  practice: () => Promise<PracticeSandboxApi>;
  /**
   * Resolves when `sandbox serve` should stop; SIGINT or SIGTERM by default. Injectable so the
   * command can run in-process in a test.
   */
  waitForStop?: () => Promise<void>;
}

interface CreateOptions {
  reset?: boolean;
  json?: boolean;
}

interface ServeOptions {
  port?: string;
}

/** ANSI: carriage return, then erase the line, so the progress line redraws in place. */
const REDRAW_LINE = '\r\u001b[2K';

/** Waits for SIGINT or SIGTERM, then removes its listeners so nothing else is changed for the process. */
function waitForSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      resolveStop();
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
  });
}

/** `--port` as a TCP port; 0 picks a free one. */
export function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `--port must be a port number from 0 to 65535 (0 picks a free one), not "${text}".`,
    );
  }
  return port;
}

/** Adds `sandbox create` and `sandbox serve`: the practice project, made and served from the command line. */
export function addSandboxCommands(program: Command, deps: SandboxCommandDeps): void {
  const { io } = deps;
  const sandbox = program
    .command('sandbox')
    .description('the practice project: a release train on a local GitHub-compatible server');

  sandbox
    .command('create')
    .description('make a practice project in DIR (new or empty; --reset rebuilds an existing one)')
    .argument('<dir>', 'the folder to make it in')
    .option('--reset', 'rebuild the practice project already in DIR from scratch')
    .option('--json', 'print JSON')
    .action(async (dir: string, options: CreateOptions) => {
      const { createPracticeSandbox } = await deps.practice();
      const showProgress = io.isTTY.stderr && !options.json;
      const info = await createPracticeSandbox(resolve(io.cwd(), dir), {
        reset: options.reset === true,
        onProgress: showProgress
          ? (progress) =>
              io.stderr.write(`${REDRAW_LINE}Building the practice project… ${progress.done}/${progress.total}`)
          : undefined,
      }).finally(() => {
        if (showProgress) io.stderr.write(REDRAW_LINE);
      });
      const repo = `${info.owner}/${info.repo}`;
      if (options.json) {
        io.stdout.write(formatJson({ dir: info.dir, repo, remote: info.bareRepositoryPath, stateDir: info.stateDir }));
        return;
      }
      io.stdout.write(
        `${options.reset ? 'Rebuilt' : 'Created'} the practice project ${repo} in ${info.dir}\n` +
          `  repository: ${info.bareRepositoryPath}\n` +
          `Serve it with: release-desk sandbox serve ${info.dir}\n`,
      );
    });

  sandbox
    .command('serve')
    .description('serve the practice project in DIR until stopped (Ctrl-C or SIGTERM)')
    .argument('<dir>', 'a folder made by "release-desk sandbox create"')
    .option('--port <port>', 'port on 127.0.0.1 (default: any free port)')
    .addHelpText(
      'after',
      '\nPrints one JSON line when ready: {"apiUrl", "token", "repo": "owner/name", "remote": "<bare repository path>"}.\n' +
        'The token is new on every start and is never written to disk.',
    )
    .action(async (dir: string, options: ServeOptions) => {
      const port = parsePort(options.port);
      const { servePracticeSandbox } = await deps.practice();
      const served = await servePracticeSandbox(resolve(io.cwd(), dir), port === undefined ? {} : { port });
      try {
        // Listen for the stop signals before announcing the server: a script may stop it as soon as it reads the line.
        const stopped = (deps.waitForStop ?? waitForSignal)();
        const { apiUrl, token, repo, remote } = served;
        io.stdout.write(`${JSON.stringify({ apiUrl, token, repo, remote })}\n`);
        await stopped;
      } finally {
        await served.server.close();
      }
    });
}
