import { prNumberFromSubject, prNumbersOf, type CommitSummary } from '../../../shared/domain/commits/pr-reference';
import { LANES, type Lane } from '../../../shared/domain/config/project-config';
import {
  formatVersion,
  inferTagFormat,
  releaseTags,
  type TagFormat,
} from '../../../shared/domain/versions/release-tags';
import { readDeclaredVersion } from '../../../shared/domain/versions/version-file';
import type {
  BackMergeDebt,
  LaneStatus,
  LastRelease,
  PairStatus,
  TrainStatus,
  VersionFileStatus,
} from '../../../shared/domain/train/train-status';
import type { EffectiveConfig } from '../config/config-loader';
import { assertRefName, type GitRepository } from '../git/git-repository';
import type { RefEntry } from '../git/log-format';
import { laneWarnings, plural } from './train-warnings';

/**
 * The ref a lane's branch is read from: `origin/<branch>` in a clone (what the team sees), else the
 * local branch (a bare mirror, or a clone with no remote-tracking copy).
 */
export function laneRef(refs: readonly RefEntry[], branch: string): RefEntry | null {
  return (
    refs.find((ref) => ref.name === `refs/remotes/origin/${branch}`) ??
    refs.find((ref) => ref.name === `refs/heads/${branch}`) ??
    null
  );
}

/** The tag scheme and prefix in force: the config's, or inferred from the tags where it says `auto`. */
export function tagFormatFor(effective: EffectiveConfig, tagNames: string[]): TagFormat {
  const { scheme, tagPrefix } = effective.config.versioning;
  const inferred = inferTagFormat(tagNames);
  return {
    scheme: scheme === 'auto' ? inferred.scheme : scheme,
    prefix: tagPrefix === 'auto' ? inferred.prefix : tagPrefix,
  };
}

/**
 * Computes where the train stands from git alone: lane heads, what waits between lanes, back-merge
 * debt, the last release and the version files. Independent git reads run in parallel.
 */
