import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  isNonNullType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { GITHUB_SCHEMA_SUBSET_SDL, githubSchemaSubset } from './graphql-schema-subset';
import { githubGraphqlSchema } from './testing/graphql-query-validator';

const kindOf = (type: GraphQLNamedType): string =>
  isObjectType(type)
    ? 'object'
    : isInterfaceType(type)
      ? 'interface'
      : isEnumType(type)
        ? 'enum'
        : isUnionType(type)
          ? 'union'
          : isInputObjectType(type)
            ? 'input'
            : 'scalar';

/** The named types a schema defines itself (no `__` introspection types, no built-in scalars). */
function ownTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type) => !type.name.startsWith('__') && !(isScalarType(type) && isSpecifiedScalarType(type)),
  );
}

/** Every way `subset` differs from being a strict subset of `github`, as readable lines. */
function subsetProblems(subset: GraphQLSchema, github: GraphQLSchema): string[] {
  const problems: string[] = [];
  if (subset.getQueryType()?.name !== github.getQueryType()?.name) problems.push('query root type differs');
  if (subset.getMutationType()) problems.push('the subset has mutations');
  for (const type of ownTypes(subset)) {
    const theirs = github.getType(type.name);
    if (!theirs) {
      problems.push(`type ${type.name} does not exist on GitHub`);
      continue;
    }
    if (kindOf(type) !== kindOf(theirs)) {
      problems.push(`${type.name} is a ${kindOf(type)} here, a ${kindOf(theirs)} on GitHub`);
      continue;
    }
    if (isEnumType(type) && isEnumType(theirs)) {
      const known = new Set(theirs.getValues().map((value) => value.name));
      for (const value of type.getValues()) {
        if (!known.has(value.name)) problems.push(`${type.name}.${value.name} is not a GitHub enum value`);
      }
    }
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(theirs) || isInterfaceType(theirs))) {
      const theirInterfaces = new Set(theirs.getInterfaces().map((known) => known.name));
      for (const implemented of type.getInterfaces()) {
        if (!theirInterfaces.has(implemented.name)) {
          problems.push(`${type.name} implements ${implemented.name}, which it does not on GitHub`);
        }
      }
      const theirFields = theirs.getFields();
      for (const field of Object.values(type.getFields())) {
        const match = theirFields[field.name];
        if (!match) problems.push(`${type.name}.${field.name} does not exist on GitHub`);
        else problems.push(...fieldProblems(`${type.name}.${field.name}`, field, match));
      }
    }
  }
  return problems;
}

/** A field must have GitHub's type, and arguments GitHub has, with its types and defaults. */
function fieldProblems(
  where: string,
  ours: GraphQLField<unknown, unknown>,
  theirs: GraphQLField<unknown, unknown>,
): string[] {
  const problems: string[] = [];
  if (String(ours.type) !== String(theirs.type)) {
    problems.push(`${where} is ${String(ours.type)} here, ${String(theirs.type)} on GitHub`);
  }
  for (const argument of ours.args) {
    const match = theirs.args.find((candidate) => candidate.name === argument.name);
    if (!match) {
      problems.push(`${where}(${argument.name}) does not exist on GitHub`);
      continue;
    }
    if (String(argument.type) !== String(match.type)) {
      problems.push(`${where}(${argument.name}) is ${String(argument.type)} here, ${String(match.type)} on GitHub`);
    }
    if (JSON.stringify(argument.defaultValue) !== JSON.stringify(match.defaultValue)) {
      problems.push(`${where}(${argument.name}) has another default than on GitHub`);
    }
  }
  // An argument GitHub requires must be here too, or a query valid here would be refused there.
  for (const required of theirs.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) {
    if (!ours.args.some((argument) => argument.name === required.name)) {
      problems.push(`${where} lacks GitHub's required argument ${required.name}`);
    }
  }
  return problems;
}

describe('the GraphQL schema subset', () => {
  it("is a strict subset of GitHub's public schema: same types, fields, arguments and nullability", () => {
    const subset = githubSchemaSubset();
    expect(subsetProblems(subset, githubGraphqlSchema())).toEqual([]);
    // The fields Release Desk relies on are all there.
    const commit = subset.getType('Commit');
    expect(isObjectType(commit) && Object.keys(commit.getFields())).toEqual(
      expect.arrayContaining(['oid', 'messageHeadline', 'associatedPullRequests']),
    );
  });

  it('catches a field, a type, a nullability or an argument that GitHub does not have', () => {
    // The check itself must be able to fail: each altered copy of the subset has to be refused.
    const github = githubGraphqlSchema();
    const altered = (from: string, to: string) => {
      expect(GITHUB_SCHEMA_SUBSET_SDL).toContain(from);
      return subsetProblems(buildSchema(GITHUB_SCHEMA_SUBSET_SDL.replace(from, to)), github);
    };
    expect(altered('messageHeadline: String!', 'messageHeadline: String')).toEqual([
      'Commit.messageHeadline is String here, String! on GitHub',
    ]);
    expect(altered('title: String!', 'title: String!\n    summary: String')).toEqual([
      'PullRequest.summary does not exist on GitHub',
    ]);
    expect(altered('labels(after: String, first: Int)', 'labels(after: String, first: Int!)')).toEqual([
      'PullRequest.labels(first) is Int! here, Int on GitHub',
    ]);
    expect(altered('repository(owner: String!, name: String!)', 'repository(name: String!)')).toEqual([
      "Query.repository lacks GitHub's required argument owner",
    ]);
    expect(altered('type Label {', 'type Tagging {\n    name: String!\n  }\n\n  type Label {')).toEqual([
      'type Tagging does not exist on GitHub',
    ]);
    expect(altered('    MERGED\n', '    MERGED\n    DRAFT\n')).toEqual([
      'PullRequestState.DRAFT is not a GitHub enum value',
    ]);
  });
});
