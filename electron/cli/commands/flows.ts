import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { FlowName, FlowRun, FlowStepKind, StepState } from '../../../shared/domain/flows/flow-plan';
import type { FlowPreview } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { createAddProgressDisplay } from '../add-progress';
import type { CliIo } from '../cli-io';
import { CommandExit } from '../command-exit';
import { askYesNo } from '../confirm';
import { collect, flowChoicesOf, type FlowChoiceOptions } from '../flow-choices';
import {
  blockerDetail,
  formatPreview,
  formatRunEnd,
  formatRunList,
  formatStepLine,
  resolvedTitle,
  runJsonLine,
  stepJsonLine,
} from '../flow-output';
import { checkedApiUrl, projectForRepo, type FlowProject } from '../flow-project';
import type { FlowServices, FlowServicesOptions } from '../open-services';
import { EXIT_CODE, formatJson, projectLabel } from '../output';

/** What the flow commands need; the services open lazily so `--help` never touches the data directory. */
export interface FlowsCommandDeps {
  io: CliIo;
  openFlows: (options: FlowServicesOptions) => Promise<FlowServices>;
}

interface TargetOptions {
  repo: string;
  config?: string;
  apiUrl?: string;
  json?: boolean;
  yes?: boolean;
}

interface FlowCommandOptions extends TargetOptions, FlowChoiceOptions {
  dryRun?: boolean;
  /** The release only: publish the draft without stopping for a review. */
  publish?: boolean;
}

interface RunOptions {
  apiUrl?: string;
  json?: boolean;
  yes?: boolean;
  /** Resume only: approve the step a waiting run stopped at. */
  approve?: boolean;
}

/** The choice flags each flow takes. */
type ChoiceFlag = 'sha' | 'version' | 'method' | 'name' | 'from' | 'pick' | 'annotated' | 'notes-file';

const FLOW_COMMANDS: { flow: FlowName; description: string; flags: ChoiceFlag[]; example: string }[] = [
  {
    flow: 'freeze',
    description: 'freeze development into staging: cut release/<version>, PR it into staging, merge, watch the deploy',
    flags: ['sha', 'version', 'method'],
    example: 'release-desk freeze --repo . --dry-run',
  },
  {
    flow: 'hotfix',
    description: 'branch hotfix/<name> from staging or main, cherry-pick fixes, PR, merge, watch the deploy',
    flags: ['name', 'from', 'pick'],
    example: 'release-desk hotfix --repo . --name export-crash --from staging --pick <sha> --yes',
  },
  {
    flow: 'promote',
    description: 'promote staging to main with the notes in the PR, merge, watch the production deploy',
    flags: ['notes-file'],
    example: 'release-desk promote --repo . --yes',
  },
  {
    flow: 'release',
    description: 'bump the version files on main, tag the merged commit, publish the release, open the back-merge PR',
    flags: ['version', 'annotated', 'notes-file'],
    example: 'release-desk release --repo . --version 2026.11.0 --yes',
  },
  {
    flow: 'backmerge',
    description: 'merge staging (or main) back into development so no fix is lost',
    flags: ['from'],
    example: 'release-desk backmerge --repo . --from staging --yes',
  },
];

/** The options of one choice flag. */
function choiceOption(flag: ChoiceFlag, flow: FlowName): Option {
  switch (flag) {
    case 'sha':
      return new Option('--sha <sha>', 'the development commit to freeze (full sha; default: its head)');
    case 'version':
      return new Option('--version <version>', 'the version (default: the suggested next one)');
    case 'method':
      return new Option('--method <method>', 'how to merge the freeze PR (default: config freeze.method)').choices([
        'merge',
        'squash',
        'rebase',
      ]);
    case 'name':
      return new Option('--name <name>', 'the hotfix name: the branch is hotfix/<name>').makeOptionMandatory();
    case 'from':
      return new Option('--from <lane>', flow === 'hotfix' ? 'the lane the hotfix goes into' : 'the lane to merge back')
        .choices(['staging', 'main'])
        .default('staging');
    case 'pick':
      return new Option('--pick <sha>', 'a commit to cherry-pick (full sha; repeat for more, oldest first)').argParser(
        collect,
      );
    case 'annotated':
      return new Option('--annotated', 'make an annotated tag (default: lightweight)');
    case 'notes-file':
      return new Option('--notes-file <file>', 'the release notes to use (Markdown; default: the generated notes)');
  }
}

