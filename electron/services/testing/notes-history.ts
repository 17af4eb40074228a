import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TrainRepo } from './train-repo';

/**
 * Release-notes shapes on top of a {@link TrainRepo}: GitHub's merge commits with the PR title in the
 * body, commits with a body (a `BREAKING CHANGE:` footer), and a history reset onto a new root that
 * re-applies earlier commits under new shas. Every branch switch goes through `train.checkout`, or ends
 * on the branch the train last checked out, so the train's own helpers keep working afterwards.
 */

let extraFiles = 0;

/** One second after the newest commit anywhere: after what the train made, before its next minute. */
function nextDate(train: TrainRepo): string {
  const newest = train.git(['log', '-1', '--all', '--format=%ct']);
  return new Date((Number(newest) + 1) * 1000).toISOString();
}

/** Runs git in the train's working repository with both dates pinned to {@link nextDate}. */
function gitAtNextDate(train: TrainRepo, args: string[]): string {
  const date = nextDate(train);
  return execFileSync('git', args, {
    cwd: train.dir,
    env: { ...train.sandbox.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function writeUniqueFile(train: TrainRepo, text: string): void {
  extraFiles += 1;
  const path = `notes-history/${process.pid}-${extraFiles}.txt`;
  mkdirSync(dirname(join(train.dir, path)), { recursive: true });
  writeFileSync(join(train.dir, path), `${text}\n`);
  train.git(['add', '--', path]);
}

/** What {@link mergePullRequest} made. */
export interface MergedPullRequest {
  /** The merge commit. */
  merge: string;
  /** The branch's own commits, oldest first. */
  commits: string[];
}

/**
 * A PR merged as GitHub's "Create a merge commit" does: a topic branch off `into` with `commits`, then a
 * `--no-ff` merge whose subject is `Merge pull request #N from org/<head>` and whose body is the PR title.
 */
export function mergePullRequest(
  train: TrainRepo,
  into: string,
  pr: number,
  title: string,
  options: { head?: string; commits?: string[] } = {},
): MergedPullRequest {
  const head = options.head ?? `feature/pr-${pr}`;
  train.checkout(into);
  train.git(['branch', head]);
  train.checkout(head);
  const commits = (options.commits ?? [`${title} (work)`]).map((subject) => train.commit(head, subject));
  train.checkout(into);
  gitAtNextDate(train, [
    'merge',
    '-q',
    '--no-ff',
    '-m',
    `Merge pull request #${pr} from org/${head}`,
    '-m',
    title,
    head,
  ]);
  train.git(['branch', '-q', '-D', head]);
  return { merge: train.sha('HEAD'), commits };
}

/**
 * A whole branch merged through a PR, as a promotion is (`Merge pull request #N from org/development`,
 * the PR title as body): `from` is merged into `into` with a merge commit. Returns the merge's sha.
 */
export function mergeBranchAsPullRequest(
  train: TrainRepo,
  into: string,
  from: string,
  pr: number,
  title: string,
): string {
  train.checkout(into);
  gitAtNextDate(train, [
    'merge',
    '-q',
    '--no-ff',
    '-m',
    `Merge pull request #${pr} from org/${from}`,
    '-m',
    title,
    from,
  ]);
  return train.sha('HEAD');
}

/** A direct commit on `branch` by someone else (`Name <email>`), e.g. a bot. Returns its sha. */
export function commitAs(train: TrainRepo, branch: string, subject: string, author: string): string {
  train.checkout(branch);
  writeUniqueFile(train, subject);
  gitAtNextDate(train, ['commit', '-q', `--author=${author}`, '-m', subject]);
  return train.sha('HEAD');
}

/** A direct commit on `branch` with a subject and a body (a `BREAKING CHANGE:` footer, say). Returns its sha. */
export function commitWithBody(train: TrainRepo, branch: string, subject: string, body: string): string {
  train.checkout(branch);
  writeUniqueFile(train, subject);
  gitAtNextDate(train, ['commit', '-q', '-m', subject, '-m', body]);
  return train.sha('HEAD');
}

/**
 * Starts `branch` afresh on a new root: a copy of `root` (same tree, author, author date and message, new
 * sha), as a history that was reset and rebuilt would. `branch` must not exist yet. Returns the new root.
 */
export function newRootBranch(train: TrainRepo, branch: string, root: string): string {
  train.checkout(train.branches.main);
  train.git(['checkout', '-q', '--orphan', branch, root]);
  gitAtNextDate(train, ['commit', '-q', '-C', root]);
  const sha = train.sha('HEAD');
  // Back on the branch the train last checked out, so its own checkout cache stays true.
  train.git(['checkout', '-q', train.branches.main]);
  return sha;
}

/** The rewrite-proof identity of a commit as git prints it: author, author date, subject. */
export function identityOf(train: TrainRepo, sha: string): string {
  return train.git(['show', '-s', '--format=%an|%aI|%s', sha]);
}
