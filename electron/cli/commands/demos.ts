import type { Command } from 'commander';
import { DEMO_ENV_NAME_PATTERN, parseExpiry, type DemoView } from '../../../shared/domain/demos/demo';
import { AppError } from '../../../shared/ipc/errors';
import type { DemoEvents } from '../../services/demos/demos-service';
import { createAddProgressDisplay } from '../add-progress';
import type { CliIo } from '../cli-io';
import { CommandExit } from '../command-exit';
import { askYesNo } from '../confirm';
import { collect } from '../flow-choices';
import { checkedApiUrl, projectForRepo } from '../flow-project';
import type { DemoServices } from '../open-services';
import { EXIT_CODE, formatJson, formatTable, projectLabel } from '../output';

/** What the `demo` commands need; the services open lazily so `--help` never touches the data directory. */
export interface DemoCommandDeps {
  io: CliIo;
  openDemos: () => Promise<DemoServices>;
}

interface UpOptions {
  repo: string;
  server: string;
  branch: string;
  name: string;
  expires: string;
  env?: string[];
  apiUrl?: string;
  json?: boolean;
}

interface DemoOptions {
  server: string;
  name: string;
  json?: boolean;
}

/**
 * The `--env` values: `KEY=VALUE`, or `KEY` alone to take the value from this process's environment, so
 * a secret need not appear on the command line (where `ps` would show it).
 */
function envOf(entries: readonly string[], env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const key = equals === -1 ? entry : entry.slice(0, equals);
    if (!DEMO_ENV_NAME_PATTERN.test(key)) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `--env ${key.slice(0, 64)}: use KEY=VALUE or KEY, with KEY in A-Z, 0-9 and _.`,
      );
    }
    const value = equals === -1 ? env[key] : entry.slice(equals + 1);
    if (value === undefined)
      throw new AppError('INVALID_ARGUMENTS', `--env ${key}: ${key} is not set in the environment.`);
    result[key] = value;
  }
  return result;
}

/** The human form of one demo. */
function formatDemo(demo: DemoView): string {
  const rows = [
    ['Demo', `${demo.name} on ${demo.server}`],
    ['State', demo.state + (demo.exitCode !== null ? ` (exit ${demo.exitCode})` : '')],
    ['Branch', demo.sha ? `${demo.branch} at ${demo.sha.slice(0, 12)}` : demo.branch],
    ['URL', demo.url || '(not known yet)'],
    ['Owner', demo.owner || '(unknown)'],
    ['Started', demo.startedAt],
    ['Expires', `${demo.expiresAt || '(never)'}${demo.expired ? ' (EXPIRED: tear it down)' : ''}`],
  ];
  if (demo.problem) rows.push(['Problem', demo.problem]);
  return `${rows.map(([label, value]) => `${`${label}:`.padEnd(9)}${value}`).join('\n')}\n`;
}

/** The human form of `demo list`. */
function formatDemoList(demos: readonly DemoView[]): string {
  if (demos.length === 0)
    return 'No demos. Launch one with: release-desk demo up --repo . --server N --branch B --name NAME\n';
  const table = formatTable(
    ['server', 'name', 'branch', 'state', 'url', 'expires'],
    demos.map((demo) => [
      demo.server,
      demo.name,
      demo.branch,
      demo.state,
      demo.url,
      `${demo.expiresAt.slice(0, 10)}${demo.expired ? ' EXPIRED' : ''}`,
    ]),
  );
  const problems = demos.filter((demo) => demo.problem).map((demo) => `${demo.server}/${demo.name}: ${demo.problem}\n`);
  return table + problems.join('');
}

/** Prints log lines as they arrive: to stdout, or to stderr when stdout carries the JSON result. */
function logPrinter(io: CliIo, json: boolean): DemoEvents {
  const sink = json ? io.stderr : io.stdout;
  return {
    onLog: (lines) => sink.write(lines.map((line) => `${line}\n`).join('')),
    onState: () => undefined,
  };
}

/** Ends the command: the demo, then exit 0 only when it runs. */
function finishLaunch(io: CliIo, json: boolean, demo: DemoView): void {
  if (json) io.stdout.write(formatJson(demo));
  else if (demo.state === 'running')
    io.stdout.write(`\nDemo ${demo.name} is running${demo.url ? ` at ${demo.url}` : ''}\n`);
  else
    io.stdout.write(
      `\nDemo ${demo.name} is ${demo.state}${demo.exitCode !== null ? ` (exit ${demo.exitCode})` : ''}.\n`,
    );
  if (demo.state !== 'running') throw new CommandExit(EXIT_CODE.failure);
}

/** `--server` and `--name` of the commands on one demo. */
function demoTarget(command: Command): Command {
  return command
    .requiredOption('--server <server>', 'the server, as `servers list` shows it')
    .requiredOption('--name <name>', 'the demo’s name');
}

