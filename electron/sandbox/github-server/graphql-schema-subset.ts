import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The slice of GitHub's GraphQL schema the server answers, written with GitHub's own type, field and
 * argument names, argument types and nullability, so a query valid here is valid on api.github.com
 * (`graphql-schema-subset.test.ts` checks every line against `@octokit/graphql-schema`). Fields and
 * optional arguments GitHub has and Release Desk does not ask for are simply left out.
 *
 * `Tree`, `Blob` and `Tag` carry only `oid`: they exist so that `object(expression:)` can answer
 * truthfully when an expression names something other than a commit.
 */
export const GITHUB_SCHEMA_SUBSET_SDL = /* GraphQL */ `
  "An ISO-8601 encoded UTC date string."
  scalar DateTime

  "A Git object ID."
  scalar GitObjectID

  "An RFC 3986, RFC 3987, and RFC 6570 (level 4) compliant URI string."
  scalar URI

  type Query {
    "Lookup a given repository by the owner and repository name."
    repository(owner: String!, name: String!): Repository
    "The client's rate limit information."
    rateLimit: RateLimit
  }

  type Repository {
    "A Git object in the repository"
    object(oid: GitObjectID, expression: String): GitObject
  }

  interface GitObject {
    oid: GitObjectID!
  }

  type Commit implements GitObject {
    oid: GitObjectID!
    messageHeadline: String!
    """
    The merged Pull Request that introduced the commit to the repository. If the commit is not present in
    the default branch, additionally returns open Pull Requests associated with the commit.
    """
    associatedPullRequests(after: String, first: Int): PullRequestConnection
  }

  type Tree implements GitObject {
    oid: GitObjectID!
  }

  type Blob implements GitObject {
    oid: GitObjectID!
  }

  type Tag implements GitObject {
    oid: GitObjectID!
  }

  type PullRequestConnection {
    nodes: [PullRequest]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  enum PullRequestState {
    OPEN
    CLOSED
    MERGED
  }

  type PullRequest {
    number: Int!
    title: String!
    url: URI!
    mergedAt: DateTime
    state: PullRequestState!
    baseRefName: String!
    headRefName: String!
    author: Actor
    mergeCommit: Commit
    labels(after: String, first: Int): LabelConnection
  }

  interface Actor {
    login: String!
  }

  type User implements Actor {
    login: String!
  }

  type LabelConnection {
    nodes: [Label]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Label {
    name: String!
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    remaining: Int!
    resetAt: DateTime!
  }
`;

let built: GraphQLSchema | undefined;

/** The executable subset schema (built once). Resolvers come from the root value at execution time. */
export function githubSchemaSubset(): GraphQLSchema {
  built ??= buildSchema(GITHUB_SCHEMA_SUBSET_SDL);
  return built;
}