export async function computeTrainStatus(
  repo: GitRepository,
  effective: EffectiveConfig,
  now: () => Date = () => new Date(),
  knownRefs?: readonly RefEntry[],
): Promise<TrainStatus> {
  const branches = effective.config.branches;
  for (const lane of LANES) assertRefName(branches[lane]);
  const refs = knownRefs ?? (await repo.refs());
  const refOf = Object.fromEntries(LANES.map((lane) => [lane, laneRef(refs, branches[lane])])) as Record<
    Lane,
    RefEntry | null
  >;

  const lanesWithHeads = LANES.map(async (lane): Promise<LaneStatus> => {
    const ref = refOf[lane];
    const [head] = ref ? await repo.log(null, ref.sha, 1) : [];
    return {
      name: lane,
      branch: branches[lane],
      ref: ref?.name ?? null,
      head: head ? { sha: head.sha, date: head.date, subject: head.subject, author: head.author } : null,
    };
  });

  const pairOf = async (from: Lane, to: Lane): Promise<PairStatus | null> => {
    const fromRef = refOf[from];
    const toRef = refOf[to];
    if (!fromRef || !toRef) return null;
    const [[behind, ahead], details] = await Promise.all([
      repo.leftRightCount(toRef.sha, fromRef.sha),
      repo.log(toRef.sha, fromRef.sha),
    ]);
    return { from, to, ahead, behind, prs: prNumbersOf(details), commits: details.map((c) => c.sha), details };
  };

  const developmentRef = refOf.development;

  const debtOf = async (lane: Exclude<Lane, 'development'>): Promise<BackMergeDebt | null> => {
    const ref = refOf[lane];
    if (!ref || !developmentRef) return null;
    // One walk of development...lane without equivalent patches: the right side is what the lane has
    // and development lacks; the left side is where a back-merge of it would sit.
    const sides = await repo.cherryPickSides(developmentRef.sha, ref.sha);
    const candidates = sides.right.filter((commit) => !commit.isMerge);
    // PR numbers merged into development since the fork. A PR merged before the fork is in both
    // lanes already; looking for it would mean walking all of development's history (seconds on a
    // large repository, on every refresh), so a re-applied copy of one counts as debt (a rare,
    // visible false alarm rather than a slow dashboard).
    const prsInDevelopment = new Set(prNumbersOf(sides.left));
    // Already in development: the same patch, or the same PR number (a cherry-pick whose conflicts
    // were resolved, so its patch differs).
    const missing: CommitSummary[] = candidates.filter((commit) => {
      const pr = prNumberFromSubject(commit.subject);
      return !(pr !== null && prsInDevelopment.has(pr));
    });
    const noun =
      lane === 'staging' ? plural(missing.length, 'hotfix', 'hotfixes') : plural(missing.length, 'commit', 'commits');
    return {
      lane,
      commits: missing.map((c) => c.sha),
      prs: prNumbersOf(missing),
      details: missing,
      message:
        missing.length === 0
          ? `Everything on ${lane} is in development.`
          : `${missing.length} ${noun} on ${lane} ${missing.length === 1 ? 'is' : 'are'} not in development`,
    };
  };

  const tagNames = refs
    .filter((ref) => ref.name.startsWith('refs/tags/'))
    .map((ref) => ref.name.slice('refs/tags/'.length));
  const tagFormat = tagFormatFor(effective, tagNames);
  const releases = releaseTags(tagNames, tagFormat, effective.ignoredTagFormats);
  const mainRef = refOf.main;

  const lastReleaseOf = async (): Promise<LastRelease | null> => {
    const newest = releases[0];
    if (!newest || !mainRef) return null;
    const sha = refs.find((ref) => ref.name === `refs/tags/${newest.tag}`)?.sha ?? '';
    // Nothing only on the tag's side means the tag is in main's history; only then is the costlier
    // "which release tags are in main" walk skipped.
    const [onlyInTag, unreleased] = await repo.leftRightCount(sha, mainRef.sha);
    const isAncestor = onlyInTag === 0;
    const merged = isAncestor ? null : await repo.tagsMergedInto(mainRef.sha);
    const newestAncestor = merged ? releases.find((release) => merged.has(release.tag)) : undefined;
    return {
      tag: newest.tag,
      sha,
      version: formatVersion(newest.version),
      isAncestor,
      unreleasedCommits: unreleased,
      newestAncestorTag: newestAncestor ? newestAncestor.tag : null,
    };
  };

  // Version files depend only on main's head: read them alongside everything else.
  const versionTexts = Promise.all(
    effective.versionFiles.map(async (spec) => ({
      spec,
      text: mainRef ? await repo.readFile(mainRef.sha, spec.path) : null,
    })),
  );

  const [lanes, developmentToStaging, stagingToMain, stagingDebt, mainDebt, lastRelease] = await Promise.all([
    Promise.all(lanesWithHeads),
    pairOf('development', 'staging'),
    pairOf('staging', 'main'),
    debtOf('staging'),
    debtOf('main'),
    lastReleaseOf(),
  ]);

  const versionFiles: VersionFileStatus[] = mainRef
    ? (await versionTexts).map(({ spec, text }) => {
        const version = text === null ? null : readDeclaredVersion(text, spec.pattern);
        return { path: spec.path, version, matchesTag: lastRelease !== null && version === lastRelease.version };
      })
    : [];

  const pairs = [developmentToStaging, stagingToMain].filter((pair): pair is PairStatus => pair !== null);
  const backMerge = [stagingDebt, mainDebt].filter((debt): debt is BackMergeDebt => debt !== null);
  const byLane = laneWarnings({ lanes, pairs, backMerge, lastRelease, versionFiles, mainBranch: branches.main });
  return {
    lanes,
    pairs,
    backMerge,
    lastRelease,
    versionFiles,
    tagFormat,
    warnings: Object.values(byLane).flat(),
    laneWarnings: byLane,
    computedAt: now().toISOString(),
  };
}
