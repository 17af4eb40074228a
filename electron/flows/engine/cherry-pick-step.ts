import type { FlowStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { requireSha, shortSha } from '../../services/github/refs';
import { checkedBranch, cloneGit, type CloneGit } from './clone-git';
import type { StepContext, StepOutputs } from './engine-deps';

/**
 * Whether `sha` is already on the branch: the commit itself, or a cherry-pick of it (`-x` writes
 * "(cherry picked from commit <sha>)"), so a re-run after a lost push answer picks nothing twice.
 */
async function alreadyOn(git: CloneGit, sha: string, tip: string): Promise<boolean> {
  const base = (await git.attempt(['merge-base', '--end-of-options', sha, tip])).output.trim();
  if (base === sha) return true;
  const picked = await git.run([
    'log',
    '--format=%H',
    '--fixed-strings',
    `--grep=(cherry picked from commit ${sha})`,
    '--end-of-options',
    tip,
    '--',
  ]);
  return picked.trim() !== '';
}

/** Leaves the clone with no cherry-pick in progress and no local changes, whatever a crash left. */
export async function cleanClone(git: CloneGit): Promise<void> {
  await git.attempt(['cherry-pick', '--abort']);
  await git.attempt(['reset', '--hard', '--quiet']);
}

/**
 * Cherry-picks the shas (in order, with `-x`) onto a fresh copy of `origin/<branch>` in the managed
 * clone and pushes the result. A conflict aborts the pick and fails with the conflicting files.
 */
export async function cherryPick(
  context: StepContext,
  step: Extract<FlowStep, { kind: 'cherry-pick' }>,
): Promise<StepOutputs> {
  const branch = checkedBranch(step.branch);
  const shas = step.shas.map(requireSha);
  const git = cloneGit(context.deps);
  await git.fetch();
  const remote = `refs/remotes/origin/${branch}`;
  const start = await git.commitOf(remote);
  if (!start)
    throw new AppError('REF_MISSING', `${branch} does not exist on GitHub, so nothing can be picked onto it.`);
  await cleanClone(git);
  await git.run(['checkout', '--quiet', '-B', branch, remote, '--']);
  let picked = 0;
  for (const sha of shas) {
    if (!(await git.commitOf(sha))) {
      throw new AppError('NOT_FOUND', `Commit ${shortSha(sha)} is not on GitHub (it was not fetched).`);
    }
    if (await alreadyOn(git, sha, 'HEAD')) continue;
    const result = await git.attempt(['cherry-pick', '-x', '--end-of-options', sha], { asCommitter: true });
    if (result.ok) {
      picked += 1;
      continue;
    }
    const conflicted = (await git.run(['diff', '--name-only', '--diff-filter=U'])).split('\n').filter(Boolean);
    await git.attempt(['cherry-pick', '--abort']);
    if (conflicted.length === 0 && /empty/i.test(result.output)) continue;
    throw new AppError(
      'CONFLICT',
      conflicted.length > 0
        ? `Cherry-picking ${shortSha(sha)} onto ${branch} conflicts in ${conflicted.join(', ')}. ` +
            `Nothing was pushed. Resolve it by hand (pick it onto ${branch} yourself, or merge a fix first), then resume.`
        : `Cherry-picking ${shortSha(sha)} onto ${branch} failed. Nothing was pushed.`,
      result.output.trim().split('\n').at(-1),
    );
  }
  const head = (await git.run(['rev-parse', 'HEAD'])).trim();
  if (head !== start) await git.pushHead(branch);
  return { branch, sha: head, picked: String(picked) };
}
