import { validationFailed } from './github-error';
import { defaultBranchOf, resolveCommitish } from './git-refs';
import type { ServerUrls } from './json-urls';
import type { SandboxGit } from './sandbox-git';
import type { StoredPullRequest, StoredRepository } from './server-state';

/** The body of `POST /releases/generate-notes`, read. */
export interface GenerateNotesRequest {
  tagName: string;
  targetCommitish?: string;
  previousTagName?: string;
}

/** The commit a tag points at (peeled), or `undefined` when there is no such tag. */
async function tagCommit(git: SandboxGit, tag: string): Promise<string | undefined> {
  if (tag.startsWith('-') || tag.includes('\n')) return undefined;
  const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/tags/${tag}^{commit}`], {
    okExitCodes: [1, 128],
  });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/**
 * The latest published release whose tag is in the target's history: the nearest such tag by commit
 * date (ties go to the newer release), which is what GitHub starts its notes from by default.
 */
async function previousReleaseTag(
  git: SandboxGit,
  repo: StoredRepository,
  tagName: string,
  target: string,
): Promise<string | undefined> {
  const released = new Map(
    repo.releases
      .filter((release) => !release.draft && release.tagName !== tagName)
      .map((release) => [release.tagName, release.id]),
  );
  if (released.size === 0) return undefined;
  const listed = await git.text([
    'for-each-ref',
    `--merged=${target}`,
    '--format=%(refname:lstrip=2) %(*committerdate:unix) %(committerdate:unix)',
    'refs/tags',
  ]);
  let best: { tag: string; date: number; id: number } | undefined;
  for (const line of listed.split('\n')) {
    const [tag = '', peeledDate = '', ownDate = ''] = line.split(' ');
    const id = released.get(tag);
    if (id === undefined) continue;
    const date = Number(peeledDate || ownDate);
    if (!best || date > best.date || (date === best.date && id > best.id)) best = { tag, date, id };
  }
  return best?.tag;
}

/** Merged PRs whose merge commit is in `target` and not in `previous`, in the order they were merged. */
async function mergedPullsBetween(
  git: SandboxGit,
  repo: StoredRepository,
  target: string,
  previous: string | undefined,
): Promise<StoredPullRequest[]> {
  const merged = repo.pulls.filter((pull) => pull.merged && pull.mergeCommitSha);
  if (merged.length === 0) return [];
  const range = previous ? [target, `^${previous}`] : [target];
  const commits = new Set((await git.text(['rev-list', ...range, '--'])).split('\n').filter(Boolean));
  return merged
    .filter((pull) => commits.has(pull.mergeCommitSha ?? ''))
    .sort((a, b) => (a.mergedAt ?? '').localeCompare(b.mergedAt ?? '') || a.number - b.number);
}

/**
 * Release notes in GitHub's generated format: a "What's Changed" list of the PRs merged since the
 * previous release (`* <title> by @<login> in <url>`) and a "Full Changelog" compare link. The target
 * is the tag when it exists, else `target_commitish`, else the default branch.
 */
export async function generateReleaseNotes(
  git: SandboxGit,
  urls: ServerUrls,
  repo: StoredRepository,
  request: GenerateNotesRequest,
): Promise<{ name: string; body: string }> {
  const target =
    (await tagCommit(git, request.tagName)) ??
    (await resolveCommitish(git, request.targetCommitish ?? (await defaultBranchOf(git))));
  if (!target) throw validationFailed({ resource: 'Release', code: 'invalid', field: 'target_commitish' });
  const previousTag = request.previousTagName ?? (await previousReleaseTag(git, repo, request.tagName, target));
  const previous = previousTag === undefined ? undefined : await tagCommit(git, previousTag);
  if (previousTag !== undefined && !previous) {
    throw validationFailed({ resource: 'Release', code: 'invalid', field: 'previous_tag_name' });
  }
  const fullName = `${repo.owner}/${repo.name}`;
  const pulls = await mergedPullsBetween(git, repo, target, previous);
  const lines = pulls.map(
    (pull) => `* ${pull.title} by @${pull.userLogin} in ${urls.html}/${fullName}/pull/${pull.number}`,
  );
  const changelog = previousTag
    ? `${urls.html}/${fullName}/compare/${previousTag}...${request.tagName}`
    : `${urls.html}/${fullName}/commits/${request.tagName}`;
  const sections = [...(lines.length > 0 ? [`## What's Changed\n${lines.join('\n')}`] : [])];
  sections.push(`**Full Changelog**: ${changelog}`);
  return { name: request.tagName, body: sections.join('\n\n') };
}
