import { readDeclaredVersion } from '../../../shared/domain/versions/version-file';
import type { VersionFileSpec } from '../config/commitizen';
import type { GitRepository } from '../git/git-repository';
import { versionFileEdit, type VersionFileEdit } from './version-file-edits';

/** One version file at the release target: what it says, whether that is the current release, and the bump. */
export interface VersionFileReport {
  path: string;
  /** The version the file declares, or null when it (or its line) is missing. */
  declared: string | null;
  /** Whether it agrees with the current release; true when there is no current release to compare. */
  matchesCurrent: boolean;
  /** The line to change for the bump, when the file carries the current version. */
  edit: Omit<VersionFileEdit, 'path'> | null;
  /** Why the bump cannot edit this file, in words. */
  problem: string | null;
}

/**
 * Reads every configured version file at `ref` and reports, per file, its consistency with the current
 * release and the edit that moves it to `next`: the readable report behind `release-desk version`.
 */
export async function versionFileReport(
  repo: GitRepository,
  ref: string,
  specs: readonly VersionFileSpec[],
  current: string | null,
  next: string,
): Promise<VersionFileReport[]> {
  return Promise.all(
    specs.map(async (spec): Promise<VersionFileReport> => {
      const text = await repo.readFile(ref, spec.path);
      if (text === null) {
        return {
          path: spec.path,
          declared: null,
          matchesCurrent: false,
          edit: null,
          problem: 'The file does not exist at the release target.',
        };
      }
      const declared = readDeclaredVersion(text, spec.pattern);
      if (current === null) {
        return { path: spec.path, declared, matchesCurrent: true, edit: null, problem: null };
      }
      const edit = versionFileEdit(spec, text, current, next);
      return 'problem' in edit
        ? { path: spec.path, declared, matchesCurrent: declared === current, edit: null, problem: edit.problem }
        : {
            path: spec.path,
            declared,
            matchesCurrent: declared === current,
            edit: { line: edit.line, before: edit.before, after: edit.after },
            problem: null,
          };
    }),
  );
}
