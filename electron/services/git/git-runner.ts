import { mkdirSync } from 'node:fs';
import { simpleGit, type SimpleGit, type SimpleGitProgressEvent } from 'simple-git';

/**
 * `GIT_*` variables from the parent that git may still see: this one is how tests (and careful users)
 * keep the machine's system config out. Every other `GIT_*` variable is dropped.
 */
const INHERITED_GIT_VARIABLES = ['GIT_CONFIG_NOSYSTEM'] as const;

/**
 * Non-`GIT_` variables that make git run a program (editor, pager, askpass) or move its config. They
 * are dropped too; simple-git would otherwise refuse every command while one is set.
 */
const PROGRAM_VARIABLES = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);

/** Options for one git invocation context. */
export interface GitRunnerOptions {
  /** Working directory; must already exist. */
  baseDir: string;
  /** An empty directory that `core.hooksPath` points at, so no repository hook ever runs. */
  hooksDir: string;
  /** Kill git when it has been silent this long (ms). */
  timeoutMs?: number;
  /** Receives git's own progress lines for clone and fetch. */
  onProgress?: (event: SimpleGitProgressEvent) => void;
}

/**
 * Creates a simple-git instance with Release Desk's safety rules applied to every command:
 * hooks off, no terminal prompts, ssh in batch mode, and only an allow-listed environment.
 */
export function createGitRunner(options: GitRunnerOptions): SimpleGit {
  mkdirSync(options.hooksDir, { recursive: true });
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GIT_') && !PROGRAM_VARIABLES.has(key.toUpperCase())) env[key] = value;
  }
  for (const key of INHERITED_GIT_VARIABLES) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  // Never wait on a prompt nobody can see: git, credential helpers and ssh all fail fast instead.
  env.GIT_TERMINAL_PROMPT = '0';
  env.GCM_INTERACTIVE = 'never';
  env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';

  return simpleGit({
    baseDir: options.baseDir,
    config: [`core.hooksPath=${options.hooksDir}`],
    allowEnvironment: [...INHERITED_GIT_VARIABLES, 'GIT_TERMINAL_PROMPT', 'GIT_SSH_COMMAND'],
    // Both "unsafe" flags let us set *our own constant* values: hooks pointed at an empty folder, ssh in batch mode.
    unsafe: { allowUnsafeSshCommand: true, allowUnsafeHooksPath: true },
    ...(options.timeoutMs ? { timeout: { block: options.timeoutMs } } : {}),
    ...(options.onProgress ? { progress: options.onProgress } : {}),
  }).env(env);
}
