import type { Lane } from '../../../shared/domain/config/project-config';
import type {
  BackMergeDebt,
  LaneStatus,
  LastRelease,
  PairStatus,
  VersionFileStatus,
} from '../../../shared/domain/train/train-status';

/** `1 hotfix`, `2 hotfixes`: the noun for a count. */
export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/**
 * The warnings of a train, each placed on the lane it concerns, worded as what is wrong and what to do.
 */
export function laneWarnings(input: {
  lanes: LaneStatus[];
  pairs: PairStatus[];
  backMerge: BackMergeDebt[];
  lastRelease: LastRelease | null;
  versionFiles: VersionFileStatus[];
  mainBranch: string;
}): Record<Lane, string[]> {
  const warnings: Record<Lane, string[]> = { development: [], staging: [], main: [] };
  for (const lane of input.lanes) {
    if (!lane.ref) {
      warnings[lane.name].push(
        `The ${lane.name} branch "${lane.branch}" does not exist. Create it, or set branches.${lane.name} in .release-desk.yml.`,
      );
    }
  }
  for (const pair of input.pairs) {
    if (pair.behind > 0) {
      warnings[pair.from].push(
        `${pair.from} is ${pair.behind} ${plural(pair.behind, 'commit', 'commits')} behind ${pair.to}: ${pair.to} has changes ${pair.from} does not. Merge ${pair.to} back into ${pair.from}.`,
      );
    }
  }
  for (const debt of input.backMerge) {
    if (debt.commits.length > 0) warnings[debt.lane].push(`${debt.message}. Back-merge ${debt.lane} into development.`);
  }
  const release = input.lastRelease;
  if (release && !release.isAncestor) {
    const fallback = release.newestAncestorTag
      ? ` The newest release in its history is ${release.newestAncestorTag}.`
      : ' No release tag is in its history.';
    // All of main is in the tag: it was made on a branch ahead of main. Otherwise main's history
    // no longer contains it: it was reset or rewritten since.
    const why =
      release.unreleasedCommits === 0
        ? `was made on a commit ${input.mainBranch} does not have (it was tagged on another branch). Releases should be tagged on ${input.mainBranch}.`
        : `is not in the history of ${input.mainBranch} (the history was reset or rewritten), so a changelog from it would be wrong.`;
    warnings.main.push(`The newest release tag ${release.tag} ${why}${fallback}`);
  }
  if (release) {
    for (const file of input.versionFiles) {
      if (file.version === null) {
        warnings.main.push(
          `${file.path} has no readable version on ${input.mainBranch}. Check the file and its pattern.`,
        );
      } else if (!file.matchesTag) {
        warnings.main.push(`${file.path} says ${file.version}, but the last release tag is ${release.tag}.`);
      }
    }
  }
  return warnings;
}
