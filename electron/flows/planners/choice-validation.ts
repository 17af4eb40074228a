import { checkRefName } from '../../../shared/domain/refs/ref-name';
import type { NextVersion } from '../../../shared/domain/notes/notes-view';
import { parseVersion } from '../../../shared/domain/versions/release-tags';
import { AppError } from '../../../shared/ipc/errors';
import { validateManualVersion } from '../../services/versions/next-version';
import type { FlowFacts } from './flow-facts';

/** A hotfix name: lower-case letters, digits and dashes, starting with a letter or digit, at most 40. */
const HOTFIX_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Throws INVALID_ARGUMENTS unless `branch` is a safe ref name (git's rules, no leading dash). */
export function requireBranchName(branch: string, what: string): string {
  const check = checkRefName(branch);
  if (!check.ok) throw new AppError('INVALID_ARGUMENTS', `The ${what} cannot be used: ${check.reason}`);
  return branch;
}

/** Checks a hotfix name and returns its branch, `hotfix/<name>`. */
export function hotfixBranchOf(name: string): string {
  if (!HOTFIX_NAME.test(name)) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `"${name}" is not a usable hotfix name: use 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit (e.g. "export-crash").`,
    );
  }
  return requireBranchName(`hotfix/${name}`, 'hotfix branch');
}

/** Throws INVALID_ARGUMENTS unless `sha` is a full 40-character commit sha; returns it in lower case. */
export function requireFullSha(sha: string, what: string): string {
  if (/^[0-9a-f]{40}$/i.test(sha)) return sha.toLowerCase();
  throw new AppError('INVALID_ARGUMENTS', `The ${what} "${sha}" is not a full commit sha (40 hexadecimal characters).`);
}

/**
 * The version a flow uses: the suggestion in `suggested`, or the user's `manual` one, which must be a
 * version of the project's scheme, newer than the current release and not yet tagged. Either way the
 * branch it names must be a valid ref.
 */
export function chooseVersion(facts: FlowFacts, suggested: NextVersion, manual: string | undefined): NextVersion {
  if (manual === undefined || manual.trim() === '') return suggested;
  const format = facts.tagFormat;
  const tagNames = Object.keys(facts.tags);
  const parsed = suggested.current === null ? null : parseVersion(suggested.current, format.scheme);
  const current = parsed ? { tag: `${format.prefix}${suggested.current}`, version: parsed } : null;
  const chosen = validateManualVersion({ format, current, manual, existingTags: new Set(tagNames) });
  requireBranchName(`release/${chosen.next}`, 'version');
  return chosen;
}
