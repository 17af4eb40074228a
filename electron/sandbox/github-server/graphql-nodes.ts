import { GraphQLError } from 'graphql';
import { createGitObjectLoader, type GitObjectLoader, type GitObjectTypeName } from './git-object-loader';
import type { PullRequestAssociations } from './pull-request-associations';
import type { RouteContext } from './route-context';
import type { SandboxGit } from './sandbox-git';
import { repoKey, type StoredPullRequest, type StoredRepository } from './server-state';

// The objects below are the GraphQL root value and what its fields return. graphql-js's default
// resolver reads a plain property, or calls a function property with the field's arguments, so each
// node is a plain object whose costly fields are functions run only when a query selects them.

const SHA = /^[0-9a-f]{40}$/i;
/** GitHub's largest page for any connection. */
const MAX_PAGE = 100;

/** An error GitHub reports with a `type` beside its message (NOT_FOUND, EXCESSIVE_PAGINATION, ...). */
export function typedGraphqlError(message: string, type: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/** `first` and `after`: the forward pagination GitHub's connections take. */
export interface ConnectionArguments {
  first?: number | null;
  after?: string | null;
}

/** A page of a connection, as `nodes`, `pageInfo` and `totalCount`. */
export interface Connection<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

const encodeCursor = (index: number) => Buffer.from(`cursor:v2:${index}`).toString('base64');

function decodeCursor(cursor: string): number | undefined {
  const match = /^cursor:v2:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Checks the page bounds the way GitHub does, before any work is done for the page. */
function pageBounds(args: ConnectionArguments, field: string): { start: number; size: number } {
  const first = args.first;
  if (first === undefined || first === null) {
    throw typedGraphqlError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
      'MISSING_PAGINATION_BOUNDARIES',
    );
  }
  if (first < 0)
    throw typedGraphqlError(`\`first\` on the \`${field}\` connection cannot be less than zero.`, 'INVALID');
  if (first > MAX_PAGE) {
    throw typedGraphqlError(
      `Requesting ${first} records on the \`${field}\` connection exceeds the \`first\` limit of ${MAX_PAGE} records.`,
      'EXCESSIVE_PAGINATION',
    );
  }
  if (args.after === undefined || args.after === null) return { start: 0, size: first };
  const after = decodeCursor(args.after);
  if (after === undefined) {
    throw typedGraphqlError(`\`${args.after}\` does not appear to be a valid cursor.`, 'INVALID_CURSOR_ARGUMENTS');
  }
  return { start: after + 1, size: first };
}

function page<T, N>(
  items: readonly T[],
  bounds: { start: number; size: number },
  toNode: (item: T) => N,
): Connection<N> {
  const slice = items.slice(bounds.start, bounds.start + bounds.size);
  const last = bounds.start + slice.length - 1;
  return {
    nodes: slice.map(toNode),
    totalCount: items.length,
    pageInfo: {
      startCursor: slice.length > 0 ? encodeCursor(bounds.start) : null,
      endCursor: slice.length > 0 ? encodeCursor(last) : null,
      hasNextPage: bounds.start + slice.length < items.length,
      hasPreviousPage: bounds.start > 0,
    },
  };
}

/** One repository as seen by one request: its git, a batching object loader and the PR index. */
class RepositoryScope {
  readonly git: SandboxGit;
  readonly objects: GitObjectLoader;
  private index: Promise<Map<string, StoredPullRequest[]>> | undefined;

  constructor(
    readonly context: RouteContext,
    readonly repo: StoredRepository,
    private readonly associations: PullRequestAssociations,
  ) {
    this.git = context.store.git(repo);
    this.objects = createGitObjectLoader(this.git);
  }

  /** The PRs associated with a commit; the index is built once per request, on first use. */
  async pullsOf(sha: string): Promise<StoredPullRequest[]> {
    this.index ??= branchTips(this.git).then((branches) => this.associations.index(this.git, this.repo, branches));
    return (await this.index).get(sha) ?? [];
  }

  pullUrl(pull: StoredPullRequest): string {
    return `${this.context.urls.html}/${this.repo.owner}/${this.repo.name}/pull/${pull.number}`;
  }
}

/** Branch name → tip, for the open PRs' live ranges (one `for-each-ref`). */
async function branchTips(git: SandboxGit): Promise<Map<string, string>> {
  const listed = await git.text(['for-each-ref', '--format=%(objectname) %(refname:lstrip=2)', 'refs/heads']);
  const tips = new Map<string, string>();
  for (const line of listed.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) tips.set(line.slice(space + 1), line.slice(0, space));
  }
  return tips;
}

