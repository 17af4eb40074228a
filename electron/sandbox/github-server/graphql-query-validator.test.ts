import { describe, expect, it } from 'vitest';
import { githubQueryProblems } from './testing/graphql-query-validator';

describe("the GraphQL query check against GitHub's schema", () => {
  it('accepts a query GitHub accepts, with variables of the declared types', () => {
    const query = 'query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { nameWithOwner } }';
    expect(githubQueryProblems(query, { owner: 'hotosm', name: 'field-tm' })).toEqual([]);
  });

  it('reports a field GitHub does not have, a missing argument and a variable of the wrong type', () => {
    expect(githubQueryProblems('{ repository(owner: "a", name: "b") { noSuchField } }')).toEqual([
      expect.stringContaining('noSuchField'),
    ]);
    expect(githubQueryProblems('{ repository(name: "b") { id } }')).toEqual([expect.stringContaining('owner')]);
    const paged = 'query($first: Int!) { viewer { repositories(first: $first) { totalCount } } }';
    expect(githubQueryProblems(paged, { first: 'five' })).toEqual([expect.stringContaining('$first')]);
    expect(githubQueryProblems(paged, {})).toEqual([expect.stringContaining('$first')]);
  });
});
