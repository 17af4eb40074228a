/**
 * Ends a `switch` over a discriminated union: if a new variant is added and not handled, the call no
 * longer type-checks. At runtime it only fires if a value arrived that the types said was impossible.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
