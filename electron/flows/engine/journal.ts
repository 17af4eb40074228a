import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FlowPlan, FlowRun, RunStatus, StepState } from '../../../shared/domain/flows/flow-plan';
import { FLOW_NAMES } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from './atomic-file';

/** A journal file that could not be read back, and why; listed rather than thrown so one bad file hides nothing else. */
export interface UnreadableRun {
  file: string;
  problem: string;
}

/** The runs in a journal folder, newest first, and the files that are not readable runs. */
export interface JournalListing {
  runs: FlowRun[];
  unreadable: UnreadableRun[];
}

/**
 * The flow journal: one JSON file per run, each write atomic, so a crash at any moment leaves every
 * run as it was before or after its last write, never half of one.
 */
export interface FlowJournal {
  readonly dir: string;
  /** Starts a run of `plan` by `by` (every step pending) and writes it. */
  create(plan: FlowPlan, by: string): Promise<FlowRun>;
  /** Reads one run; NOT_FOUND when there is none with that id. */
  read(id: string): Promise<FlowRun>;
  /** Every run, newest first. */
  list(): Promise<JournalListing>;
  /** Writes `run` as it is now (with `updatedAt` set to now) and returns what was written. */
  update(run: FlowRun): Promise<FlowRun>;
}

/** Options of {@link createJournal}; tests pass a clock. */
export interface JournalOptions {
  now?: () => Date;
}

const RUN_ID = /^\d{8}-\d{6}-[a-z]+-[0-9a-f]{4}$/;
const RUN_STATUSES: readonly RunStatus[] = ['running', 'waiting', 'completed', 'failed', 'abandoned'];
const STEP_STATES: readonly StepState[] = ['pending', 'running', 'done', 'failed'];

/** `20261126-101500` in UTC, so ids sort by time whatever the machine's zone. */
function stamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Why `value` is not a run this version can resume, or null when it is one. */
function runProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'it is not a JSON object';
  const run = value as Partial<FlowRun>;
  if (typeof run.id !== 'string' || !RUN_ID.test(run.id)) return 'its id is missing or malformed';
  if (!RUN_STATUSES.includes(run.status as RunStatus)) return `its status "${String(run.status)}" is unknown`;
  if (typeof run.plan !== 'object' || run.plan === null || !Array.isArray(run.plan.steps)) return 'it has no plan';
  if (!Array.isArray(run.steps) || run.steps.length !== run.plan.steps.length) {
    return 'its step records do not match its plan';
  }
  for (const [index, record] of run.steps.entries()) {
    if (record.id !== run.plan.steps[index]?.id || !STEP_STATES.includes(record.state)) {
      return `its step record ${index + 1} is malformed`;
    }
  }
  return null;
}

/** Refuses an id that is not one the journal made, before it becomes part of a path. */
function checkedId(id: string): string {
  if (!RUN_ID.test(id)) throw new AppError('INVALID_ARGUMENTS', `"${id}" is not a flow run id.`);
  return id;
}

/** Opens (creating when missing) the journal in `runsDir`. */
export function createJournal(runsDir: string, options: JournalOptions = {}): FlowJournal {
  const now = options.now ?? (() => new Date());
  const fileOf = (id: string) => join(runsDir, `${checkedId(id)}.json`);
  const write = async (run: FlowRun) => {
    await mkdir(runsDir, { recursive: true });
    await writeFileAtomic(fileOf(run.id), `${JSON.stringify(run, null, 2)}\n`);
  };
  const parse = (text: string, file: string): FlowRun => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError('CONFIG_INVALID', `The flow journal ${file} is not valid JSON.`);
    }
    const problem = runProblem(value);
    if (problem) throw new AppError('CONFIG_INVALID', `The flow journal ${file} is not a readable run: ${problem}.`);
    return value as FlowRun;
  };

  return {
    dir: runsDir,
    async create(plan, by) {
      if (!(FLOW_NAMES as readonly string[]).includes(plan.flow)) {
        throw new AppError('INVALID_ARGUMENTS', `"${plan.flow}" is not a flow.`);
      }
      const started = now();
      const at = started.toISOString();
      const run: FlowRun = {
        id: `${stamp(started)}-${plan.flow}-${randomBytes(2).toString('hex')}`,
        plan,
        status: 'running',
        by,
        startedAt: at,
        updatedAt: at,
        steps: plan.steps.map((planned) => ({
          id: planned.id,
          state: 'pending',
          startedAt: null,
          endedAt: null,
          outputs: {},
          error: null,
        })),
      };
      await write(run);
      return run;
    },
    async read(id) {
      const file = fileOf(id);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new AppError('NOT_FOUND', `There is no flow run ${id} in the journal.`);
        }
        throw error;
      }
      return parse(text, file);
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(runsDir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], unreadable: [] };
        throw error;
      }
      const runs: FlowRun[] = [];
      const unreadable: UnreadableRun[] = [];
      // Temp files of a write in progress (or of a crash during one) start with "." and are not runs.
      for (const name of names.filter((entry) => entry.endsWith('.json') && !entry.startsWith('.'))) {
        const file = join(runsDir, name);
        try {
          runs.push(parse(await readFile(file, 'utf8'), file));
        } catch (error) {
          unreadable.push({ file, problem: error instanceof Error ? error.message : String(error) });
        }
      }
      runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
      return { runs, unreadable };
    },
    async update(run) {
      const written: FlowRun = { ...run, updatedAt: now().toISOString() };
      await write(written);
      return written;
    },
  };
}
