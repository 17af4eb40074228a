import { requireString, resolveCommitish } from './git-refs';
import { GitHubHttpError, notFound, validationFailed } from './github-error';
import { nodeId, type ServerUrls } from './json-urls';
import { paginate } from './pagination';
import { repositoryJson } from './repository-json';
import { isoSeconds, openRepository, repositoryFacts, type RouteContext } from './route-context';
import type { Router } from './router';
import type { SandboxGit } from './sandbox-git';
import { takeId, type StoredRepository } from './server-state';
import type { StoredCheckRun, StoredCommitStatus } from './stored-rules-and-checks';
import type { TokenRegistry } from './token-permissions';
import { simpleUserJson } from './user-json';

const CHECK_STATUSES: readonly StoredCheckRun['status'][] = ['queued', 'in_progress', 'completed'];
const CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'timed_out'];
const STATUS_STATES: readonly StoredCommitStatus['state'][] = ['error', 'failure', 'pending', 'success'];

/** The commit a full sha names, or GitHub's 422 when the repository has no such commit. */
async function existingCommit(git: SandboxGit, sha: string): Promise<string> {
  const found = /^[0-9a-f]{40}$/.test(sha)
    ? await git.run(['cat-file', '-e', `${sha}^{commit}`], { okExitCodes: [1, 128] })
    : undefined;
  if (found?.exitCode !== 0) throw new GitHubHttpError(422, `No commit found for SHA: ${sha}`);
  return sha;
}

/** `{ref}` of `/commits/{ref}/...`: a sha, branch or tag. GitHub answers 422 for one it cannot find. */
async function commitOfRef(git: SandboxGit, ref: string): Promise<string> {
  // A full sha (what clients send for a PR's head) needs one git call, not a branch and tag lookup first.
  if (/^[0-9a-f]{40}$/.test(ref)) return existingCommit(git, ref);
  const sha = await resolveCommitish(git, ref);
  if (!sha) throw new GitHubHttpError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw validationFailed({ resource: 'CheckRun', code: 'invalid', field });
  return value;
}

