import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readPracticeSandbox } from '../../electron/sandbox/practice/practice-sandbox';
import type { ServerState, StoredRelease, StoredRepository } from '../../electron/sandbox/github-server/server-state';

/** The identity of commits a test makes straight in the bare repository. */
const TEST_AUTHOR = {
  GIT_AUTHOR_NAME: 'Practice Tester',
  GIT_AUTHOR_EMAIL: 'tester@practice.test',
  GIT_COMMITTER_NAME: 'Practice Tester',
  GIT_COMMITTER_EMAIL: 'tester@practice.test',
};

/**
 * What the practice GitHub holds, read behind the app's back: the served bare repository with git,
 * and the server's `state.json` (releases, PRs). The server writes that file atomically after every
 * change, so reading it while the server runs sees a whole state.
 */
export class PracticeRemote {
  readonly bare: string;
  private readonly stateFile: string;

  /** The practice project the app built in `<dataDir>/practice` (the app's "Try the practice project"). */
  constructor(dataDir: string) {
    const info = readPracticeSandbox(join(dataDir, 'practice'));
    if (!info) throw new Error(`No practice project in ${join(dataDir, 'practice')}`);
    this.bare = info.bareRepositoryPath;
    this.stateFile = join(info.stateDir, 'state.json');
  }

  /** Runs git in the bare repository and returns its trimmed output. */
  git(args: string[], env: NodeJS.ProcessEnv = {}): string {
    return execFileSync('git', ['--git-dir', this.bare, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    }).trim();
  }

  /** The commit a branch or tag points at (a tag object is peeled). */
  sha(ref: string): string {
    return this.git(['rev-parse', `${ref}^{commit}`]);
  }

  /** True when `ancestor` is reachable from `descendant` (`git merge-base --is-ancestor`). */
  isAncestor(ancestor: string, descendant: string): boolean {
    try {
      this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }

  /** A file's text at `ref`. */
  show(ref: string, path: string): string {
    return this.git(['show', `${ref}:${path}`]);
  }

  /**
   * Commits `files` on top of `branch` straight in the bare repository, as a push from someone else
   * would (the server notices the moved tip). Plumbing with a throw-away index: no clone needed.
   * Returns the new commit's sha.
   */
  commitOnBranch(branch: string, files: Record<string, string>, message: string): string {
    const scratch = mkdtempSync(join(tmpdir(), 'practice-index-'));
    try {
      const env = { ...TEST_AUTHOR, GIT_INDEX_FILE: join(scratch, 'index') };
      const parent = this.sha(branch);
      this.git(['read-tree', parent], env);
      for (const [path, text] of Object.entries(files)) {
        const blob = execFileSync('git', ['--git-dir', this.bare, 'hash-object', '-w', '--stdin'], {
          input: text,
          encoding: 'utf8',
        }).trim();
        this.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], env);
      }
      const tree = this.git(['write-tree'], env);
      const commit = this.git(['commit-tree', tree, '-p', parent, '-m', message], env);
      // Compare-and-swap on the old tip: a flow moving the branch meanwhile fails this loudly.
      this.git(['update-ref', `refs/heads/${branch}`, commit, parent]);
      return commit;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  /**
   * The version files the project configures in `.release-desk.yml` at `ref`, as `path:pattern`
   * entries split into path and pattern.
   */
  versionFiles(ref: string): { path: string; pattern: RegExp }[] {
    const config = parse(this.show(ref, '.release-desk.yml')) as { versionFiles?: string[] };
    return (config.versionFiles ?? []).map((entry) => {
      const colon = entry.indexOf(':');
      return { path: entry.slice(0, colon), pattern: new RegExp(entry.slice(colon + 1)) };
    });
  }

  /** Each configured version file at `ref` with the line that holds its version. */
  versionLines(ref: string): Record<string, string> {
    const lines: Record<string, string> = {};
    for (const { path, pattern } of this.versionFiles(ref)) {
      lines[path] =
        this.show(ref, path)
          .split('\n')
          .find((line) => pattern.test(line))
          ?.trim() ?? '';
    }
    return lines;
  }

  /** The practice repository as the server stored it, read now. */
  private repository(): StoredRepository {
    const state = JSON.parse(readFileSync(this.stateFile, 'utf8')) as ServerState;
    const [repo, ...others] = Object.values(state.repos);
    if (!repo || others.length > 0) throw new Error('Expected exactly one repository on the practice server');
    return repo;
  }

  /** The practice repository's release for `tag` (drafts included), or null. */
  release(tag: string): StoredRelease | null {
    return this.repository().releases.find((release) => release.tagName === tag) ?? null;
  }

  /** The practice repository's open pull requests as number, head and base. */
  openPulls(): { number: number; head: string; base: string }[] {
    return this.repository()
      .pulls.filter((pull) => pull.state === 'open')
      .map(({ number, head, base }) => ({ number, head, base }));
  }
}
