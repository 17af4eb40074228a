import type { GitHubClient } from './github-client';
import { githubAppError } from './github-errors';
import { githubFailure, requireSha, type GitHubRepo } from './refs';

/** A release as Release Desk uses it. */
export interface ReleaseSummary {
  id: number;
  tag: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  htmlUrl: string;
  /** A branch name or a sha: what the tag is created at when the release is published. */
  targetCommitish: string;
  /** ISO time; `null` for a draft. */
  publishedAt: string | null;
}

/** The fields of GitHub's `release` this module reads. */
interface ReleaseData {
  id: number;
  tag_name: string;
  name: string | null;
  body?: string | null;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
  target_commitish: string;
  published_at: string | null;
}

function summarize(data: ReleaseData): ReleaseSummary {
  return {
    id: data.id,
    tag: data.tag_name,
    name: data.name,
    body: data.body ?? null,
    draft: data.draft,
    prerelease: data.prerelease,
    htmlUrl: data.html_url,
    targetCommitish: data.target_commitish,
    publishedAt: data.published_at,
  };
}

/**
 * The release for `tag`, drafts included, or `null`. GitHub's "release by tag" hides drafts (a draft
 * has no tag yet), so this walks the release list, newest first, and stops at the first match.
 */
export async function findReleaseByTag(
  client: GitHubClient,
  repo: GitHubRepo,
  tag: string,
): Promise<ReleaseSummary | null> {
  try {
    const pages = client.paginate.iterator(client.rest.repos.listReleases, { ...repo, per_page: 100 });
    for await (const page of pages) {
      const found = page.data.find((release) => release.tag_name === tag);
      if (found) return summarize(found);
    }
    return null;
  } catch (error) {
    throw githubAppError(error, `look for the release of ${tag}`);
  }
}

/** What a new draft release holds. */
export interface DraftReleaseRequest {
  tag: string;
  /** The commit the tag will be created at on publishing. */
  targetSha: string;
  name: string;
  body: string;
  prerelease?: boolean;
}

/**
 * The release of `tag`, creating it as a draft when there is none ("observe, then act"). An existing
 * release is returned as it is (`created: false`), draft or not; the caller compares its target and
 * text. A create whose answer was lost (GitHub made it; the retry is refused with `already_exists`)
 * finds the one release that exists, so a re-run never makes two.
 */
export async function findOrCreateDraftRelease(
  client: GitHubClient,
  repo: GitHubRepo,
  request: DraftReleaseRequest,
): Promise<{ release: ReleaseSummary; created: boolean }> {
  const targetSha = requireSha(request.targetSha);
  const existing = await findReleaseByTag(client, repo, request.tag);
  if (existing) return { release: existing, created: false };
  try {
    const { data } = await client.rest.repos.createRelease({
      ...repo,
      tag_name: request.tag,
      target_commitish: targetSha,
      name: request.name,
      body: request.body,
      draft: true,
      prerelease: request.prerelease ?? false,
    });
    return { release: summarize(data), created: true };
  } catch (error) {
    if (githubFailure(error).status === 422) {
      const found = await findReleaseByTag(client, repo, request.tag);
      if (found) return { release: found, created: false };
    }
    throw githubAppError(error, `create the draft release ${request.tag}`);
  }
}

/** The fields of a release that {@link updateRelease} may change. */
export interface ReleaseChanges {
  name?: string;
  body?: string;
  prerelease?: boolean;
  targetCommitish?: string;
}

/** Changes a release's name, body, prerelease flag or target, and returns it as it is now. */
export async function updateRelease(
  client: GitHubClient,
  repo: GitHubRepo,
  id: number,
  changes: ReleaseChanges,
): Promise<ReleaseSummary> {
  try {
    const { data } = await client.rest.repos.updateRelease({
      ...repo,
      release_id: id,
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.body === undefined ? {} : { body: changes.body }),
      ...(changes.prerelease === undefined ? {} : { prerelease: changes.prerelease }),
      ...(changes.targetCommitish === undefined ? {} : { target_commitish: changes.targetCommitish }),
    });
    return summarize(data);
  } catch (error) {
    throw githubAppError(error, `update release ${id}`);
  }
}

/**
 * Publishes a draft release; GitHub then creates its tag at the target when it is missing. Publishing
 * a release that is already published changes nothing, so a re-run is harmless.
 */
export async function publishRelease(client: GitHubClient, repo: GitHubRepo, id: number): Promise<ReleaseSummary> {
  try {
    const { data: current } = await client.rest.repos.getRelease({ ...repo, release_id: id });
    if (!current.draft) return summarize(current);
    const { data } = await client.rest.repos.updateRelease({ ...repo, release_id: id, draft: false });
    return summarize(data);
  } catch (error) {
    throw githubAppError(error, `publish release ${id}`);
  }
}

/**
 * GitHub's generated notes for `tag` at `target` (a branch or sha): the PRs merged since `previousTag`,
 * or since the latest release in the target's history when it is absent.
 */
export async function generateReleaseNotes(
  client: GitHubClient,
  repo: GitHubRepo,
  request: { tag: string; target: string; previousTag?: string },
): Promise<{ name: string; body: string }> {
  try {
    const { data } = await client.rest.repos.generateReleaseNotes({
      ...repo,
      tag_name: request.tag,
      target_commitish: request.target,
      ...(request.previousTag === undefined ? {} : { previous_tag_name: request.previousTag }),
    });
    return { name: data.name, body: data.body };
  } catch (error) {
    throw githubAppError(error, `generate the release notes of ${request.tag}`);
  }
}
