import { GitHubHttpError, notFound, validationFailed } from './github-error';
import { defaultBranchOf, moveRef, requireString } from './git-refs';
import { rulesRefusal } from './merge-requirements';
import { paginate } from './pagination';
import { writeMerge, trialMerge, type MergeMethod } from './pull-merge';
import { pullRequestJson, pullRequestSimpleJson, type PullRequestFacts } from './pull-request-json';
import {
  isoSeconds,
  openRepository,
  repositoryFacts,
  type RepositorySnapshot,
  type RouteContext,
} from './route-context';
import type { Router } from './router';
import type { SandboxGit } from './sandbox-git';
import { takeId, type StoredPullRequest, type StoredRepository } from './server-state';

const ZERO_SHA = '0'.repeat(40);
const MERGE_METHODS: readonly MergeMethod[] = ['merge', 'squash', 'rebase'];

/** Head and base commits: live for an open PR, as they were at closing for a closed one. */
async function pullFacts(
  git: SandboxGit,
  repo: StoredRepository,
  pull: StoredPullRequest,
  known?: RepositorySnapshot,
): Promise<PullRequestFacts> {
  const repository = known ?? (await repositoryFacts(git, repo));
  if (pull.state === 'closed') {
    return { headSha: pull.lastHeadSha ?? ZERO_SHA, baseSha: pull.lastBaseSha ?? ZERO_SHA, repository };
  }
  // A deleted head branch leaves the PR at the head it last had.
  const headSha = repository.branches.get(pull.head) ?? pull.lastHeadSha ?? ZERO_SHA;
  const baseSha = repository.branches.get(pull.base) ?? ZERO_SHA;
  return { headSha, baseSha, repository };
}

/** The single-PR view: adds mergeability (a trial merge) and the commit count. */
async function pullDetail(
  context: RouteContext,
  git: SandboxGit,
  repo: StoredRepository,
  pull: StoredPullRequest,
  known?: RepositorySnapshot,
) {
  const facts = await pullFacts(git, repo, pull, known);
  const open = pull.state === 'open' && facts.headSha !== ZERO_SHA && facts.baseSha !== ZERO_SHA;
  const mergeable = open ? (await trialMerge(git, facts.baseSha, facts.headSha)).clean : null;
  const commits = facts.headSha === ZERO_SHA || facts.baseSha === ZERO_SHA ? 0 : await countCommits(git, facts);
  let mergeableState = 'unknown';
  if (open && !mergeable) mergeableState = 'dirty';
  if (open && mergeable) {
    const refusal = await rulesRefusal(git, repo, pull, { ...facts, defaultBranch: facts.repository.defaultBranch });
    mergeableState = refusal?.kind ?? 'clean';
  }
  return pullRequestJson(context.urls, context.store.state, repo, pull, {
    ...facts,
    mergeable,
    mergeableState,
    commits,
  });
}

async function countCommits(git: SandboxGit, facts: { baseSha: string; headSha: string }): Promise<number> {
  return Number(await git.text(['rev-list', '--count', `${facts.baseSha}..${facts.headSha}`]));
}

/** `head` filters are `owner:branch` on GitHub; a bare branch name is accepted too. */
function headBranch(filter: string): string {
  const colon = filter.indexOf(':');
  return colon === -1 ? filter : filter.slice(colon + 1);
}

function findPull(repo: StoredRepository, number: string | undefined): StoredPullRequest {
  const pull = repo.pulls.find((candidate) => String(candidate.number) === number);
  if (!pull) throw notFound();
  return pull;
}

