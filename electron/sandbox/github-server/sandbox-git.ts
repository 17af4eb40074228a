import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** Who git records as author or committer of a commit the server writes. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** Options for one git command run by the server. */
export interface SandboxGitOptions {
  /** Working directory (a worktree); defaults to the bare repository itself. */
  cwd?: string;
  /** Text written to git's stdin. */
  input?: string;
  /** Exit codes that are answers rather than failures (e.g. 1 from `merge-tree` on a conflict). */
  okExitCodes?: number[];
  author?: GitIdentity;
  committer?: GitIdentity;
}

/** The outcome of a git command whose exit code was allowed. */
export interface SandboxGitResult {
  stdout: string;
  exitCode: number;
}

/** A git command failed; carries git's stderr for the server's log, never for the HTTP client. */
export class SandboxGitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args[0] ?? ''} failed (${exitCode ?? 'signal'}): ${stderr.trim()}`);
    this.name = 'SandboxGitError';
  }
}

/**
 * Runs git against the server's bare repositories with the same safety rules as the app's own git
 * runner (`electron/services/git/git-runner.ts`): hooks pointed at an empty directory, no prompts, and
 * only `GIT_CONFIG_NOSYSTEM` inherited from the parent's `GIT_*` variables.
 */
export function createSandboxGit(gitDir: string, hooksDir: string) {
  mkdirSync(hooksDir, { recursive: true });
  const baseEnv: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GIT_')) baseEnv[key] = value;
  }
  if (process.env.GIT_CONFIG_NOSYSTEM !== undefined) baseEnv.GIT_CONFIG_NOSYSTEM = process.env.GIT_CONFIG_NOSYSTEM;
  baseEnv.GIT_TERMINAL_PROMPT = '0';

  /** Runs `git <args>` and resolves with stdout and the (allowed) exit code. */
  function run(args: string[], options: SandboxGitOptions = {}): Promise<SandboxGitResult> {
    const env: NodeJS.ProcessEnv = { ...baseEnv };
    if (options.author) {
      env.GIT_AUTHOR_NAME = options.author.name;
      env.GIT_AUTHOR_EMAIL = options.author.email;
    }
    if (options.committer) {
      env.GIT_COMMITTER_NAME = options.committer.name;
      env.GIT_COMMITTER_EMAIL = options.committer.email;
    }
    // Worktree commands find the repository from their cwd; the rest name the bare repository.
    const prefix = options.cwd ? [] : [`--git-dir=${gitDir}`];
    const fullArgs = ['-c', `core.hooksPath=${hooksDir}`, ...prefix, ...args];
    return new Promise((resolvePromise, reject) => {
      const stdin = options.input === undefined ? 'ignore' : 'pipe';
      const child = spawn('git', fullArgs, { cwd: options.cwd ?? gitDir, env, stdio: [stdin, 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        const stdout = Buffer.concat(out).toString('utf8');
        const allowed = [0, ...(options.okExitCodes ?? [])];
        if (code !== null && allowed.includes(code)) resolvePromise({ stdout, exitCode: code });
        else reject(new SandboxGitError(args, code, Buffer.concat(err).toString('utf8')));
      });
      if (child.stdin) {
        // git may exit before reading all of stdin; its exit code tells what happened, not EPIPE.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
      }
    });
  }

  /** Runs `git <args>` and resolves with trimmed stdout. */
  async function text(args: string[], options: SandboxGitOptions = {}): Promise<string> {
    return (await run(args, options)).stdout.trim();
  }

  return { gitDir, run, text };
}

/** A git runner bound to one bare repository. */
export type SandboxGit = ReturnType<typeof createSandboxGit>;
