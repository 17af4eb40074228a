import { homedir } from 'node:os';
import { Command, CommanderError } from 'commander';
import { checkInstalledGit } from '../services/git/git-version';
import { dataLayout, defaultDataDir } from '../services/paths/app-paths';
import type { CoreServices } from '../services/core-services';
import type { CliIo } from './cli-io';
import { CommandExit } from './command-exit';
import { addDemoCommands, type DemoCommandDeps } from './commands/demos';
import { addFlowsCommands, type FlowsCommandDeps } from './commands/flows';
import { addProjectsCommand } from './commands/projects';
import { addNotesCommands } from './commands/notes';
import { addSandboxCommands, type SandboxCommandDeps } from './commands/sandbox';
import { addServersCommands } from './commands/servers';
import { addStatusCommands } from './commands/status';
import { EXIT_CODE, formatErrorJson, formatErrorText, reportError } from './output';

/** What the command line is built from; all of it is injectable so tests can run it in-process. */
export interface CliDeps {
  io: CliIo;
  /** The package version `--version` prints. */
  version: string;
  /**
   * Opens the app's services; called at most once, and only by a command that needs them. Async so the
   * entry can load them (conf, simple-git, zod) lazily: `--help` and `--version` then start much faster.
   */
  openServices: () => Promise<CoreServices>;
  /** Loads the practice project's functions for `release-desk sandbox` (see `commands/sandbox.ts`). */
  practice: SandboxCommandDeps['practice'];
  /** Opens the flows (`freeze`, `resume`…); by default the app's, over the same data directory. */
  openFlows?: FlowsCommandDeps['openFlows'];
  /** Opens the demos (`servers`, `demo`); by default the app's, over the same data directory and keychain. */
  openDemos?: DemoCommandDeps['openDemos'];
}

const HELP_FOOTER = `
Environment:
  RELEASE_DESK_HOME              use this data directory instead of the app's (the app's project list by default)
  GITHUB_TOKEN                   the GitHub token of the flows and status --api-url (or GH_TOKEN); else the keychain's
  RELEASE_DESK_POLL_MS           testing knob: poll PRs and workflow runs every N ms instead of every 10 s
  RELEASE_DESK_WRITE_SPACING_MS  testing knob: wait N ms between writes to GitHub instead of 1 s
  RELEASE_DESK_DEMO_REMOTE_DIR   testing knob: keep the demo script and demos in this folder on the servers

Exit codes:
  0  done
  1  the operation failed (the message says why and what to try)
  2  the command line was wrong (unknown command or option, missing argument, --yes needed)`;

/**
 * Whether the user asked for JSON. Read from the raw arguments because a usage error is raised before
 * commander has parsed any command's options, and such an error must still come out as JSON.
 */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** Builds the `release-desk` commander program. `onUsageError` receives commander's own error text. */
export function createProgram(deps: CliDeps, onUsageError: (text: string) => void): Command {
  let services: Promise<CoreServices> | undefined;
  const program = new Command('release-desk')
    .description('Release Desk on the command line: the same projects and services as the desktop app.')
    .version(deps.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // Set before any subcommand is created: commander copies both settings into each subcommand then.
    .configureOutput({
      writeOut: (text) => deps.io.stdout.write(text),
      writeErr: (text) => deps.io.stderr.write(text),
      outputError: (text) => onUsageError(text),
    })
    .exitOverride()
    // Subcommand options are the subcommand's: `release --version 2026.11.0` must not print our version.
    .enablePositionalOptions()
    .addHelpText('after', HELP_FOOTER)
    // Every command works through git: refuse early, in one sentence, when it is missing or too old.
    .hook('preAction', () => checkInstalledGit());
  const openServices = (): Promise<CoreServices> => (services ??= deps.openServices());
  addProjectsCommand(program, { io: deps.io, services: openServices });
  const hooksDir = (): string => dataLayout(defaultDataDir(deps.io.env, process.platform, homedir())).hooksDir;
  addStatusCommands(program, { io: deps.io, services: openServices, hooksDir });
  addNotesCommands(program, { io: deps.io, hooksDir });
  addSandboxCommands(program, { io: deps.io, practice: deps.practice });
  const openFlows: FlowsCommandDeps['openFlows'] =
    deps.openFlows ??
    (async (options) =>
      (await import('./open-services')).openFlowServices(deps.io.env, process.platform, homedir(), options));
  addFlowsCommands(program, { io: deps.io, openFlows });
  let demos: ReturnType<DemoCommandDeps['openDemos']> | undefined;
  const openDemos: DemoCommandDeps['openDemos'] = () =>
    (demos ??=
      deps.openDemos?.() ??
      import('./open-services').then((module) => module.openDemoServices(deps.io.env, process.platform, homedir())));
  addServersCommands(program, { io: deps.io, openDemos });
  addDemoCommands(program, { io: deps.io, openDemos });
  return program;
}

/**
 * Runs the command line and resolves to the exit code; it never throws and never calls
 * `process.exit`, so piped output is flushed before the process ends.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  const json = wantsJson(argv);
  let usageText: string | null = null;
  const program = createProgram(deps, (text) => {
    usageText = text;
    // commander's showHelpAfterError would print its hint through writeErr even in JSON mode.
    if (!json) io.stderr.write(`${text}(add --help for usage)\n`);
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_CODE.ok;
  } catch (error) {
    // The command has printed everything already (a blocked dry run, a run that did not complete).
    if (error instanceof CommandExit) return error.exitCode;
    if (error instanceof CommanderError) {
      // Help and --version also arrive here, as "errors" with exit code 0.
      if (error.exitCode === 0) return EXIT_CODE.ok;
      if (json) {
        const message =
          (usageText ?? '').replace(/^error:\s*/, '').trim() || 'A command is missing. Run "release-desk --help".';
        io.stdout.write(formatErrorJson({ code: 'INVALID_ARGUMENTS', message }));
      }
      return EXIT_CODE.usage;
    }
    const report = reportError(error);
    if (json) io.stdout.write(formatErrorJson(report.error));
    else io.stderr.write(formatErrorText(report.error));
    return report.exitCode;
  }
}
