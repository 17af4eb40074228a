import type { FlowStep, MergeMethod, PlannedStep, StepInput } from '../../../shared/domain/flows/flow-plan';

/** The repository a plan's GitHub calls go to. */
export interface PlanTarget {
  owner: string;
  repo: string;
}

/** The ref that holds a project's flow lock on GitHub (a ref, so a second create is GitHub's 422). */
export const LOCK_REF = 'refs/release-desk/lock';

/**
 * How an effect line names a value: a known one as itself, one an earlier step makes as
 * `<step.output>` (e.g. `<merge.sha>`), since a dry run cannot know it yet.
 */
export function showInput(input: StepInput): string {
  return typeof input === 'string' ? input : `<${input.fromStep}.${input.output}>`;
}

/** A PR number as effect lines write it: `#42`, or `#<pr.number>` while unknown. */
function showPr(input: StepInput): string {
  return typeof input === 'string' ? `#${input}` : `#<${input.fromStep}.${input.output}>`;
}

/** A PR number in an API path: `42`, or `<pr.number>`. */
function prPath(input: StepInput): string {
  return showInput(input);
}

function json(value: Record<string, unknown>): string {
  return JSON.stringify(value);
}

function planned(id: string, title: string, step: FlowStep, effects: string[], destructive: boolean): PlannedStep {
  return { id, title, step, effects, destructive };
}

/** Takes the lock: a local lock file, then the lock ref on GitHub at `sha` (any commit will do). */
export function acquireLockStep(target: PlanTarget, sha: string): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    'lock',
    'Take the release lock',
    { kind: 'acquire-lock' },
    ['create the local lock file of this project', `POST ${base}/git/refs ${json({ ref: LOCK_REF, sha })}`],
    false,
  );
}

/** Gives the lock back, on GitHub and locally. */
export function releaseLockStep(target: PlanTarget): PlannedStep {
  return planned(
    'unlock',
    'Give the release lock back',
    { kind: 'release-lock' },
    [`DELETE /repos/${target.owner}/${target.repo}/git/${LOCK_REF}`, 'remove the local lock file of this project'],
    false,
  );
}

/** Creates `branch` at `sha` on GitHub; an existing branch at that sha is taken as done. */
export function createBranchStep(
  target: PlanTarget,
  id: string,
  title: string,
  branch: string,
  sha: StepInput,
): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    id,
    title,
    { kind: 'create-branch', branch, sha },
    [
      `GET ${base}/git/ref/heads/${branch}`,
      `POST ${base}/git/refs ${json({ ref: `refs/heads/${branch}`, sha: showInput(sha) })}`,
    ],
    false,
  );
}

/** Cherry-picks `shas` (oldest first) onto `branch` in the managed clone, then a plain fast-forward push. */
export function cherryPickStep(id: string, title: string, branch: string, shas: string[]): PlannedStep {
  return planned(
    id,
    title,
    { kind: 'cherry-pick', branch, shas },
    [
      `git fetch origin -- refs/heads/${branch}`,
      `git switch --detach origin/${branch}`,
      ...shas.map((sha) => `git cherry-pick -x ${sha}`),
      `git push origin HEAD:refs/heads/${branch}`,
    ],
    false,
  );
}

/** Finds the open PR from `head` into `base`, or opens it. */
export function openPrStep(
  target: PlanTarget,
  id: string,
  pr: { head: string; base: string; title: string; body: StepInput },
): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    id,
    `Open the PR ${pr.head} → ${pr.base}`,
    { kind: 'open-pr', head: pr.head, base: pr.base, title: pr.title, body: pr.body },
    [
      `GET ${base}/pulls?state=open&head=${target.owner}:${pr.head}&base=${pr.base}`,
      `POST ${base}/pulls ${json({ head: pr.head, base: pr.base, title: pr.title, body: typeof pr.body === 'string' ? `(${pr.body.length} characters)` : showInput(pr.body) })}`,
    ],
    false,
  );
}

/** Waits for the PR's required checks and reviews. */
export function waitPrStep(target: PlanTarget, id: string, pr: StepInput, into: string): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    id,
    `Wait for the checks and reviews of PR ${showPr(pr)} into ${into}`,
    { kind: 'wait-pr', pr },
    [
      `GET ${base}/pulls/${prPath(pr)} (until its required checks pass and reviews approve)`,
      `GET ${base}/commits/<head sha>/check-runs`,
      `GET ${base}/commits/<head sha>/status`,
      `GET ${base}/pulls/${prPath(pr)}/reviews`,
    ],
    false,
  );
}

/**
 * Waits until `branch` has commits that `base` lacks: the user pushes their own fix there (a PR with
 * no commits between the branches is refused by GitHub).
 */
export function waitCommitsStep(target: PlanTarget, id: string, branch: string, base: string): PlannedStep {
  const path = `/repos/${target.owner}/${target.repo}`;
  return planned(
    id,
    `Wait for your fix on ${branch} (push it to origin)`,
    { kind: 'wait-commits', branch, base },
    [`GET ${path}/compare/${base}...${branch} (until your push gives ${branch} commits that ${base} lacks)`],
    false,
  );
}

