import type { FlowPlan, PlannedStep, StepInput } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { chooseVersion, requireBranchName } from './choice-validation';
import type { FlowFacts } from './flow-facts';
import { planOf, requireHead, targetOf } from './plan-common';
import {
  acquireLockStep,
  approveStep,
  bumpVersionStep,
  createReleaseStep,
  createTagStep,
  mergePrStep,
  openPrStep,
  publishReleaseStep,
  releaseLockStep,
  waitPrStep,
  watchWorkflowStep,
} from './planned-steps';

/** What the user chooses for a release. */
export interface ReleaseChoices {
  /** The version; the notes engine's suggestion by default. */
  version?: string;
  /** An annotated tag (with a message and tagger) instead of a lightweight one. */
  annotated?: boolean;
  /** The release body as the user edited it; the generated notes by default. */
  notes?: string;
}

/**
 * How the bump lands: through a PR when main asks anything of a merge (protection, rulesets, checks or
 * reviews) or when that cannot be known (no GitHub facts, or protection the token may not read), else
 * as a direct commit.
 */
export function bumpRoute(facts: FlowFacts): 'pr' | 'direct' {
  const main = facts.github?.main;
  if (!main || !main.complete) return 'pr';
  const asksSomething = main.protectedBranch || main.requiredChecks.length > 0 || main.requiredApprovals > 0;
  return asksSomething ? 'pr' : 'direct';
}

/**
 * Points the notes' "Full Changelog" compare link at the new tag instead of the moving branch it was
 * generated against (`…/compare/v2026.10.1...main` → `…/compare/v2026.10.1...v2026.11.0`), so the
 * published release keeps showing exactly what it shipped.
 */
export function pinCompareLink(notes: string, branch: string, tag: string): string {
  const escaped = branch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return notes.replace(new RegExp(`(/compare/[^\\s)]+?\\.\\.\\.)${escaped}(?=[\\s)]|$)`, 'gm'), `$1${tag}`);
}

/**
 * Plans a release of main: bump the version files (by PR where main is protected), tag the exact
 * merged sha, create the release as a draft with the notes, stop until the release manager has reviewed
 * the draft and approves publishing it, publish it, watch the
 * workflow a release starts, and open the back-merge PR main → development that carries the bump.
 */
export function planRelease(facts: FlowFacts, choices: ReleaseChoices = {}): FlowPlan {
  const target = targetOf(facts);
  const mainHead = requireHead(facts, 'main');
  requireHead(facts, 'development');
  const version = chooseVersion(facts, facts.release.version, choices.version);
  const files = facts.release.versionFiles.map((file) => file.path);
  if (files.length === 0) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      'No version files are configured, so the release cannot bump them. List them under versionFiles in .release-desk.yml (or commitizen’s version_files in pyproject.toml).',
    );
  }
  const main = facts.branches.main;
  const development = facts.branches.development;
  const via = bumpRoute(facts);
  const bumpBranch = requireBranchName(`bump/${version.next}`, 'bump branch');
  const tag = requireBranchName(version.tag, 'tag');
  const annotated = choices.annotated === true;
  const notes = pinCompareLink(choices.notes?.trim() ? choices.notes : facts.release.notes, main, tag);

  const steps: PlannedStep[] = [
    acquireLockStep(target, mainHead),
    bumpVersionStep({ version: version.next, current: version.current, files, branch: main, via }),
  ];
  let released: StepInput = { fromStep: 'bump', output: 'sha' };
  if (via === 'pr') {
    steps.push(
      {
        ...openPrStep(target, 'bump-pr', {
          head: bumpBranch,
          base: main,
          title: `bump: version ${version.current ?? '(none)'} → ${version.next}`,
          body: `Bumps ${files.join(', ')} to ${version.next} for the release ${tag}.`,
        }),
        title: `Open the version bump PR ${bumpBranch} → ${main}`,
      },
      waitPrStep(target, 'bump-wait', { fromStep: 'bump-pr', output: 'number' }, main),
      mergePrStep(target, 'bump-merge', {
        pr: { fromStep: 'bump-pr', output: 'number' },
        headSha: { fromStep: 'bump-wait', output: 'headSha' },
        method: 'merge',
        into: main,
      }),
    );
    released = { fromStep: 'bump-merge', output: 'sha' };
  }
  steps.push(
    createTagStep(target, { tag, sha: released, annotated, message: `Release ${version.next}` }),
    createReleaseStep(target, { tag, sha: released, name: tag, body: notes }),
    approveStep('review', {
      title: `Review the draft release ${tag}, then publish it`,
      subject: `the draft release ${tag}`,
      action: 'Publish release',
      link: { fromStep: 'release', output: 'url' },
    }),
    publishReleaseStep(target, tag),
  );
  if (facts.releaseWorkflow) {
    steps.push(
      watchWorkflowStep(target, 'release-workflow', {
        workflow: facts.releaseWorkflow,
        branch: tag,
        sha: released,
        event: 'release',
      }),
    );
  }
  steps.push(
    {
      ...openPrStep(target, 'backmerge-pr', {
        head: main,
        base: development,
        title: `Back-merge ${tag} into ${development}`,
        body: `Brings the release ${tag} and its version bump back into ${development}.`,
      }),
      title: `Open the back-merge PR ${main} → ${development}`,
    },
    releaseLockStep(target),
  );
  return planOf(
    facts,
    'release',
    { version: version.next, tag, annotated: String(annotated), via, sha: mainHead },
    steps,
  );
}
