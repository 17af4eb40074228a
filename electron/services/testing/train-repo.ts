import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGitSandbox, type GitSandbox } from './git-sandbox';

/** The branch of each lane in a {@link TrainRepo}. */
export interface TrainBranches {
  development: string;
  staging: string;
  main: string;
}

/** Options for {@link createTrainRepo}. */
export interface TrainRepoOptions {
  /** Branch names; each defaults to the lane's own name. */
  branches?: Partial<TrainBranches>;
  /** Build inside this sandbox instead of a new one (it is then not disposed by `dispose()`). */
  sandbox?: GitSandbox;
}

/**
 * A repository with a release train in it, built commit by commit for a test. Every commit adds its own
 * small file, so every commit has its own patch id (empty commits would all share one and look like
 * cherry-picks of each other). Commit dates advance one minute per commit from 2025-01-01, so `git log`
 * order is the order the test made them in.
 */
export interface TrainRepo {
  readonly sandbox: GitSandbox;
  /** The working repository the history is built in. */
  readonly dir: string;
  readonly branches: TrainBranches;
  /** Runs git in `cwd` (default: the working repository) and returns trimmed stdout. */
  git(args: string[], cwd?: string): string;
  /** The full sha `ref` names. */
  sha(ref: string): string;
  /** Checks out `branch` in the working repository. */
  checkout(branch: string): void;
  /** A direct commit on `branch`; returns its sha. */
  commit(branch: string, subject: string): string;
  /** One commit on `branch` that writes `files` (paths from the root); returns its sha. */
  writeFiles(branch: string, files: Record<string, string>, subject: string): string;
  /** A squash-merged PR on `branch`: `feat(tasks): <title> (#N)`. Returns its sha. */
  squash(branch: string, pr: number, title?: string, type?: string): string;
  /**
   * A PR merged with a merge commit, as GitHub does it: a topic branch off `into` with `commits`, merged
   * with `--no-ff` and the subject `Merge pull request #N from org/<head>`. Returns the merge's sha.
   */
  mergePr(into: string, pr: number, options?: { head?: string; commits?: string[] }): string;
  /** Merges `from` into `into` with a merge commit (a promotion or a back-merge). Returns its sha. */
  merge(into: string, from: string, message?: string): string;
  /**
   * Cherry-picks `sha` onto `branch`. With `resolve`, also changes another file before committing with
   * the original message: a cherry-pick whose conflict was resolved, so its patch id differs.
   */
  cherryPick(branch: string, sha: string, options?: { resolve?: boolean }): string;
  /** Points `branch` at `ref` (a reset or a rewrite). */
  resetBranch(branch: string, ref: string): void;
  /** Tags `ref`; lightweight unless `annotated`. */
  tag(name: string, ref: string, options?: { annotated?: boolean }): void;
  /** A bare mirror of the working repository (what `--repo` gets as a bare repository). */
  mirror(name?: string): string;
  /** A clone of {@link mirror} with `origin/*` refs and only the default branch local. */
  clone(name?: string): string;
  dispose(): void;
}

const START = Date.UTC(2025, 0, 1);

/** Builds a {@link TrainRepo}: one initial commit on main, with staging and development branched from it. */
export function createTrainRepo(options: TrainRepoOptions = {}): TrainRepo {
  const ownsSandbox = options.sandbox === undefined;
  const sandbox = options.sandbox ?? createGitSandbox();
  const branches: TrainBranches = {
    development: options.branches?.development ?? 'development',
    staging: options.branches?.staging ?? 'staging',
    main: options.branches?.main ?? 'main',
  };
  const dir = join(sandbox.root, `train-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });

  let clock = 0;
  let fileCounter = 0;
  let current = '';
  const git = (args: string[], cwd = dir): string => {
    const date = new Date(START + clock * 60_000).toISOString();
    return execFileSync('git', args, {
      cwd,
      env: { ...sandbox.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  };
  const tick = (): void => {
    clock += 1;
  };
  const sha = (ref: string): string => git(['rev-parse', '--verify', `${ref}^{commit}`]);
  // The new commit's sha, read from the loose ref git just wrote: one git process fewer per commit.
  const headSha = (): string => {
    const head = readFileSync(join(dir, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const loose = join(dir, '.git', head.slice('ref: '.length));
    return existsSync(loose) ? readFileSync(loose, 'utf8').trim() : sha('HEAD');
  };
  const checkout = (branch: string): void => {
    if (current === branch) return;
    git(['checkout', '-q', branch]);
    current = branch;
  };
  const write = (files: Record<string, string>): void => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(['add', '--', ...Object.keys(files)]);
  };
  const uniqueFile = (subject: string): Record<string, string> => {
    fileCounter += 1;
    return { [`changes/${fileCounter}.txt`]: `${subject}\n` };
  };
  const writeFiles = (branch: string, files: Record<string, string>, subject: string): string => {
    checkout(branch);
    write(files);
    tick();
    git(['commit', '-q', '-m', subject]);
    return headSha();
  };
  const commit = (branch: string, subject: string): string => writeFiles(branch, uniqueFile(subject), subject);

  git(['init', '-q', `--initial-branch=${branches.main}`]);
  current = branches.main;
  writeFiles(branches.main, { 'README.md': '# train\n' }, 'chore: initial commit');
  git(['branch', branches.staging]);
  git(['branch', branches.development]);

  return {
    sandbox,
    dir,
    branches,
    git,
    sha,
    checkout,
    commit,
    writeFiles,
    squash(branch, pr, title = `change ${pr}`, type = 'feat(tasks)') {
      return commit(branch, `${type}: ${title} (#${pr})`);
    },
    mergePr(into, pr, mergeOptions = {}) {
      const head = mergeOptions.head ?? `feature/pr-${pr}`;
      checkout(into);
      git(['checkout', '-q', '-b', head]);
      current = head;
      for (const subject of mergeOptions.commits ?? [`feat: work for #${pr}`]) commit(head, subject);
      checkout(into);
      tick();
      git(['merge', '-q', '--no-ff', '-m', `Merge pull request #${pr} from org/${head}`, head]);
      git(['branch', '-q', '-D', head]);
      return headSha();
    },
    merge(into, from, message = `Merge branch '${from}' into ${into}`) {
      checkout(into);
      tick();
      git(['merge', '-q', '--no-ff', '-m', message, from]);
      return headSha();
    },
    cherryPick(branch, picked, pickOptions = {}) {
      checkout(branch);
      tick();
      if (!pickOptions.resolve) {
        git(['cherry-pick', picked]);
        return headSha();
      }
      git(['cherry-pick', '--no-commit', picked]);
      write(uniqueFile(`resolution of ${picked}`));
      git(['commit', '-q', '-C', picked]);
      return headSha();
    },
    resetBranch(branch, ref) {
      checkout(branch);
      git(['reset', '-q', '--hard', ref]);
    },
    tag(name, ref, tagOptions = {}) {
      tick();
      git(tagOptions.annotated ? ['tag', '-a', '-m', `Release ${name}`, name, ref] : ['tag', name, ref]);
    },
    mirror(name = 'mirror.git') {
      const target = join(sandbox.root, name);
      git(['clone', '-q', '--mirror', '--', dir, target], sandbox.root);
      return target;
    },
    clone(name = 'clone') {
      const bare = join(sandbox.root, `${name}-origin.git`);
      git(['clone', '-q', '--mirror', '--', dir, bare], sandbox.root);
      const target = join(sandbox.root, name);
      git(['clone', '-q', '--', bare, target], sandbox.root);
      return target;
    },
    dispose() {
      if (ownsSandbox) sandbox.dispose();
    },
  };
}