/** Merges the PR at the head sha that was waited on. Destructive: it changes `into` for everyone. */
export function mergePrStep(
  target: PlanTarget,
  id: string,
  merge: { pr: StepInput; headSha: StepInput; method: MergeMethod; into: string },
): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    id,
    `Merge PR ${showPr(merge.pr)} into ${merge.into} (${merge.method})`,
    { kind: 'merge-pr', pr: merge.pr, headSha: merge.headSha, method: merge.method },
    [
      `GET ${base}/pulls/${prPath(merge.pr)}`,
      `PUT ${base}/pulls/${prPath(merge.pr)}/merge ${json({ merge_method: merge.method, sha: showInput(merge.headSha) })}`,
    ],
    true,
  );
}

/** Watches the newest run of `workflow` for `sha`. */
export function watchWorkflowStep(
  target: PlanTarget,
  id: string,
  watch: { workflow: string; branch: string; sha: StepInput; event: 'push' | 'release' },
): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    id,
    watch.event === 'push'
      ? `Watch the ${watch.workflow} run on ${watch.branch}`
      : `Watch the ${watch.workflow} run of the release ${watch.branch}`,
    { kind: 'watch-workflow', workflow: watch.workflow, branch: watch.branch, sha: watch.sha, event: watch.event },
    [
      `GET ${base}/actions/workflows`,
      `GET ${base}/actions/workflows/<${watch.workflow} id>/runs?event=${watch.event}&head_sha=${showInput(watch.sha)}`,
      `GET ${base}/actions/runs/<run id> (until it completes)`,
    ],
    false,
  );
}

/** Writes the version into the version files: straight onto `branch`, or onto `bump/<version>` for a PR. */
export function bumpVersionStep(bump: {
  version: string;
  current: string | null;
  files: string[];
  branch: string;
  via: 'direct' | 'pr';
}): PlannedStep {
  const pushTo = bump.via === 'direct' ? bump.branch : `bump/${bump.version}`;
  const message = `bump: version ${bump.current ?? '(none)'} → ${bump.version}`;
  return planned(
    'bump',
    bump.via === 'direct'
      ? `Bump the version to ${bump.version} on ${bump.branch}`
      : `Bump the version to ${bump.version} on bump/${bump.version}`,
    { kind: 'bump-version', version: bump.version, files: bump.files, branch: bump.branch, via: bump.via },
    [
      `git fetch origin -- refs/heads/${bump.branch}`,
      `git switch --detach origin/${bump.branch}`,
      ...bump.files.map((file) => `write ${bump.version} into ${file}`),
      `git commit -m "${message}" -- ${bump.files.join(' ')}`,
      `git push origin HEAD:refs/heads/${pushTo}`,
    ],
    // A direct bump pushes onto the release branch itself; a bump branch is only proposed.
    bump.via === 'direct',
  );
}

/** Tags `sha`, lightweight or annotated. */
export function createTagStep(
  target: PlanTarget,
  tag: { tag: string; sha: StepInput; annotated: boolean; message: string },
): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  const sha = showInput(tag.sha);
  const effects = [`GET ${base}/git/ref/tags/${tag.tag}`];
  if (tag.annotated) {
    effects.push(`POST ${base}/git/tags ${json({ tag: tag.tag, message: tag.message, object: sha, type: 'commit' })}`);
    effects.push(`POST ${base}/git/refs ${json({ ref: `refs/tags/${tag.tag}`, sha: '<tag object sha>' })}`);
  } else {
    effects.push(`POST ${base}/git/refs ${json({ ref: `refs/tags/${tag.tag}`, sha })}`);
  }
  return planned(
    'tag',
    `Tag ${typeof tag.sha === 'string' ? sha.slice(0, 7) : 'the merged commit'} as ${tag.tag}${tag.annotated ? ' (annotated)' : ''}`,
    { kind: 'create-tag', tag: tag.tag, sha: tag.sha, annotated: tag.annotated, message: tag.message },
    effects,
    true,
  );
}

/** Finds the release of `tag` (drafts included) or creates it as a draft. */
export function createReleaseStep(
  target: PlanTarget,
  release: { tag: string; sha: StepInput; name: string; body: string },
): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    'release',
    `Create the draft release ${release.name}`,
    { kind: 'create-release', tag: release.tag, sha: release.sha, name: release.name, body: release.body },
    [
      `GET ${base}/releases (drafts included, looking for ${release.tag})`,
      `POST ${base}/releases ${json({ tag_name: release.tag, target_commitish: showInput(release.sha), name: release.name, body: `(${release.body.length} characters)`, draft: true })}`,
    ],
    false,
  );
}

/** Publishes the draft release of `tag`. */
export function publishReleaseStep(target: PlanTarget, tag: string): PlannedStep {
  const base = `/repos/${target.owner}/${target.repo}`;
  return planned(
    'publish',
    `Publish the release ${tag}`,
    { kind: 'publish-release', tag },
    [
      `GET ${base}/releases (drafts included, looking for ${tag})`,
      `PATCH ${base}/releases/<release.id> ${json({ draft: false })}`,
    ],
    true,
  );
}

/**
 * Stops the run until a person approves: the release waits here with its draft, so the release manager
 * reads the draft on GitHub (and its notes in the wizard) before anything is published.
 */
export function approveStep(
  id: string,
  review: { title: string; subject: string; action: string; link?: StepInput },
): PlannedStep {
  return planned(
    id,
    review.title,
    {
      kind: 'approve',
      subject: review.subject,
      action: review.action,
      ...(review.link === undefined ? {} : { link: review.link }),
    },
    [`wait for your approval: ${review.subject} (the run's status is "waiting" until then)`],
    false,
  );
}
