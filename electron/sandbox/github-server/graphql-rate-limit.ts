import {
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** GitHub's GraphQL budget per user and hour, in points. */
const POINTS_PER_HOUR = 5000;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The points a query costs, by GitHub's published rule
 * (docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api): add up the
 * requests needed to fill every connection (a connection under a connection of `first: 5` is fetched
 * 5 times), divide by 100, round, and charge at least 1. Any field with a `first` argument is a
 * connection. Run on a validated document, so fragments exist and do not cycle.
 */
export function queryCost(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
  if (!operation) return 1;

  const requests = (selectionSet: SelectionSetNode, fetches: number): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) total += requests(fragment.selectionSet, fetches);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += requests(selection.selectionSet, fetches);
      } else {
        const firstArgument = selection.arguments?.find((argument) => argument.name.value === 'first');
        const first = firstArgument ? Number(valueFromASTUntyped(firstArgument.value, variables)) : undefined;
        const isConnection = first !== undefined && Number.isFinite(first);
        if (isConnection) total += fetches;
        if (selection.selectionSet) {
          total += requests(selection.selectionSet, isConnection ? fetches * Math.max(first, 0) : fetches);
        }
      }
    }
    return total;
  };
  return Math.max(1, Math.round(requests(operation.selectionSet, 1) / 100));
}

/** What `rateLimit` reports and the `x-ratelimit-*` headers say after a query. */
export interface RateLimitReading {
  cost: number;
  limit: number;
  remaining: number;
  used: number;
  resetAt: Date;
}

/**
 * The signed-in user's GraphQL points for the current hour. The server reports the figures GitHub
 * would (so clients and benchmarks can read what a run costs) but does not refuse queries when they
 * run out: fault injection already plays a rate-limited GitHub.
 */
export class GraphqlRateLimit {
  private used = 0;
  private resetAt = new Date(Date.now() + HOUR_MS);

  /** Charges a query's cost and returns the reading after it. */
  charge(cost: number, now = new Date()): RateLimitReading {
    if (now >= this.resetAt) {
      this.used = 0;
      this.resetAt = new Date(now.getTime() + HOUR_MS);
    }
    this.used += cost;
    return {
      cost,
      limit: POINTS_PER_HOUR,
      remaining: Math.max(0, POINTS_PER_HOUR - this.used),
      used: this.used,
      resetAt: this.resetAt,
    };
  }
}

/** GitHub's `x-ratelimit-*` headers for a GraphQL answer. */
export function rateLimitHeaders(reading: RateLimitReading): Record<string, string> {
  return {
    'x-ratelimit-limit': String(reading.limit),
    'x-ratelimit-remaining': String(reading.remaining),
    'x-ratelimit-used': String(reading.used),
    'x-ratelimit-reset': String(Math.floor(reading.resetAt.getTime() / 1000)),
    'x-ratelimit-resource': 'graphql',
  };
}