/** Adds `demo up|list|status|logs|down`. */
export function addDemoCommands(program: Command, deps: DemoCommandDeps): void {
  const { io } = deps;
  const demo = program.command('demo').description('feature demos: a throwaway server for one branch, over SSH');

  demo
    .command('up')
    .description('launch a demo of a branch on a server; the log streams, the URL is printed at the end')
    .requiredOption('--repo <dir-or-url>', 'a clone, a bare repository, or a remote URL of the project')
    .requiredOption('--server <server>', 'the server, as `servers list` shows it')
    .requiredOption('--branch <branch>', 'the branch to run')
    .requiredOption('--name <name>', 'the demo’s name: 1-40 of a-z, 0-9 and -')
    .option('--expires <time>', 'when it expires: e.g. 36h, 14d, 2w (at most 90 days)', '14d')
    .option('--env <KEY=VALUE|KEY>', 'an environment value for the deploy (KEY alone: from this environment)', collect)
    .option('--api-url <url>', 'the GitHub API of a repository without a GitHub remote (as for the flows)')
    .option('--json', 'print the log on stderr and the demo as JSON on stdout')
    .addHelpText(
      'after',
      '\nExample:\n  release-desk demo up --repo . --server demo-1 --branch feature/map-export --name map-export',
    )
    .action(async (options: UpOptions) => {
      const json = options.json === true;
      const expiresInMs = parseExpiry(options.expires);
      if (expiresInMs === null) {
        throw new AppError(
          'INVALID_ARGUMENTS',
          '--expires is a number of hours, days or weeks: 36h, 14d or 2w (at most 90 days).',
        );
      }
      const env = envOf(options.env ?? [], io.env);
      const apiUrl = checkedApiUrl(options.apiUrl);
      const { core, demos } = await deps.openDemos();
      const progress = createAddProgressDisplay(io.stderr, io.isTTY.stderr);
      let target;
      try {
        target = await projectForRepo({
          repo: options.repo,
          cwd: io.cwd(),
          apiUrl,
          registry: core.registry,
          git: core.git,
          onProgress: progress.onProgress,
        });
      } finally {
        progress.finish();
      }
      if (target.added) io.stderr.write(`Added ${projectLabel(target.project)}\n`);
      const launched = await demos.up(
        {
          projectId: target.project.id,
          server: options.server,
          branch: options.branch,
          name: options.name,
          expiresInMs,
          env,
        },
        logPrinter(io, json),
      );
      finishLaunch(io, json, launched);
    });

  demo
    .command('list')
    .description('every demo on every server, with this machine’s launches on servers that do not answer')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const rows = await (await deps.openDemos()).demos.list();
      io.stdout.write(options.json ? formatJson(rows) : formatDemoList(rows));
    });

  demoTarget(demo.command('status').description('the status of one demo'))
    .option('--json', 'print the demo as JSON')
    .action(async (options: DemoOptions) => {
      const view = await (await deps.openDemos()).demos.status(options.server, options.name);
      io.stdout.write(options.json ? formatJson(view) : formatDemo(view));
    });

  demoTarget(demo.command('logs').description('the log of one demo'))
    .option('--from <line>', 'the first line to print', '1')
    .option('--follow', 'keep printing as the demo logs, until it stops or fails (Ctrl-C to stop following)')
    .action(async (options: DemoOptions & { from: string; follow?: boolean }) => {
      const from = /^\d{1,9}$/.test(options.from) ? Number(options.from) : 0;
      if (from < 1) throw new AppError('INVALID_ARGUMENTS', '--from is a line number from 1.');
      const { demos } = await deps.openDemos();
      if (options.follow) {
        await demos.follow(options.server, options.name, from, logPrinter(io, false));
        return;
      }
      const lines = await demos.logs(options.server, options.name, from);
      io.stdout.write(lines.map((line) => `${line}\n`).join(''));
    });

  demoTarget(demo.command('down').description('tear a demo down: its stop command, its processes, its folder'))
    .option('-y, --yes', 'do not ask for confirmation (needed when stdin is not a terminal)')
    .option('--json', 'print { "removed": true|false }')
    .action(async (options: DemoOptions & { yes?: boolean }) => {
      if (!options.yes) {
        if (!io.isTTY.stdin) {
          throw new AppError(
            'INVALID_ARGUMENTS',
            `Not tearing down ${options.name}: there is no terminal to confirm it on. Pass --yes to tear it down.`,
          );
        }
        if (
          !(await askYesNo(io, `Tear down ${options.name} on ${options.server}? Its folder on the server is removed.`))
        ) {
          throw new AppError('CANCELLED', 'Cancelled: the demo keeps running.');
        }
      }
      const result = await (await deps.openDemos()).demos.down(options.server, options.name);
      io.stdout.write(
        options.json
          ? formatJson(result)
          : result.removed
            ? `Tore down ${options.name} on ${options.server}.\n`
            : `There was no demo ${options.name} on ${options.server}; nothing to remove.\n`,
      );
    });
}
