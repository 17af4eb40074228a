import { readFile, realpath, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FlowStep } from '../../../shared/domain/flows/flow-plan';
import { readDeclaredVersion } from '../../../shared/domain/versions/version-file';
import { AppError } from '../../../shared/ipc/errors';
import { parseVersionFileSpec, type VersionFileSpec } from '../../services/config/commitizen';
import { versionFileEdit } from '../../services/versions/version-file-edits';
import { cleanClone } from './cherry-pick-step';
import { checkedBranch, cloneGit, type CloneGit } from './clone-git';
import type { StepContext, StepOutputs } from './engine-deps';

type BumpStep = Extract<FlowStep, { kind: 'bump-version' }>;

const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** The `path:pattern` specs of the step, each path inside the repository. */
function specsOf(step: BumpStep): VersionFileSpec[] {
  if (step.files.length === 0) throw new AppError('INVALID_ARGUMENTS', 'The bump names no version files.');
  return step.files.map((file) => {
    const spec = parseVersionFileSpec(file);
    if (!spec) throw new AppError('INVALID_ARGUMENTS', `"${file}" is not a path inside the repository.`);
    return spec;
  });
}

/** True when every version file at `ref` already declares `version`: the bump is there. */
async function declaresEverywhere(git: CloneGit, ref: string, specs: VersionFileSpec[], version: string) {
  for (const spec of specs) {
    const shown = await git.attempt(['show', '--end-of-options', `${ref}:${spec.path}`]);
    if (!shown.ok || readDeclaredVersion(shown.output, spec.pattern) !== version) return false;
  }
  return true;
}

/** Rewrites one version file in the work tree; returns the version it declared before. */
async function editFile(cloneDir: string, spec: VersionFileSpec, version: string): Promise<string | null> {
  const root = await realpath(cloneDir);
  const file = await realpath(join(root, spec.path)).catch(() => {
    throw new AppError('CONFIG_INVALID', `The version file ${spec.path} does not exist on the branch.`);
  });
  // A symlink in the repository must not lead the edit outside the clone.
  if (relative(root, file).startsWith(`..${sep}`) || relative(root, file) === '..') {
    throw new AppError('INVALID_ARGUMENTS', `${spec.path} points outside the repository.`);
  }
  const text = await readFile(file, 'utf8');
  const declared = readDeclaredVersion(text, spec.pattern);
  if (declared === version) return declared;
  if (declared === null) {
    throw new AppError(
      'CONFIG_INVALID',
      `${spec.path} declares no version${spec.pattern ? ` on a line matching "${spec.pattern}"` : ''}.`,
    );
  }
  const edit = versionFileEdit(spec, text, declared, version);
  if ('problem' in edit) throw new AppError('CONFIG_INVALID', edit.problem);
  const lines = text.split('\n');
  lines[edit.line - 1] = edit.after;
  await writeFile(file, lines.join('\n'), 'utf8');
  return declared;
}

/**
 * Writes `version` into the version files on a fresh branch from `origin/<branch>` in the managed
 * clone, commits and pushes: straight to `<branch>` (`direct`, a fast-forward) or to `bump/<version>`
 * (`pr`). A target that already declares the version everywhere is left alone.
 */
export async function bumpVersion(context: StepContext, step: BumpStep): Promise<StepOutputs> {
  if (!VERSION.test(step.version)) throw new AppError('INVALID_ARGUMENTS', `"${step.version}" is not a version.`);
  const base = checkedBranch(step.branch);
  const target = step.via === 'direct' ? base : checkedBranch(`bump/${step.version}`);
  const specs = specsOf(step);
  const git = cloneGit(context.deps);
  await git.fetch();
  const baseRef = `refs/remotes/origin/${base}`;
  const baseSha = await git.commitOf(baseRef);
  if (!baseSha)
    throw new AppError('REF_MISSING', `${base} does not exist on GitHub, so the version cannot be bumped there.`);

  // Observe first: the bump may be on the target already (a re-run after a lost push answer).
  const targetRef = `refs/remotes/origin/${target}`;
  const targetSha = await git.commitOf(targetRef);
  if (targetSha && (await declaresEverywhere(git, targetRef, specs, step.version))) {
    return { sha: targetSha, branch: target, created: 'false' };
  }

  await cleanClone(git);
  await git.run(['checkout', '--quiet', '-B', target, baseRef, '--']);
  let previous: string | null = null;
  for (const spec of specs) previous = (await editFile(context.deps.cloneDir, spec, step.version)) ?? previous;
  await git.run(['add', '--', ...specs.map((spec) => spec.path)]);
  // Every file already says it on the base (a bump merged earlier): there is nothing to commit.
  if ((await git.run(['diff', '--cached', '--name-only'])).trim() === '') {
    return { sha: baseSha, branch: base, created: 'false' };
  }
  const message = `bump: version ${previous ?? 'unknown'} → ${step.version}`;
  await git.runAsCommitter(['commit', '--quiet', '-m', message]);
  await git.pushHead(target);
  return { sha: (await git.run(['rev-parse', 'HEAD'])).trim(), branch: target, created: 'true' };
}
