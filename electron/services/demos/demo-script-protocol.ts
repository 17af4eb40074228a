import { DEMO_NAME_PATTERN } from '../../../shared/domain/demos/demo-name';
import type { DemoState, DemoStatusFile, DemoView } from '../../../shared/domain/demos/demo';
import { AppError } from '../../../shared/ipc/errors';
import type { SshExecResult } from '../ssh/ssh-types';

/**
 * How the service talks to `feature-demo.sh` on a server: the command line (constants and a checked
 * name only), the stdin lines that carry every value, and what its exit codes and output mean.
 */

/** An action of the demo script. */
export type DemoScriptAction = 'up' | 'down' | 'status' | 'logs' | 'list';

/** The script's exit codes (documented at the top of `resources/feature-demo.sh`). */
export const DEMO_SCRIPT_EXIT = { ok: 0, failure: 1, usage: 64, noDemo: 66, unavailable: 69, running: 75 } as const;

/** What the script reads on stdin; ENV_ keys carry the demo's environment. */
export type DemoScriptInput = Partial<
  Record<'BASE' | 'REPO' | 'BRANCH' | 'DEPLOY' | 'STOP' | 'URL' | 'OWNER' | 'EXPIRES' | 'FROM' | 'FOLLOW', string>
> & { [envKey: `ENV_${string}`]: string };

/** Where the script goes on the server by default: relative to the SSH user's home directory. */
export const DEFAULT_REMOTE_SCRIPT_PATH = '.release-desk/feature-demo.sh';

// A remote path the service itself chose (a constant, or a test's temp directory): plain characters only,
// so single quotes make it one word without any escaping.
const REMOTE_PATH_PATTERN = /^[A-Za-z0-9._/-]{1,300}$/;

/** The remote script path, checked; throws `INVALID_ARGUMENTS` for anything a shell could misread. */
export function checkedRemotePath(path: string): string {
  if (!REMOTE_PATH_PATTERN.test(path) || path.split('/').includes('..') || path.startsWith('-')) {
    throw new AppError('INVALID_ARGUMENTS', `“${path.slice(0, 100)}” is not a usable path for the demo script.`);
  }
  return path;
}

/**
 * The command line of one script action: `bash '<script>' <action> -- '<name>'`. The name must already
 * match {@link DEMO_NAME_PATTERN}; it is checked again here because this is where it meets a shell.
 */
export function demoScriptCommand(scriptPath: string, action: DemoScriptAction, name: string | null): string {
  const script = `'${checkedRemotePath(scriptPath)}'`;
  if (action === 'list') return `bash ${script} list --`;
  if (name === null || !DEMO_NAME_PATTERN.test(name)) {
    throw new AppError('INVALID_ARGUMENTS', 'A demo name is 1–40 lower-case letters, digits and dashes.');
  }
  return `bash ${script} ${action} -- '${name}'`;
}

/** `KEY=base64(value)` lines, as the script parses them (absent values are left out). */
export function encodeDemoInput(input: DemoScriptInput): string {
  return Object.entries(input)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => `${key}=${Buffer.from(value, 'utf8').toString('base64')}\n`)
    .join('');
}

/** The last non-empty line the script wrote to stderr (its `feature-demo: …` message), without the prefix. */
function scriptMessage(result: SshExecResult): string {
  const lines = result.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? '').replace(/^feature-demo:\s*/, '').slice(0, 500);
}

/** The error for a script run that did not exit 0, by exit code, naming the demo and the server. */
export function demoScriptError(result: SshExecResult, where: { server: string; name: string | null }): AppError {
  const said = scriptMessage(result);
  const demo = where.name === null ? `the demos on ${where.server}` : `the demo ${where.name} on ${where.server}`;
  switch (result.code) {
    case DEMO_SCRIPT_EXIT.usage:
      return new AppError('INVALID_ARGUMENTS', `The demo script refused the request for ${demo}: ${said}.`);
    case DEMO_SCRIPT_EXIT.noDemo:
      return new AppError('NOT_FOUND', `There is no demo ${where.name ?? ''} on ${where.server}.`);
    case DEMO_SCRIPT_EXIT.unavailable:
      return new AppError(
        'REQUIREMENTS_MISSING',
        `${where.server} cannot run demos: ${said}. Install what is missing.`,
      );
    case DEMO_SCRIPT_EXIT.running:
      return new AppError(
        'CONFLICT',
        `The demo ${where.name ?? ''} is already running on ${where.server}. Tear it down first, or choose another name.`,
      );
    default: {
      const how = result.code === null ? `was ended by ${result.signal ?? 'a signal'}` : `exited with ${result.code}`;
      return new AppError(
        'INTERNAL',
        `The demo script ${how} on ${where.server} while working on ${demo}${said ? `: ${said}` : ''}.`,
        result.stderr.trim().slice(-2000) || undefined,
      );
    }
  }
}

const STATES: readonly DemoStatusFile['state'][] = ['starting', 'running', 'failed', 'stopping', 'stopped'];

/** One status line the script printed, or null when it is not a status file the app understands. */
export function parseStatusLine(line: string): DemoStatusFile | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const text = (key: string): string | null => (typeof record[key] === 'string' ? (record[key] as string) : null);
  const name = text('name');
  const state = text('state');
  if (name === null || !DEMO_NAME_PATTERN.test(name)) return null;
  if (!STATES.includes(state as DemoStatusFile['state'])) return null;
  const exitCode = record.exitCode;
  return {
    name,
    branch: text('branch') ?? '',
    sha: text('sha') ?? '',
    url: text('url') ?? '',
    owner: text('owner') ?? '',
    startedAt: text('startedAt') ?? '',
    expiresAt: text('expiresAt') ?? '',
    state: state as DemoStatusFile['state'],
    exitCode: typeof exitCode === 'number' && Number.isInteger(exitCode) ? exitCode : null,
  };
}

/** Whether `expiresAt` (ISO) is in the past at `now`; an unreadable time never counts as expired. */
export function isExpired(expiresAt: string, now: Date): boolean {
  const time = Date.parse(expiresAt);
  return Number.isFinite(time) && time <= now.getTime();
}

/** An inventory row from what the server said. */
export function demoViewOf(status: DemoStatusFile, server: string, now: Date): DemoView {
  return { ...status, server, expired: isExpired(status.expiresAt, now), problem: null };
}

/** Whether a demo has left `starting`: `up` stops following there. */
export function hasSettled(state: DemoState): boolean {
  return state !== 'starting';
}

/**
 * Whether a demo's log can grow no more, so `follow` stops tailing it: it failed, stopped or is being
 * torn down, or it runs without the script's detached part (a deploy such as `docker compose up -d`
 * exits 0 and the script records running with exit code 0).
 */
export function hasEnded(demo: Pick<DemoView, 'state' | 'exitCode'>): boolean {
  if (demo.state === 'starting') return false;
  if (demo.state === 'running') return demo.exitCode !== null;
  return true;
}
