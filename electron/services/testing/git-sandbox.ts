import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway git world for tests: a temp HOME with its own `.gitconfig`, no system config, and
 * bare repositories that stand in for GitHub. `url.<bare>.insteadOf` makes git fetch
 * `https://github.com/OWNER/REPO.git` from the local bare repository, so the code under test sees
 * real GitHub URLs while git never touches the network.
 */
export interface GitSandbox {
  root: string;
  home: string;
  /** Environment for child processes (the CLI) and for git commands run by the test itself. */
  env: NodeJS.ProcessEnv;
  /** Runs git with the sandbox environment and returns trimmed stdout. */
  git(args: string[], cwd?: string): string;
  /**
   * Creates a bare repository served as `https://github.com/OWNER/REPO.git` with one commit on
   * `main` (or the history of `bundle` when given), and returns its path.
   */
  createRemote(owner: string, repo: string, options?: { bundle?: string }): string;
  /** Clones a remote into a working copy the "user" owns and returns its path. */
  cloneWorkingCopy(owner: string, repo: string): string;
  /** Applies the sandbox environment to `process.env` (for in-process services); returns a restore function. */
  activate(): () => void;
  dispose(): void;
}

/** Creates a {@link GitSandbox}. Call `dispose()` in `afterEach`/`afterAll`. */
export function createGitSandbox(): GitSandbox {
  const root = mkdtempSync(join(tmpdir(), 'release-desk-git-'));
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.test',
  };
  delete env.GIT_CONFIG_GLOBAL;
  writeFileSync(join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n[protocol "file"]\n\tallow = always\n');

  const git = (args: string[], cwd = root): string =>
    execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  const remotesDir = join(root, 'remotes');
  return {
    root,
    home,
    env,
    git,
    createRemote(owner, repo, options = {}) {
      const bare = join(remotesDir, owner, `${repo}.git`);
      mkdirSync(join(remotesDir, owner), { recursive: true });
      if (options.bundle) {
        git(['clone', '--mirror', '--', options.bundle, bare]);
      } else {
        git(['init', '--bare', '--initial-branch=main', '--', bare]);
        const seed = join(root, 'seed', owner, repo);
        mkdirSync(seed, { recursive: true });
        git(['init', '--initial-branch=main'], seed);
        writeFileSync(join(seed, 'README.md'), `# ${repo}\n`);
        git(['add', 'README.md'], seed);
        git(['commit', '-m', 'chore: initial commit'], seed);
        git(['push', '--', bare, 'main'], seed);
      }
      git(['config', '--global', `url.${bare}.insteadOf`, `https://github.com/${owner}/${repo}.git`]);
      return bare;
    },
    cloneWorkingCopy(owner, repo) {
      const dir = join(root, 'work', owner, repo);
      mkdirSync(join(root, 'work', owner), { recursive: true });
      git(['clone', '--', `https://github.com/${owner}/${repo}.git`, dir]);
      // The clone's config must keep the GitHub URL, as a real user's clone would.
      git(['remote', 'set-url', 'origin', `https://github.com/${owner}/${repo}.git`], dir);
      return dir;
    },
    activate() {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      delete process.env.GIT_CONFIG_GLOBAL;
      return () => {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      };
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
