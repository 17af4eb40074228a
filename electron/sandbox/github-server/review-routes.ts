import { branchSha } from './git-refs';
import { GitHubHttpError, notFound } from './github-error';
import { nodeId, type ServerUrls } from './json-urls';
import { paginate } from './pagination';
import { isoSeconds, openRepository, type RouteContext } from './route-context';
import type { Router } from './router';
import type { SandboxGit } from './sandbox-git';
import { takeId, type StoredPullRequest, type StoredRepository } from './server-state';
import type { StoredReview } from './stored-rules-and-checks';
import type { TokenRegistry } from './token-permissions';
import { simpleUserJson } from './user-json';

/** The review states each `event` submits. */
const EVENT_STATES: Record<string, StoredReview['state']> = {
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  COMMENT: 'COMMENTED',
};

/** GitHub's 422 for reviews: "Unprocessable Entity" with plain-string `errors` (`validation-error-simple`). */
class ReviewRejected extends GitHubHttpError {
  constructor(private readonly reasons: string[]) {
    super(422, 'Unprocessable Entity');
  }

  override toBody(): Record<string, unknown> {
    return { ...super.toBody(), errors: this.reasons };
  }
}

function findPull(repo: StoredRepository, number: string | undefined): StoredPullRequest {
  const pull = repo.pulls.find((candidate) => String(candidate.number) === number);
  if (!pull) throw notFound();
  return pull;
}

/** The PR's head commit now: the live branch while open, the last known head once closed or deleted. */
async function currentHeadSha(git: SandboxGit, pull: StoredPullRequest): Promise<string> {
  const live = pull.state === 'open' ? await branchSha(git, pull.head) : undefined;
  return live ?? pull.lastHeadSha ?? '0'.repeat(40);
}

/** GitHub's `pull-request-review`. */
function reviewJson(urls: ServerUrls, repo: StoredRepository, pull: StoredPullRequest, review: StoredReview) {
  const fullName = `${repo.owner}/${repo.name}`;
  const htmlUrl = `${urls.html}/${fullName}/pull/${pull.number}#pullrequestreview-${review.id}`;
  const pullUrl = `${urls.api}/repos/${fullName}/pulls/${pull.number}`;
  return {
    id: review.id,
    node_id: nodeId('PullRequestReview', review.id),
    user: simpleUserJson(urls, review.userLogin, review.userId),
    body: review.body,
    state: review.state,
    html_url: htmlUrl,
    pull_request_url: pullUrl,
    _links: { html: { href: htmlUrl }, pull_request: { href: pullUrl } },
    ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
    commit_id: review.commitId,
    author_association: review.userLogin === repo.owner ? 'OWNER' : 'COLLABORATOR',
  };
}

/** `GET` and `POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`. */
export function addReviewRoutes(router: Router, context: RouteContext, tokens: TokenRegistry): void {
  router.add('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', async ({ params, url, raw }) => {
    const { repo } = openRepository(context, params);
    const pull = findPull(repo, params.pull_number);
    const viewer = tokens.grantOf(raw).login;
    // A pending review is a draft: only its author sees it.
    const visible = (pull.reviews ?? []).filter((review) => review.state !== 'PENDING' || review.userLogin === viewer);
    const page = paginate(visible, url);
    return {
      status: 200,
      body: page.items.map((review) => reviewJson(context.urls, repo, pull, review)),
      headers: page.headers,
    };
  });

  router.add('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', async ({ params, body, raw }) => {
    const { repo, git, key } = openRepository(context, params);
    const grant = tokens.grantOf(raw);
    const event = body.event;
    if (event !== undefined && (typeof event !== 'string' || !EVENT_STATES[event])) {
      throw new ReviewRejected([`Invalid event: ${String(event)}`]);
    }
    const text = typeof body.body === 'string' ? body.body : '';
    return context.lock.run(key, async () => {
      const pull = findPull(repo, params.pull_number);
      if (event === 'APPROVE' && grant.login === pull.userLogin) {
        throw new ReviewRejected(['Can not approve your own pull request']);
      }
      if (event === 'REQUEST_CHANGES' && grant.login === pull.userLogin) {
        throw new ReviewRejected(['Can not request changes on your own pull request']);
      }
      if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && text.trim() === '') {
        throw new ReviewRejected(["Body can't be blank"]);
      }
      const reviews = pull.reviews ?? [];
      if (!event && reviews.some((review) => review.state === 'PENDING' && review.userLogin === grant.login)) {
        throw new ReviewRejected(['User can only have one pending review per pull request']);
      }
      const commitId =
        typeof body.commit_id === 'string' && /^[0-9a-f]{40}$/.test(body.commit_id)
          ? body.commit_id
          : await currentHeadSha(git, pull);
      const review: StoredReview = {
        id: takeId(context.store.state),
        userLogin: grant.login,
        userId: grant.userId,
        body: text,
        state: typeof event === 'string' ? (EVENT_STATES[event] ?? 'PENDING') : 'PENDING',
        commitId,
        submittedAt: event ? isoSeconds() : null,
      };
      pull.reviews = [...reviews, review];
      context.store.save();
      return { status: 200, body: reviewJson(context.urls, repo, pull, review) };
    });
  });
}
