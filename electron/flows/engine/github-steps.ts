import type { FlowStep } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { findOrCreatePullRequest, mergePullRequest } from '../../services/github/pull-requests';
import { findOrCreateRef, requireSha, shortSha } from '../../services/github/refs';
import { findOrCreateDraftRelease, findReleaseByTag, publishRelease } from '../../services/github/releases';
import { findOrCreateTag } from '../../services/github/tags';
import { inputValue, pullNumber, type StepContext, type StepOutputs } from './engine-deps';

type StepOf<K extends FlowStep['kind']> = Extract<FlowStep, { kind: K }>;

/** Makes `refs/heads/<branch>` at the sha; an existing branch there is fine, elsewhere a CONFLICT. */
export async function createBranch(context: StepContext, step: StepOf<'create-branch'>): Promise<StepOutputs> {
  const sha = requireSha(inputValue(context, step.sha));
  const { created } = await findOrCreateRef(context.deps.client, context.deps.repo, {
    ref: `refs/heads/${step.branch}`,
    sha,
  });
  return { branch: step.branch, sha, created: String(created) };
}

/** Finds the open PR from head into base, or opens it. */
export async function openPullRequest(context: StepContext, step: StepOf<'open-pr'>): Promise<StepOutputs> {
  const { pull } = await findOrCreatePullRequest(context.deps.client, context.deps.repo, {
    head: step.head,
    base: step.base,
    title: step.title,
    body: inputValue(context, step.body),
  });
  return { number: String(pull.number), url: pull.htmlUrl, headSha: pull.headSha };
}

/** Merges the PR at exactly the head that was waited on (GitHub's 409 when it moved becomes a CONFLICT). */
export async function mergePull(context: StepContext, step: StepOf<'merge-pr'>): Promise<StepOutputs> {
  const number = pullNumber(context, step.pr);
  const { sha } = await mergePullRequest(context.deps.client, context.deps.repo, {
    number,
    expectedHeadSha: inputValue(context, step.headSha),
    method: step.method,
  });
  return { sha };
}

/** Tags the sha; an existing tag at the same commit is fine. */
export async function createTag(context: StepContext, step: StepOf<'create-tag'>): Promise<StepOutputs> {
  const sha = requireSha(inputValue(context, step.sha));
  await findOrCreateTag(context.deps.client, context.deps.repo, {
    tag: step.tag,
    sha,
    ...(step.annotated ? { annotated: { message: step.message } } : {}),
  });
  return { tag: step.tag, sha };
}

/** Finds the release of the tag (drafts included) or drafts it at the sha. */
export async function createRelease(context: StepContext, step: StepOf<'create-release'>): Promise<StepOutputs> {
  const sha = requireSha(inputValue(context, step.sha));
  const { release, created } = await findOrCreateDraftRelease(context.deps.client, context.deps.repo, {
    tag: step.tag,
    targetSha: sha,
    name: step.name,
    body: step.body,
  });
  // A release found rather than made must be the one this step means: a draft aimed elsewhere is not.
  const target = release.targetCommitish.toLowerCase();
  if (!created && release.draft && /^[0-9a-f]{40}$/.test(target) && target !== sha) {
    throw new AppError(
      'CONFLICT',
      `A draft release ${step.tag} already exists at ${shortSha(target)}, not at ${shortSha(sha)}. ` +
        `Check it on GitHub (${release.htmlUrl}); delete it if it is wrong, then run the step again.`,
    );
  }
  return { id: String(release.id), url: release.htmlUrl };
}

/** Publishes the draft release of the tag; a published one is left alone. */
export async function publishDraft(context: StepContext, step: StepOf<'publish-release'>): Promise<StepOutputs> {
  const { client, repo } = context.deps;
  const release = await findReleaseByTag(client, repo, step.tag);
  if (!release) {
    throw new AppError(
      'NOT_FOUND',
      `There is no release ${step.tag} to publish. Run the step that drafts it first, or draft it on GitHub.`,
    );
  }
  const published = release.draft ? await publishRelease(client, repo, release.id) : release;
  return { id: String(published.id), url: published.htmlUrl };
}
