import type { StoredRepository } from './server-state';
import type { StoredRule, StoredRuleset } from './stored-rules-and-checks';

/** Turns one fnmatch-style pattern into a regular expression: `*` stays in a path segment, `**` does not. */
function globPattern(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index += 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether a `ref_name` condition pattern matches a full ref. GitHub accepts full refs
 * (`refs/heads/main`), `~DEFAULT_BRANCH`, `~ALL`, and fnmatch globs (`refs/heads/release/*`).
 */
export function refNameMatches(pattern: string, fullRef: string, defaultBranch: string): boolean {
  if (pattern === '~ALL') return true;
  if (pattern === '~DEFAULT_BRANCH') return fullRef === `refs/heads/${defaultBranch}`;
  return globPattern(pattern).test(fullRef);
}

/** Whether a ruleset applies to a branch: active, for branches, included and not excluded. */
export function rulesetAppliesToBranch(ruleset: StoredRuleset, branch: string, defaultBranch: string): boolean {
  if (ruleset.enforcement !== 'active' || ruleset.target !== 'branch') return false;
  const ref = `refs/heads/${branch}`;
  const matches = (pattern: string) => refNameMatches(pattern, ref, defaultBranch);
  return ruleset.include.some(matches) && !ruleset.exclude.some(matches);
}

/** Every rule in force on a branch, with the ruleset it comes from, in ruleset order. */
export function activeRulesForBranch(
  repo: StoredRepository,
  branch: string,
  defaultBranch: string,
): { ruleset: StoredRuleset; rule: StoredRule }[] {
  return (repo.rulesets ?? [])
    .filter((ruleset) => rulesetAppliesToBranch(ruleset, branch, defaultBranch))
    .flatMap((ruleset) => ruleset.rules.map((rule) => ({ ruleset, rule })));
}