/** Steps that may wait a long time (checks, reviews, deploys): their start is shown, so a pause has a reason. */
const WAITING_STEPS: readonly FlowStepKind[] = ['wait-pr', 'wait-commits', 'watch-workflow'];

/**
 * Prints each step as it ends: a line a person reads, or with `--json` one JSON line. `seen` holds the
 * steps already shown (a resume's finished steps), so each end is printed once.
 */
function progressPrinter(io: CliIo, json: boolean, done: readonly string[] = []) {
  const shown = new Map<string, StepState>(done.map((id) => [id, 'done']));
  let announced = false;
  return (run: FlowRun): void => {
    if (!announced) {
      announced = true;
      if (!json) io.stdout.write(`Run ${run.id} (${run.plan.flow} of ${run.plan.repository}, by ${run.by})\n`);
    }
    for (const [index, record] of run.steps.entries()) {
      if (shown.get(record.id) === record.state) continue;
      const planned = run.plan.steps[index];
      if (record.state === 'running') {
        if (!json && planned && WAITING_STEPS.includes(planned.step.kind))
          io.stdout.write(`… ${resolvedTitle(run, planned, record.id)}\n`);
        shown.set(record.id, record.state);
      } else if (record.state === 'done' || record.state === 'failed') {
        io.stdout.write(json ? stepJsonLine(run, record) : formatStepLine(run, record, planned));
        shown.set(record.id, record.state);
      }
    }
  };
}

/** Prints how the run ended; anything but a completed run ends the command with exit code 1. */
/** Prints how the run ended; anything but completed ends the command non-zero (3 when it waits for you). */
function finish(io: CliIo, json: boolean, run: FlowRun): void {
  io.stdout.write(json ? runJsonLine(run) : formatRunEnd(run));
  if (run.status === 'waiting') throw new CommandExit(EXIT_CODE.waiting);
  if (run.status !== 'completed') throw new CommandExit(EXIT_CODE.failure);
}

/** The id of the step a waiting run stopped at. */
function waitingStepOf(run: FlowRun): string | undefined {
  return run.status === 'waiting' ? run.steps.find((record) => record.state !== 'done')?.id : undefined;
}

/** Asks before a flow runs; without a terminal, `--yes` must say so up front (exit 2). */
async function confirmStart(io: CliIo, preview: FlowPreview, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  const { flow, repository } = preview.plan;
  if (!io.isTTY.stdin) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `Not starting the ${flow} of ${repository}: it changes the repository on GitHub, and there is no terminal to confirm it on. Pass --yes to run it, or --dry-run to see the plan only.`,
    );
  }
  const destructive = preview.plan.steps.filter((planned) => planned.destructive).map((planned) => planned.title);
  const effects = destructive.length > 0 ? ` It will: ${destructive.join('; ')}.` : '';
  if (!(await askYesNo(io, `Run the ${flow} of ${repository} now?${effects}`))) {
    throw new AppError('CANCELLED', `Cancelled: the ${flow} was not started, and nothing was changed.`);
  }
}

