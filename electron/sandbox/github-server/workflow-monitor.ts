import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RepositoryStore } from './repository-store';
import { isoSeconds } from './route-context';
import { repoKey, takeId, type StoredRepository } from './server-state';
import type { WorkflowConfig } from './workflow-config';
import { startWorkflowRuns, type StoredWorkflow } from './workflow-runs';

const TIPS_FORMAT = '--format=%(refname:lstrip=2) %(objectname)';

function parseTips(listed: string): Record<string, string> {
  const tips: Record<string, string> = {};
  for (const line of listed.split('\n')) {
    const [branch, sha] = line.trim().split(' ');
    if (branch && sha) tips[branch] = sha;
  }
  return tips;
}

/**
 * A fingerprint of every branch ref file and `packed-refs` of a bare repository: inode, size and
 * nanosecond mtime. git writes a ref by renaming a new file into place, so any write changes it. Null
 * when it cannot be read (then the caller asks git).
 */
export function refsFingerprint(gitDir: string): string | null {
  try {
    const parts: string[] = [];
    const add = (path: string) => {
      const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
      if (!stat) return;
      if (stat.isDirectory()) {
        for (const name of readdirSync(path).sort()) add(join(path, name));
        return;
      }
      parts.push(`${path}:${stat.ino}:${stat.size}:${stat.mtimeNs}`);
    };
    add(join(gitDir, 'packed-refs'));
    add(join(gitDir, 'refs', 'heads'));
    return parts.join('|');
  } catch {
    return null;
  }
}

/** A path segment percent-decoded; a malformed one is left as it is (the router answers 404 for it). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Starts `push` runs when a branch tip moves, however it moved. Users push straight into the bare
 * repository with hooks off, so there is no event to listen to: the monitor compares every branch tip
 * with the tips it saw last (kept in the state file, so a push made while the server was stopped
 * still starts its run), on every request to the repository and on a short timer.
 */
export class WorkflowMonitor {
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** Per repository, the refs fingerprint of the last scan that asked git. */
  private readonly fingerprints = new Map<string, string>();

  constructor(
    private readonly store: RepositoryStore,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Sets the workflows of a repository and takes the branch tips as they are now, so only later moves
   * start runs. Synchronous, so a push right after this call is never mistaken for the starting point.
   * Workflows keep their id when reconfigured with the same path; earlier runs are kept.
   */
  configure(owner: string, name: string, workflows: readonly WorkflowConfig[]): void {
    const repo = this.store.state.repos[repoKey(owner, name)];
    if (!repo) throw new Error(`No repository ${owner}/${name} on this server to configure workflows for`);
    const state = this.store.state;
    const now = isoSeconds();
    repo.workflows = workflows.map((workflow): StoredWorkflow => {
      const known = repo.workflows?.find((existing) => existing.path === workflow.path);
      return { ...workflow, id: known?.id ?? takeId(state), createdAt: known?.createdAt ?? now };
    });
    repo.seenBranchTips = parseTips(this.branchTipsSync(repo));
    this.store.save();
  }

  /** Looks for moved branches in the repository a request path names (`/repos/{owner}/{repo}/…`). */
  scanForPath(path: string): Promise<void> {
    const match = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
    if (!match?.[1] || !match[2]) return Promise.resolve();
    const repo = this.store.state.repos[repoKey(safeDecode(match[1]), safeDecode(match[2]))];
    // Requests to repositories without workflows never wait for a scan.
    return repo?.workflows?.length ? this.enqueue([repo]) : Promise.resolve();
  }

  /** Looks for moved branches in every repository with workflows. */
  scanAll(): Promise<void> {
    return this.enqueue(Object.values(this.store.state.repos));
  }

  /** Scans every `intervalMs` until {@link stop}; the timer never keeps the process alive. */
  start(intervalMs: number): void {
    this.timer ??= setInterval(() => void this.scanAll(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a scan under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  /** Scans one at a time, so two scans never both start runs for the same move. */
  private enqueue(repos: StoredRepository[]): Promise<void> {
    const next = this.chain.then(async () => {
      for (const repo of repos) {
        try {
          await this.scan(repo);
        } catch (error) {
          this.onError(error);
        }
      }
    });
    this.chain = next;
    return next;
  }

  private async scan(repo: StoredRepository): Promise<void> {
    if (!repo.workflows?.length) return;
    // Asking git for the tips costs a process; the files under refs/ say for free whether any ref was
    // written since the last look. Only a change there needs git.
    const key = repoKey(repo.owner, repo.name);
    const fingerprint = refsFingerprint(this.store.bareRepositoryPath(repo.owner, repo.name));
    if (fingerprint !== null && this.fingerprints.get(key) === fingerprint) return;
    const git = this.store.git(repo);
    const tips = parseTips(await git.text(['for-each-ref', TIPS_FORMAT, 'refs/heads']));
    const seen = repo.seenBranchTips ?? {};
    const moved = Object.entries(tips).filter(([branch, sha]) => seen[branch] !== sha);
    const deleted = Object.keys(seen).some((branch) => tips[branch] === undefined);
    if (fingerprint !== null) this.fingerprints.set(key, fingerprint);
    if (moved.length === 0 && !deleted) return;
    for (const [branch, sha] of moved) {
      await startWorkflowRuns(git, this.store.state, repo, { event: 'push', headBranch: branch, headSha: sha });
    }
    repo.seenBranchTips = tips;
    this.store.save();
  }

  /** `for-each-ref` run synchronously, with the same environment rules as the server's async git runner. */
  private branchTipsSync(repo: StoredRepository): string {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !key.startsWith('GIT_')) env[key] = value;
    }
    if (process.env.GIT_CONFIG_NOSYSTEM !== undefined) env.GIT_CONFIG_NOSYSTEM = process.env.GIT_CONFIG_NOSYSTEM;
    env.GIT_TERMINAL_PROMPT = '0';
    const gitDir = this.store.bareRepositoryPath(repo.owner, repo.name);
    return execFileSync(
      'git',
      ['-c', `core.hooksPath=${this.store.hooksDir}`, `--git-dir=${gitDir}`, 'for-each-ref', TIPS_FORMAT, 'refs/heads'],
      { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  }
}
