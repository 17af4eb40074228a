import { AppError } from '../../../shared/ipc/errors';
import { checkedBranch, cloneGit } from './clone-git';
import type { EngineDeps } from './engine-deps';

/** How many conflicting files the message names; the rest are counted (all of them are in `detail`). */
const NAMED_FILES = 10;

/**
 * The files that conflict when `head` is merged into `base`, worked out in the managed clone after a
 * fetch with `git merge-tree --write-tree` (git 2.38 and later). It only writes objects: the clone's
 * work tree, index and branches stay as they are, and nothing is pushed. Null when it cannot tell
 * (an older git, a branch origin lacks such as a fork's, no clone yet), so the caller says what it can.
 */
export async function conflictingFiles(deps: EngineDeps, base: string, head: string): Promise<string[] | null> {
  try {
    const git = cloneGit(deps);
    await git.fetch();
    const sides = [base, head].map((branch) => `refs/remotes/origin/${checkedBranch(branch)}`);
    // Exit status 1 means "conflicts" and is an answer: simple-git hands back the output then, and
    // fails only when git wrote to stderr (an unknown option, a missing ref).
    const merged = await git.attempt([
      'merge-tree',
      '--write-tree',
      '--name-only',
      '--no-messages',
      '-z',
      '--end-of-options',
      ...sides,
    ]);
    if (!merged.ok) return null;
    // `-z`: the merged tree's id, then each conflicted path once, every field ended by NUL.
    const [tree, ...paths] = merged.output.split('\0');
    if (!tree || !/^[0-9a-f]{40,64}$/.test(tree.trim())) return null;
    const files = paths.filter((path) => path !== '');
    return files.length > 0 ? files : null;
  } catch {
    return null;
  }
}

/** A branch name fit for a new branch's last part: `release/2026.11.0` → `release-2026.11.0`. */
function flat(branch: string): string {
  return branch.replace(/\//g, '-');
}

/**
 * The CONFLICT for a PR whose head and base conflict in `files`: which files, and the exact commands
 * that resolve it on a branch of its own, so nothing is forced onto a protected branch. `also` holds
 * anything else that stops the merge (a failed check), said after the conflict.
 */
export function conflictError(
  pull: { number: number; baseRef: string; headRef: string },
  files: readonly string[],
  also: readonly string[] = [],
): AppError {
  const { number, baseRef: base, headRef: head } = pull;
  const named = files.slice(0, NAMED_FILES).join(', ');
  const more = files.length > NAMED_FILES ? ` and ${files.length - NAMED_FILES} more` : '';
  const count = files.length === 1 ? '1 file' : `${files.length} files`;
  const resolveBranch = `resolve/${flat(head)}-into-${flat(base)}`;
  const others = also.length > 0 ? ` It is also blocked: ${also.join('; ')}.` : '';
  return new AppError(
    'CONFLICT',
    `PR #${number} (${head} → ${base}) conflicts in ${count}: ${named}${more}.${others} ` +
      `Resolve it on a branch: git fetch origin && git switch -c ${resolveBranch} origin/${base} && git merge origin/${head}, ` +
      `fix the files, commit, push the branch and merge it into ${base} by PR (or push the fix onto ${head}'s side), ` +
      'then resume this run.',
    `Conflicting files:\n${files.join('\n')}`,
  );
}