/** List, create, get and merge pull requests. */
export function addPullRequestRoutes(router: Router, context: RouteContext): void {
  const state = context.store.state;

  router.add('GET', '/repos/{owner}/{repo}/pulls', async ({ params, query, url }) => {
    const { repo, git } = openRepository(context, params);
    const wanted = query.get('state') ?? 'open';
    const head = query.get('head');
    const base = query.get('base');
    const matching = repo.pulls
      .filter((pull) => wanted === 'all' || pull.state === wanted)
      .filter((pull) => !head || pull.head === headBranch(head))
      .filter((pull) => !base || pull.base === base)
      .sort((a, b) => b.number - a.number);
    const page = paginate(matching, url);
    const body = [];
    const repository = await repositoryFacts(git, repo);
    for (const pull of page.items) {
      body.push(pullRequestSimpleJson(context.urls, state, repo, pull, await pullFacts(git, repo, pull, repository)));
    }
    return { status: 200, body, headers: page.headers };
  });

  router.add('POST', '/repos/{owner}/{repo}/pulls', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const title = requireString(body.title, 'PullRequest', 'title');
    const head = headBranch(requireString(body.head, 'PullRequest', 'head'));
    const base = requireString(body.base, 'PullRequest', 'base');
    return context.lock.run(key, async () => {
      const snapshot = await repositoryFacts(git, repo);
      const headSha = snapshot.branches.get(head);
      const baseSha = snapshot.branches.get(base);
      if (!headSha) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
      if (!baseSha) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
      if (repo.pulls.some((pull) => pull.state === 'open' && pull.head === head && pull.base === base)) {
        throw validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${head}.`,
        });
      }
      if ((await countCommits(git, { baseSha, headSha })) === 0) {
        throw validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${base} and ${head}`,
        });
      }
      const now = isoSeconds();
      const pull: StoredPullRequest = {
        id: takeId(state),
        number: repo.nextNumber,
        title,
        body: typeof body.body === 'string' ? body.body : null,
        head,
        base,
        state: 'open',
        merged: false,
        mergedAt: null,
        mergeCommitSha: null,
        closedAt: null,
        lastHeadSha: headSha,
        lastBaseSha: null,
        userLogin: state.user.login,
        createdAt: now,
        updatedAt: now,
      };
      repo.nextNumber += 1;
      repo.pulls.push(pull);
      context.store.save();
      const json = await pullDetail(context, git, repo, pull, snapshot);
      return { status: 201, body: json, headers: { location: json.url } };
    });
  });

  router.add('GET', '/repos/{owner}/{repo}/pulls/{number}', async ({ params }) => {
    const { repo, git } = openRepository(context, params);
    return { status: 200, body: await pullDetail(context, git, repo, findPull(repo, params.number)) };
  });

  router.add('PUT', '/repos/{owner}/{repo}/pulls/{number}/merge', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const method = (body.merge_method ?? 'merge') as MergeMethod;
    if (!MERGE_METHODS.includes(method)) {
      throw validationFailed({ resource: 'PullRequest', field: 'merge_method', code: 'invalid' });
    }
    return context.lock.run(key, async () => {
      const pull = findPull(repo, params.number);
      if (pull.state !== 'open') throw new GitHubHttpError(405, 'Pull Request is not mergeable');
      const { headSha, baseSha } = await pullFacts(git, repo, pull);
      if (typeof body.sha === 'string' && body.sha !== headSha) {
        throw new GitHubHttpError(409, 'Head branch was modified. Review and try the merge again.');
      }
      const refusal = await rulesRefusal(git, repo, pull, {
        headSha,
        baseSha,
        defaultBranch: await defaultBranchOf(git),
      });
      if (refusal) throw new GitHubHttpError(405, refusal.message);
      const identity = { name: state.user.name, email: state.user.email };
      const newTip = await writeMerge(git, {
        method,
        baseSha,
        headSha,
        number: pull.number,
        title: pull.title,
        headLabel: `${repo.owner}/${pull.head}`,
        author: identity,
        committer: { name: 'GitHub', email: 'noreply@github.com' },
        ...(typeof body.commit_title === 'string' ? { commitTitle: body.commit_title } : {}),
        ...(typeof body.commit_message === 'string' ? { commitMessage: body.commit_message } : {}),
      });
      if (!newTip) throw new GitHubHttpError(405, 'Pull Request is not mergeable');
      await moveRef(git, `refs/heads/${pull.base}`, newTip, baseSha);
      const now = isoSeconds();
      Object.assign(pull, {
        state: 'closed',
        merged: true,
        mergedAt: now,
        closedAt: now,
        updatedAt: now,
        mergeCommitSha: newTip,
        lastHeadSha: headSha,
        lastBaseSha: baseSha,
      } satisfies Partial<StoredPullRequest>);
      context.store.save();
      return { status: 200, body: { sha: newTip, merged: true, message: 'Pull Request successfully merged' } };
    });
  });

  router.add('PATCH', '/repos/{owner}/{repo}/pulls/{number}', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const title = body.title === undefined ? undefined : requireString(body.title, 'PullRequest', 'title');
    if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') {
      throw validationFailed({ resource: 'PullRequest', field: 'body', code: 'invalid' });
    }
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
      throw validationFailed({ resource: 'PullRequest', field: 'state', code: 'invalid' });
    }
    const base = body.base === undefined ? undefined : requireString(body.base, 'PullRequest', 'base');
    return context.lock.run(key, async () => {
      const pull = findPull(repo, params.number);
      const snapshot = await repositoryFacts(git, repo);
      // Every check comes before any change, so a refused update changes nothing.
      if (base !== undefined && base !== pull.base && (pull.state !== 'open' || !snapshot.branches.has(base))) {
        throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
      }
      const reopening = body.state === 'open' && pull.state === 'closed';
      if (reopening && (pull.merged || !snapshot.branches.has(pull.head))) {
        throw validationFailed({
          resource: 'PullRequest',
          field: 'state',
          code: 'custom',
          message: 'state cannot be changed. The pull request cannot be reopened.',
        });
      }
      const target = base ?? pull.base;
      const duplicate = repo.pulls.some(
        (other) => other !== pull && other.state === 'open' && other.head === pull.head && other.base === target,
      );
      if (duplicate && (reopening || (pull.state === 'open' && target !== pull.base))) {
        throw validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${pull.head}.`,
        });
      }
      const now = isoSeconds();
      if (base !== undefined) pull.base = base;
      if (title !== undefined) pull.title = title;
      if (body.body !== undefined) pull.body = body.body as string | null;
      if (body.state === 'closed' && pull.state === 'open') {
        const facts = await pullFacts(git, repo, pull, snapshot);
        Object.assign(pull, {
          state: 'closed',
          closedAt: now,
          lastHeadSha: facts.headSha,
          lastBaseSha: facts.baseSha,
        } satisfies Partial<StoredPullRequest>);
      }
      if (reopening) Object.assign(pull, { state: 'open', closedAt: null } satisfies Partial<StoredPullRequest>);
      pull.updatedAt = now;
      context.store.save();
      return { status: 200, body: await pullDetail(context, git, repo, pull, snapshot) };
    });
  });
}