/** The app that "ran" sandbox checks: GitHub Actions, as most check runs a release manager sees come from it. */
function checksApp(urls: ServerUrls) {
  const created = '2018-07-30T09:30:17Z';
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: nodeId('App', 15368),
    owner: simpleUserJson(urls, 'github', 9919, 'Organization'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${urls.html}/apps/github-actions`,
    created_at: created,
    updated_at: created,
    permissions: { checks: 'write', contents: 'write', metadata: 'read' },
    events: ['check_run', 'check_suite', 'pull_request', 'push'],
  };
}

/**
 * GitHub's `check-run`; `pull_requests` lists the open PRs whose head is the run's commit, which is
 * why it takes the branch tips (read once per request, not per run).
 */
function checkRunJson(urls: ServerUrls, repo: StoredRepository, run: StoredCheckRun, branches: Map<string, string>) {
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${urls.api}/repos/${fullName}/check-runs/${run.id}`;
  const repoRef = { id: repo.id, url: `${urls.api}/repos/${fullName}`, name: repo.name };
  const pulls = repo.pulls.filter((pull) => pull.state === 'open' && branches.get(pull.head) === run.headSha);
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CheckRun', run.id),
    external_id: run.externalId,
    url,
    html_url: `${urls.html}/${fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: { ...run.output, annotations_count: 0, annotations_url: `${url}/annotations` },
    name: run.name,
    // One suite per commit, as GitHub groups one app's runs on a commit.
    check_suite: { id: Number.parseInt(run.headSha.slice(0, 8), 16) },
    app: checksApp(urls),
    pull_requests: pulls.map((pull) => ({
      id: pull.id,
      number: pull.number,
      url: `${urls.api}/repos/${fullName}/pulls/${pull.number}`,
      head: { ref: pull.head, sha: branches.get(pull.head) ?? run.headSha, repo: repoRef },
      base: { ref: pull.base, sha: branches.get(pull.base) ?? run.headSha, repo: repoRef },
    })),
  };
}

/** Applies the fields of a create or update body; `conclusion` implies `completed`, as on GitHub. */
function applyCheckRunFields(run: StoredCheckRun, body: Record<string, unknown>): void {
  if (body.name !== undefined) run.name = requireString(body.name, 'CheckRun', 'name');
  if (body.details_url !== undefined) run.detailsUrl = optionalString(body.details_url, 'details_url');
  if (body.external_id !== undefined) run.externalId = optionalString(body.external_id, 'external_id');
  if (body.started_at !== undefined) run.startedAt = optionalString(body.started_at, 'started_at');
  if (body.status !== undefined) {
    if (!CHECK_STATUSES.includes(body.status as StoredCheckRun['status'])) {
      throw validationFailed({ resource: 'CheckRun', code: 'invalid', field: 'status' });
    }
    run.status = body.status as StoredCheckRun['status'];
  }
  if (body.conclusion !== undefined) {
    if (typeof body.conclusion !== 'string' || !CONCLUSIONS.includes(body.conclusion)) {
      throw validationFailed({ resource: 'CheckRun', code: 'invalid', field: 'conclusion' });
    }
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed' && !run.conclusion) {
    throw new GitHubHttpError(422, 'Invalid request.\n\n"conclusion" wasn\'t supplied.');
  }
  if (run.status !== 'completed') run.conclusion = null;
  if (run.status === 'completed') {
    run.completedAt = optionalString(body.completed_at, 'completed_at') ?? run.completedAt ?? isoSeconds();
  }
  if (body.output !== undefined) {
    const output =
      typeof body.output === 'object' && body.output !== null ? (body.output as Record<string, unknown>) : {};
    run.output = {
      title: optionalString(output.title, 'output.title'),
      summary: optionalString(output.summary, 'output.summary'),
      text: optionalString(output.text, 'output.text'),
    };
  }
}

/** GitHub's `simple-commit-status` (inside the combined status); `status` adds the creator. */
function simpleStatusJson(urls: ServerUrls, repo: StoredRepository, status: StoredCommitStatus) {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    url: `${urls.api}/repos/${fullName}/statuses/${status.sha}`,
    avatar_url: null,
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
  };
}

/** GitHub's combined state: failure beats pending beats success; no statuses at all is pending. */
export function combinedState(latest: StoredCommitStatus[]): 'failure' | 'pending' | 'success' {
  if (latest.some((status) => status.state === 'failure' || status.state === 'error')) return 'failure';
  if (latest.length === 0 || latest.some((status) => status.state === 'pending')) return 'pending';
  return 'success';
}

/** Check runs (create, update, list for a ref) and commit statuses (create, combined for a ref). */
export function addStatusRoutes(router: Router, context: RouteContext, tokens: TokenRegistry): void {
  const state = context.store.state;

  router.add('POST', '/repos/{owner}/{repo}/check-runs', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    const name = requireString(body.name, 'CheckRun', 'name');
    const headSha = await existingCommit(git, requireString(body.head_sha, 'CheckRun', 'head_sha'));
    return context.lock.run(key, async () => {
      const run: StoredCheckRun = {
        id: takeId(state),
        name,
        headSha,
        status: 'queued',
        conclusion: null,
        detailsUrl: null,
        externalId: null,
        startedAt: isoSeconds(),
        completedAt: null,
        output: { title: null, summary: null, text: null },
      };
      applyCheckRunFields(run, body);
      repo.checkRuns = [...(repo.checkRuns ?? []), run];
      context.store.save();
      const { branches } = await repositoryFacts(git, repo);
      return { status: 201, body: checkRunJson(context.urls, repo, run, branches) };
    });
  });

  router.add('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', async ({ params, body }) => {
    const { repo, git, key } = openRepository(context, params);
    return context.lock.run(key, async () => {
      const run = (repo.checkRuns ?? []).find((candidate) => String(candidate.id) === params.check_run_id);
      if (!run) throw notFound();
      // Validate on a copy, so a rejected update leaves the run as it was.
      const updated: StoredCheckRun = { ...run, output: { ...run.output } };
      applyCheckRunFields(updated, body);
      Object.assign(run, updated);
      context.store.save();
      const { branches } = await repositoryFacts(git, repo);
      return { status: 200, body: checkRunJson(context.urls, repo, run, branches) };
    });
  });

  router.add('GET', '/repos/{owner}/{repo}/commits/{ref+}/check-runs', async ({ params, query, url }) => {
    const { repo, git } = openRepository(context, params);
    const sha = await commitOfRef(git, params.ref ?? '');
    const name = query.get('check_name');
    const status = query.get('status');
    let runs = (repo.checkRuns ?? []).filter((run) => run.headSha === sha).sort((a, b) => b.id - a.id);
    // `filter=latest` (the default) keeps the newest run of each name.
    if (query.get('filter') !== 'all') {
      runs = runs.filter((run, index) => runs.findIndex((other) => other.name === run.name) === index);
    }
    runs = runs.filter((run) => (!name || run.name === name) && (!status || run.status === status));
    const page = paginate(runs, url);
    const { branches } = await repositoryFacts(git, repo);
    const checkRuns = page.items.map((run) => checkRunJson(context.urls, repo, run, branches));
    return { status: 200, body: { total_count: runs.length, check_runs: checkRuns }, headers: page.headers };
  });

  router.add('POST', '/repos/{owner}/{repo}/statuses/{sha}', async ({ params, body, raw }) => {
    const { repo, git, key } = openRepository(context, params);
    const sha = await existingCommit(git, params.sha ?? '');
    if (!STATUS_STATES.includes(body.state as StoredCommitStatus['state'])) {
      throw validationFailed({ resource: 'Status', code: 'invalid', field: 'state' });
    }
    const grant = tokens.grantOf(raw);
    return context.lock.run(key, async () => {
      const status: StoredCommitStatus = {
        id: takeId(state),
        sha,
        state: body.state as StoredCommitStatus['state'],
        context: typeof body.context === 'string' && body.context !== '' ? body.context : 'default',
        description: typeof body.description === 'string' ? body.description : null,
        targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
        createdAt: isoSeconds(),
        creatorLogin: grant.login,
      };
      repo.statuses = [...(repo.statuses ?? []), status];
      context.store.save();
      const json = {
        ...simpleStatusJson(context.urls, repo, status),
        creator: simpleUserJson(context.urls, grant.login, grant.userId),
      };
      return { status: 201, body: json, headers: { location: json.url } };
    });
  });

  router.add('GET', '/repos/{owner}/{repo}/commits/{ref+}/status', async ({ params, url }) => {
    const { repo, git } = openRepository(context, params);
    const sha = await commitOfRef(git, params.ref ?? '');
    const newestFirst = (repo.statuses ?? []).filter((status) => status.sha === sha).sort((a, b) => b.id - a.id);
    const latest = newestFirst.filter(
      (status, index) => newestFirst.findIndex((other) => other.context === status.context) === index,
    );
    const fullName = `${repo.owner}/${repo.name}`;
    const facts = await repositoryFacts(git, repo);
    const page = paginate(latest, url);
    return {
      status: 200,
      body: {
        state: combinedState(latest),
        statuses: page.items.map((status) => simpleStatusJson(context.urls, repo, status)),
        sha,
        total_count: latest.length,
        repository: repositoryJson(context.urls, state, repo, facts),
        commit_url: `${context.urls.api}/repos/${fullName}/commits/${sha}`,
        url: `${context.urls.api}/repos/${fullName}/commits/${sha}/status`,
      },
      headers: page.headers,
    };
  });
}
