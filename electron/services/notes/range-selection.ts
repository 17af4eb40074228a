import { prNumberFromSubject } from '../../../shared/domain/commits/pr-reference';
import type { NotesRange } from '../../../shared/domain/notes/notes-model';
import { compareVersions, type ReleaseTag } from '../../../shared/domain/versions/release-tags';
import { AppError } from '../../../shared/ipc/errors';
import type { GitRepository } from '../git/git-repository';
import type { DetailedCommit } from '../git/log-format';

/**
 * What earlier releases already shipped, for the released-set mode: PR numbers, patch ids (as the
 * shas of range commits git found equivalent) and rewrite-proof identities (author, author date,
 * subject) of everything reachable from an earlier release tag.
 */
export interface ReleasedSet {
  prs: Set<number>;
  equivalentShas: Set<string>;
  identities: Set<string>;
}

/** A chosen range and the commits in it. */
export interface SelectedRange {
  range: NotesRange;
  /** The range's commits; in released-set mode, before {@link ReleasedSet} is taken out. */
  commits: DetailedCommit[];
  /** Set in released-set mode: notes drop what it already contains, PR by PR. */
  released: ReleasedSet | null;
  /** The release `from` names, when it is one: its version decides the next version. */
  previousRelease: ReleaseTag | null;
  warnings: string[];
}

/** What range selection needs to know about the repository. */
export interface RangeInput {
  repo: GitRepository;
  /** Release tags of the project, newest version first. */
  releases: readonly ReleaseTag[];
  /** The target: a ref (branch or tag) the user named or the release branch. */
  to: string;
  /** `--from`: an explicit previous ref; skips the automatic choice. */
  from?: string;
}

async function resolveOrFail(repo: GitRepository, ref: string, role: string): Promise<string> {
  const sha = await repo.resolveCommit(ref);
  if (!sha) {
    throw new AppError(
      'REF_MISSING',
      `The ${role} "${ref}" does not exist in this repository. Check the name (git tag / git branch -a).`,
    );
  }
  return sha;
}

/**
 * Chooses the commits release notes are made of. With `--from`, plain ancestry. Otherwise the newest
 * earlier release: when it is in the target's history, ancestry from it; when it is not (a reset or
 * rewritten history), the "released set": what the target has that no earlier release had, by history,
 * PR number, or patch id, so a reset never drags the whole project into one changelog.
 */
export async function selectRange(input: RangeInput): Promise<SelectedRange> {
  const { repo } = input;
  const toSha = await resolveOrFail(repo, input.to, 'target');
  // What people call it: `main`, not `refs/remotes/origin/main` (which is what is resolved).
  const toLabel = input.to.replace(/^refs\/(remotes\/origin|heads|tags)\//, '');

  if (input.from) {
    const fromSha = await resolveOrFail(repo, input.from, 'starting point');
    const warnings = (await repo.isAncestor(fromSha, toSha))
      ? []
      : [
          `${input.from} is not in the history of ${toLabel}, so "${input.from}..${toLabel}" may include changes that were already released.`,
        ];
    return {
      range: {
        from: input.from,
        fromSha,
        to: toLabel,
        toSha,
        mode: 'ancestry',
        explanation: `From ${input.from}, as given.`,
      },
      commits: await repo.detailedLog([toSha], [fromSha]),
      released: null,
      previousRelease: input.releases.find((release) => release.tag === input.from) ?? null,
      warnings,
    };
  }

  // Earlier releases: below the target's own version when the target is a release tag, else all
  // except a tag on the target commit itself (already released: nothing new).
  const targetRelease = input.releases.find((release) => release.tag === input.to);
  const earlier = targetRelease
    ? input.releases.filter((release) => compareVersions(release.version, targetRelease.version) < 0)
    : input.releases;
  const newest = earlier[0];
  if (!newest) {
    return {
      range: {
        from: null,
        fromSha: null,
        to: toLabel,
        toSha,
        mode: 'ancestry',
        explanation: 'No earlier release: everything in the history is new.',
      },
      commits: await repo.detailedLog([toSha], []),
      released: null,
      previousRelease: null,
      warnings: [],
    };
  }

  const newestSha = await resolveOrFail(repo, newest.tag, 'release tag');
  if (await repo.isAncestor(newestSha, toSha)) {
    return {
      range: {
        from: newest.tag,
        fromSha: newestSha,
        to: toLabel,
        toSha,
        mode: 'ancestry',
        explanation: `From ${newest.tag}, the newest earlier release, which is in the history of ${toLabel}.`,
      },
      commits: await repo.detailedLog([toSha], [newestSha]),
      released: null,
      previousRelease: newest,
      warnings: [],
    };
  }

  const earlierTags = earlier.map((release) => release.tag);
  const [candidates, releasedCommits, marked] = await Promise.all([
    repo.detailedLog([toSha], earlierTags),
    repo.identities(...earlierTags),
    repo.cherryMarkedRightOnly(newestSha, toSha),
  ]);
  const released: ReleasedSet = {
    prs: new Set(
      releasedCommits.map((commit) => prNumberFromSubject(commit.subject)).filter((pr): pr is number => pr !== null),
    ),
    equivalentShas: new Set(marked.filter((entry) => entry.equivalent).map((entry) => entry.commit.sha)),
    identities: new Set(releasedCommits.map((commit) => commit.identity)),
  };
  return {
    range: {
      from: newest.tag,
      fromSha: newestSha,
      to: toLabel,
      toSha,
      mode: 'released-set',
      explanation: `${newest.tag}, the newest earlier release, is not in the history of ${toLabel}, so the notes hold what ${toLabel} has that no earlier release had (by history, PR number, patch id, or the same commit rewritten).`,
    },
    commits: candidates,
    released,
    previousRelease: newest,
    warnings: [
      `The previous release ${newest.tag} is not in the history of ${toLabel} (a reset or rewritten history), so a plain ${newest.tag}..${toLabel} range would repeat changes that were already released. Those were left out.`,
    ],
  };
}