/** Adds the flow commands (freeze, hotfix, promote, release, backmerge) and resume, runs, abandon, unlock. */
export function addFlowsCommands(program: Command, deps: FlowsCommandDeps): void {
  const { io } = deps;

  /** Opens the flows and finds (or adds) the project of `--repo`, showing the clone's progress on stderr. */
  const openTarget = async (options: TargetOptions): Promise<{ services: FlowServices; target: FlowProject }> => {
    const apiUrlOverride = checkedApiUrl(options.apiUrl);
    const services = await deps.openFlows({
      ...(apiUrlOverride ? { apiUrlOverride } : {}),
      ...(options.config ? { configFile: resolve(io.cwd(), options.config) } : {}),
    });
    const progress = createAddProgressDisplay(io.stderr, io.isTTY.stderr);
    let target: FlowProject;
    try {
      target = await projectForRepo({
        repo: options.repo,
        cwd: io.cwd(),
        apiUrl: options.apiUrl,
        registry: services.core.registry,
        git: services.core.git,
        onProgress: progress.onProgress,
      });
    } finally {
      progress.finish();
    }
    if (target.added) {
      io.stderr.write(`Added ${projectLabel(target.project)} — managed clone at ${target.project.clonePath}\n`);
    }
    return { services, target };
  };

  const runFlowCommand = async (flow: FlowName, options: FlowCommandOptions): Promise<void> => {
    const json = options.json === true;
    const choices = await flowChoicesOf(flow, options, io.cwd());
    const { services, target } = await openTarget(options);
    const preview = await services.flows.preview(target.project.id, flow, choices);
    if (options.dryRun) {
      io.stdout.write(json ? formatJson(preview) : `${formatPreview(preview)}\nDry run: nothing was changed.\n`);
      if (preview.canStart) return;
      if (!json) io.stderr.write(`error: The ${flow} cannot start until the failed checks above are fixed.\n`);
      throw new CommandExit(EXIT_CODE.failure);
    }
    if (!json) io.stdout.write(`${formatPreview(preview)}\n`);
    if (!preview.canStart) {
      throw new AppError(
        'CONFLICT',
        `The ${flow} of ${preview.plan.repository} cannot start: a preflight check failed.`,
        blockerDetail(preview.preflight),
      );
    }
    await confirmStart(io, preview, options.yes);
    const run = await services.flows.start(
      target.project.id,
      flow,
      choices,
      progressPrinter(io, json),
      options.publish ? { approveAll: true } : {},
    );
    finish(io, json, run);
  };

  for (const { flow, description, flags, example } of FLOW_COMMANDS) {
    const command = program
      .command(flow)
      .description(description)
      .requiredOption(
        '--repo <dir-or-url>',
        'a clone, a bare repository, or a remote URL (the flow runs in the app’s managed clone)',
      )
      .option('--config <file>', 'a .release-desk.yml to use instead of the repository’s own')
      .option('--api-url <url>', 'the GitHub API (GitHub Enterprise, or the practice server of `sandbox serve`)')
      .option('--dry-run', 'print the preflight and the exact plan; change nothing')
      .option('-y, --yes', 'run without asking (needed when stdin is not a terminal)')
      .option('--json', 'print each step as one JSON line as it ends, then the run');
    for (const flag of flags) command.addOption(choiceOption(flag, flow));
    if (flow === 'release') {
      command.option(
        '--publish',
        'publish the draft release without stopping to review it (otherwise the run waits with exit status 3; go on with `resume RUN_ID --approve`)',
      );
    }
    command
      .addHelpText('after', `\nExample:\n  ${example}`)
      .action((options: FlowCommandOptions) => runFlowCommand(flow, options));
  }

  program
    .command('resume')
    .description('run an interrupted or failed flow again from its first unfinished step')
    .argument('<run-id>', 'the run, as `release-desk runs` lists it')
    .option('--api-url <url>', 'the GitHub API (GitHub Enterprise, or the practice server)')
    .option('--approve', 'approve the step a waiting run stopped at (a release: publish its reviewed draft)')
    .option('--json', 'print each step as one JSON line as it ends, then the run')
    .action(async (runId: string, options: RunOptions) => {
      const json = options.json === true;
      const apiUrlOverride = checkedApiUrl(options.apiUrl);
      const { flows } = await deps.openFlows(apiUrlOverride ? { apiUrlOverride } : {});
      const before = (await flows.runs()).find((run) => run.id === runId);
      if (!before) {
        throw new AppError('NOT_FOUND', `There is no flow run "${runId}". Run "release-desk runs" to see them.`);
      }
      const done = before.steps.filter((record) => record.state === 'done').map((record) => record.id);
      const waitingAt = waitingStepOf(before);
      const run =
        options.approve && waitingAt
          ? await flows.approve(runId, waitingAt, progressPrinter(io, json, done))
          : await flows.resume(runId, progressPrinter(io, json, done), options.approve ? { approveAll: true } : {});
      finish(io, json, run);
    });

  program
    .command('runs')
    .description('list the flow runs, newest first')
    .option('--json', 'print a JSON array of runs')
    .action(async (options: RunOptions) => {
      const runs = await (await deps.openFlows({})).flows.runs();
      io.stdout.write(options.json ? formatJson(runs) : formatRunList(runs));
    });

  program
    .command('abandon')
    .description('give up a run: mark it abandoned and give its lock back (nothing it did is undone)')
    .argument('<run-id>', 'the run, as `release-desk runs` lists it')
    .option('--api-url <url>', 'the GitHub API (GitHub Enterprise, or the practice server)')
    .option('-y, --yes', 'do not ask for confirmation (needed when stdin is not a terminal)')
    .option('--json', 'print the abandoned run as JSON')
    .action(async (runId: string, options: RunOptions) => {
      const apiUrlOverride = checkedApiUrl(options.apiUrl);
      const { flows } = await deps.openFlows(apiUrlOverride ? { apiUrlOverride } : {});
      await confirmOrRefuse(
        io,
        options.yes,
        `Abandon run ${runId}? It cannot be resumed afterwards.`,
        () => `Not abandoning ${runId}: there is no terminal to confirm it on. Pass --yes to abandon it.`,
      );
      const run = await flows.abandon(runId);
      io.stdout.write(
        options.json
          ? formatJson(run)
          : `Abandoned run ${run.id} (${run.plan.flow} of ${run.plan.repository}); its lock is given back.\n`,
      );
    });

  program
    .command('unlock')
    .description('break a stale flow lock of a project (its run’s machine is gone)')
    .requiredOption('--repo <dir-or-url>', 'a clone, a bare repository, or a remote URL')
    .option('--api-url <url>', 'the GitHub API (GitHub Enterprise, or the practice server)')
    .option('-y, --yes', 'do not ask for confirmation (needed when stdin is not a terminal)')
    .option('--json', 'print { "broken": true|false }')
    .action(async (options: TargetOptions) => {
      const { services, target } = await openTarget(options);
      const label = projectLabel(target.project);
      await confirmOrRefuse(
        io,
        options.yes,
        `Break the flow lock of ${label}? A run still going elsewhere would then run unguarded.`,
        () => `Not breaking the lock of ${label}: there is no terminal to confirm it on. Pass --yes to break it.`,
      );
      const result = await services.flows.breakLock(target.project.id);
      io.stdout.write(
        options.json
          ? formatJson(result)
          : result.broken
            ? `Broke the flow lock of ${label}.\n`
            : `${label} was not locked.\n`,
      );
    });
}

/** `--yes`, or a yes on the terminal; without a terminal, INVALID_ARGUMENTS (exit 2) with `refusal`. */
async function confirmOrRefuse(
  io: CliIo,
  yes: boolean | undefined,
  question: string,
  refusal: () => string,
): Promise<void> {
  if (yes) return;
  if (!io.isTTY.stdin) throw new AppError('INVALID_ARGUMENTS', refusal());
  if (!(await askYesNo(io, question))) throw new AppError('CANCELLED', 'Cancelled: nothing was changed.');
}
