import { randomUUID } from 'node:crypto';
import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { queryRoot } from './graphql-nodes';
import { GraphqlRateLimit, queryCost, rateLimitHeaders } from './graphql-rate-limit';
import { githubSchemaSubset } from './graphql-schema-subset';
import { PullRequestAssociations } from './pull-request-associations';
import { isoSeconds, type RouteContext } from './route-context';
import type { RouteResponse, Router } from './router';

/** One entry of a GraphQL answer's `errors`, in GitHub's shape. */
export interface GraphqlErrorJson {
  message: string;
  type?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
}

/** Options for {@link addGraphqlRoute}. */
export interface GraphqlRouteOptions {
  /** Receives unexpected errors (a failed git command); the client only sees GitHub's generic message. */
  onError?: (error: unknown) => void;
}

/** GitHub answers GraphQL errors, even a query that does not parse, with 200 and an `errors` array. */
function answer(
  body: { data?: unknown; errors?: GraphqlErrorJson[] },
  headers?: Record<string, string>,
): RouteResponse {
  return { status: 200, body, ...(headers ? { headers } : {}) };
}

/**
 * GitHub's shape for one error: `type` (NOT_FOUND, ...) beside the message rather than under
 * `extensions`. A resolver's unexpected failure becomes GitHub's own "Something went wrong" message,
 * never git's stderr; Octokit's retry plugin retries on exactly that message.
 */
function errorJson(error: GraphQLError, onError: ((error: unknown) => void) | undefined): GraphqlErrorJson {
  const type = typeof error.extensions.type === 'string' ? error.extensions.type : undefined;
  const unexpected = type === undefined && error.originalError && !(error.originalError instanceof GraphQLError);
  if (unexpected) onError?.(error.originalError);
  return {
    message: unexpected
      ? `Something went wrong while executing your query. Please include \`${randomUUID().toUpperCase()}\` when reporting this issue.`
      : error.message,
    ...(type ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
  };
}

/**
 * `POST /graphql`: runs queries with graphql-js against the subset of GitHub's schema in
 * `graphql-schema-subset.ts`, over the server's repositories and stored PRs, and reports the cost in
 * `rateLimit` and the `x-ratelimit-*` headers as GitHub does.
 */
export function addGraphqlRoute(router: Router, context: RouteContext, options: GraphqlRouteOptions = {}): void {
  const schema = githubSchemaSubset();
  const associations = new PullRequestAssociations();
  const rateLimit = new GraphqlRateLimit();

  router.add('POST', '/graphql', async ({ body }) => {
    if (typeof body.query !== 'string' || body.query.trim() === '') {
      return answer({ errors: [{ message: 'A query attribute must be specified and must be a string.' }] });
    }
    const variables = body.variables ?? {};
    if (typeof variables !== 'object' || Array.isArray(variables)) {
      return answer({ errors: [{ message: 'Variables are invalid JSON.' }] });
    }
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      if (error instanceof GraphQLError) return answer({ errors: [errorJson(error, options.onError)] });
      throw error;
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return answer({ errors: invalid.map((error) => errorJson(error, options.onError)) });

    const reading = rateLimit.charge(queryCost(document, operationName, variables as Record<string, unknown>));
    const rootValue = queryRoot(context, associations, {
      rateLimit: {
        cost: reading.cost,
        limit: reading.limit,
        remaining: reading.remaining,
        resetAt: isoSeconds(reading.resetAt),
      },
    });
    const result: ExecutionResult = await execute({
      schema,
      document,
      rootValue,
      variableValues: variables as Record<string, unknown>,
      operationName,
    });
    return answer(
      {
        ...(result.data === undefined ? {} : { data: result.data }),
        ...(result.errors ? { errors: result.errors.map((error) => errorJson(error, options.onError)) } : {}),
      },
      rateLimitHeaders(reading),
    );
  });
}