/** Resolves `object(expression:)` (a branch, tag, sha or `rev:path`) to an object id. */
async function resolveExpression(git: SandboxGit, expression: string): Promise<string | undefined> {
  if (expression === '' || expression.startsWith('-') || /[\0\n]/.test(expression)) return undefined;
  const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', expression], {
    okExitCodes: [1, 128],
  });
  const sha = result.stdout.trim();
  return result.exitCode === 0 && SHA.test(sha) ? sha : undefined;
}

function commitNode(scope: RepositoryScope, oid: string) {
  return {
    __typename: 'Commit' as const,
    oid,
    messageHeadline: () => scope.objects.headlineOf(oid),
    associatedPullRequests: async (args: ConnectionArguments) => {
      const bounds = pageBounds(args, 'associatedPullRequests');
      return page(await scope.pullsOf(oid), bounds, (pull) => pullRequestNode(scope, pull));
    },
  };
}

function pullRequestNode(scope: RepositoryScope, pull: StoredPullRequest) {
  return {
    number: pull.number,
    title: pull.title,
    url: scope.pullUrl(pull),
    mergedAt: pull.mergedAt,
    state: pull.merged ? 'MERGED' : pull.state === 'open' ? 'OPEN' : 'CLOSED',
    baseRefName: pull.base,
    headRefName: pull.head,
    author: { __typename: 'User' as const, login: pull.userLogin },
    mergeCommit: pull.merged && pull.mergeCommitSha ? commitNode(scope, pull.mergeCommitSha) : null,
    // The server stores no labels yet (REST answers `labels: []` too), so every PR has none.
    labels: (args: ConnectionArguments) =>
      page<string, { name: string }>([], pageBounds(args, 'labels'), (name) => ({
        name,
      })),
  };
}

function repositoryNode(scope: RepositoryScope) {
  return {
    object: async ({ oid, expression }: { oid?: string | null; expression?: string | null }) => {
      let sha: string | undefined;
      if (oid !== undefined && oid !== null) {
        if (!SHA.test(oid)) {
          throw new GraphQLError(
            `Argument 'oid' on Field 'object' has an invalid value (${oid}). Expected type 'GitObjectID'.`,
          );
        }
        sha = oid.toLowerCase();
      } else if (expression !== undefined && expression !== null) {
        sha = await resolveExpression(scope.git, expression);
      } else {
        throw typedGraphqlError("Either 'oid' or 'expression' must be provided.", 'INVALID');
      }
      const type: GitObjectTypeName | undefined = sha ? await scope.objects.typeOf(sha) : undefined;
      if (!sha || !type) return null;
      return type === 'Commit' ? commitNode(scope, sha) : { __typename: type, oid: sha };
    },
  };
}

/**
 * The root value for one GraphQL request: `repository(owner, name)` plus whatever `extra` root fields
 * the endpoint adds (`rateLimit`). Repositories are matched case-insensitively, as GitHub does.
 */
export function queryRoot<Extra extends object>(
  context: RouteContext,
  associations: PullRequestAssociations,
  extra: Extra,
) {
  const scopes = new Map<string, RepositoryScope>();
  return {
    ...extra,
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const key = repoKey(owner, name);
      const repo = context.store.state.repos[key];
      if (!repo) {
        throw typedGraphqlError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, 'NOT_FOUND');
      }
      let scope = scopes.get(key);
      if (!scope) {
        scope = new RepositoryScope(context, repo, associations);
        scopes.set(key, scope);
      }
      return repositoryNode(scope);
    },
  };
}
