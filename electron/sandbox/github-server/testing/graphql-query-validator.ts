import type { Octokit as OctokitCore } from '@octokit/core';
import type { Octokit } from '@octokit/rest';
import { schema as githubSchemaSource } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';

let githubSchema: GraphQLSchema | undefined;

/**
 * GitHub's public GraphQL schema from `@octokit/graphql-schema`. Built from the introspection JSON:
 * the package's SDL text repeats two fields, which graphql-js refuses to build.
 */
export function githubGraphqlSchema(): GraphQLSchema {
  githubSchema ??= buildClientSchema(githubSchemaSource.json as unknown as IntrospectionQuery);
  return githubSchema;
}

/**
 * The problems GitHub would report for a query and its variables before running it: the query's
 * validation errors against GitHub's schema, then any variable that does not coerce to its declared type.
 */
export function githubQueryProblems(query: string, variables: Record<string, unknown> = {}): string[] {
  const schema = githubGraphqlSchema();
  const document = parse(query);
  const problems = validate(schema, document).map((error) => error.message);
  if (problems.length > 0) return problems;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const operation: OperationDefinitionNode = definition;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    problems.push(...(coerced.errors ?? []).map((error) => error.message));
  }
  return problems;
}

/** A GraphQL request a client sent, as the validator saw it. */
export interface SentGraphqlQuery {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Checks every GraphQL query `octokit` sends against GitHub's schema before it leaves, failing the
 * request (and so the test) when GitHub would reject it. Returns the list of queries sent, so a test
 * can count them. The GraphQL counterpart of `attachOpenApiValidation`.
 */
export function attachGraphqlValidation(octokit: Octokit | OctokitCore): SentGraphqlQuery[] {
  const sent: SentGraphqlQuery[] = [];
  octokit.hook.before('request', (options) => {
    if (!/\/graphql$/.test(String(options.url))) return;
    const { query, variables = {} } = options as { query?: unknown; variables?: Record<string, unknown> };
    if (typeof query !== 'string') throw new Error('GraphQL request without a query string');
    const problems = githubQueryProblems(query, variables);
    if (problems.length > 0) {
      throw new Error(`GitHub's schema rejects this query:\n  ${problems.join('\n  ')}\n${query}`);
    }
    sent.push({ query, variables });
  });
  return sent;
}
