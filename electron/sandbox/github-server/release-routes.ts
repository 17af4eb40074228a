import { notFound, validationFailed } from './github-error';
import { generateReleaseNotes } from './generate-notes';
import { createRef, defaultBranchOf, readRef, requireString, resolveCommitish } from './git-refs';
import { paginate } from './pagination';
import { releaseJson } from './release-json';
import { isoSeconds, openRepository, type RouteContext } from './route-context';
import type { Router } from './router';
import type { SandboxGit } from './sandbox-git';
import { takeId, type ServerState, type StoredRelease, type StoredRepository } from './server-state';
import { startWorkflowRuns } from './workflow-runs';

/**
 * Publishing makes the tag real: when `refs/tags/<tag>` is missing it is created (lightweight, as
 * GitHub does) at the release's target.
 */
async function ensureTag(git: SandboxGit, release: StoredRelease): Promise<string> {
  const tagRef = `refs/tags/${release.tagName}`;
  if (await readRef(git, tagRef)) return git.text(['rev-parse', '--verify', '--end-of-options', `${tagRef}^{commit}`]);
  const sha = await resolveCommitish(git, release.targetCommitish);
  if (!sha) throw validationFailed({ resource: 'Release', code: 'invalid', field: 'target_commitish' });
  await createRef(git, tagRef, sha);
  return sha;
}

/** A published release starts the `release` workflows, with the tag as their head branch (as on GitHub). */
async function startReleaseRuns(
  git: SandboxGit,
  state: ServerState,
  repo: StoredRepository,
  release: StoredRelease,
  sha: string,
): Promise<void> {
  await startWorkflowRuns(git, state, repo, {
    event: 'release',
    headBranch: release.tagName,
    headSha: sha,
    title: release.name ?? release.tagName,
  });
}

function findRelease(repo: StoredRepository, id: string | undefined): StoredRelease {
  const release = repo.releases.find((candidate) => String(candidate.id) === id);
  if (!release) throw notFound();
  return release;
}

function optionalString(value: unknown): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

/** List, get by tag, create, update and delete releases, and generate release notes. */
export function addReleaseRoutes(router: Router, context: RouteContext): void {
  const state = context.store.state;
  const json = (repo: StoredRepository, release: StoredRelease) => releaseJson(context.urls, state, repo, release);

  router.add('GET', '/repos/{owner}/{repo}/releases', async ({ params, url }) => {
    const { repo } = openRepository(context, params);
    const page = paginate(
      [...repo.releases].sort((a, b) => b.id - a.id),
      url,
    );
    return { status: 200, body: page.items.map((release) => json(repo, release)), headers: page.headers };
  });

  // GitHub hides drafts here: a draft has no tag yet, so "release by tag" cannot find it.
  router.add('GET', '/repos/{owner}/{repo}/releases/tags/{tag+}', async ({ params }) => {
    const { repo } = openRepository(context, params);
    const release = repo.releases.find((candidate) => candidate.tagName === params.tag && !candidate.draft);
    if (!release) throw notFound();
    return { status: 200, body: json(repo, release) };
  });

  router.add('GET', '/repos/{owner}/{repo}/releases/{id}', async ({ params }) => {
    const { repo } = openRepository(context, params);
    return { status: 200, body: json(repo, findRelease(repo, params.id)) };
  });

  router.add('POST', '/repos/{owner}/{repo}/releases', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const tagName = requireString(body.tag_name, 'Release', 'tag_name');
    return context.lock.run(key, async () => {
      if (repo.releases.some((release) => release.tagName === tagName)) {
        throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
      }
      const now = isoSeconds();
      const draft = body.draft === true;
      const release: StoredRelease = {
        id: takeId(state),
        tagName,
        targetCommitish: optionalString(body.target_commitish) ?? (await defaultBranchOf(git)),
        name: optionalString(body.name) ?? null,
        body: optionalString(body.body) ?? null,
        draft,
        prerelease: body.prerelease === true,
        createdAt: now,
        publishedAt: draft ? null : now,
        authorLogin: state.user.login,
      };
      const taggedSha = draft ? undefined : await ensureTag(git, release);
      repo.releases.push(release);
      if (taggedSha) await startReleaseRuns(git, state, repo, release, taggedSha);
      context.store.save();
      const created = json(repo, release);
      return { status: 201, body: created, headers: { location: created.url } };
    });
  });

  router.add('PATCH', '/repos/{owner}/{repo}/releases/{id}', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    return context.lock.run(key, async () => {
      const release = findRelease(repo, params.id);
      const tagName = optionalString(body.tag_name);
      if (tagName && repo.releases.some((other) => other !== release && other.tagName === tagName)) {
        throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
      }
      const updated: StoredRelease = {
        ...release,
        tagName: tagName ?? release.tagName,
        targetCommitish: optionalString(body.target_commitish) ?? release.targetCommitish,
        name: body.name === undefined ? release.name : (optionalString(body.name) ?? null),
        body: body.body === undefined ? release.body : (optionalString(body.body) ?? null),
        draft: typeof body.draft === 'boolean' ? body.draft : release.draft,
        prerelease: typeof body.prerelease === 'boolean' ? body.prerelease : release.prerelease,
      };
      const taggedSha = updated.draft ? undefined : await ensureTag(git, updated);
      if (!updated.draft) updated.publishedAt = release.publishedAt ?? isoSeconds();
      const publishing = release.draft && !updated.draft;
      Object.assign(release, updated);
      if (publishing && taggedSha) await startReleaseRuns(git, state, repo, release, taggedSha);
      context.store.save();
      return { status: 200, body: json(repo, release) };
    });
  });

  // Deleting a release keeps its tag, as on GitHub.
  router.add('DELETE', '/repos/{owner}/{repo}/releases/{id}', async ({ params }) => {
    const { repo, key } = openRepository(context, params);
    return context.lock.run(key, async () => {
      const release = findRelease(repo, params.id);
      repo.releases = repo.releases.filter((candidate) => candidate !== release);
      context.store.save();
      return { status: 204, body: undefined };
    });
  });

  router.add('POST', '/repos/{owner}/{repo}/releases/generate-notes', async ({ params, body }) => {
    const { repo, git } = openRepository(context, params);
    const tagName = requireString(body.tag_name, 'Release', 'tag_name');
    const notes = await generateReleaseNotes(git, context.urls, repo, {
      tagName,
      targetCommitish: optionalString(body.target_commitish) ?? undefined,
      previousTagName: optionalString(body.previous_tag_name) ?? undefined,
    });
    return { status: 200, body: notes };
  });
}
