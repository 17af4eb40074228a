import type { VersionFileSpec } from '../config/commitizen';

/** One line to change in a version file for a bump. */
export interface VersionFileEdit {
  path: string;
  /** 1-based line number. */
  line: number;
  before: string;
  after: string;
}

/** A file the bump could not edit, and why. */
export interface VersionFileProblem {
  path: string;
  problem: string;
}

/**
 * Computes the edits that move one version file from `current` to `next`: on the first line that
 * matches the spec's pattern (or, without one, the first line) that contains `current`, the version
 * is replaced. Works for `pyproject.toml:version`, `__version__.py`, `Chart.yaml:appVersion`,
 * `package.json` and commitizen's `file:key` / `file:regex` forms alike.
 */
export function versionFileEdit(
  spec: VersionFileSpec,
  text: string,
  current: string,
  next: string,
): VersionFileEdit | VersionFileProblem {
  let matcher: RegExp | null = null;
  if (spec.pattern) {
    try {
      matcher = new RegExp(spec.pattern);
    } catch {
      return { path: spec.path, problem: `The pattern "${spec.pattern}" is not a valid regular expression.` };
    }
  }
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (matcher && !matcher.test(line)) continue;
    if (!line.includes(current)) continue;
    return { path: spec.path, line: index + 1, before: line, after: line.replace(current, next) };
  }
  return {
    path: spec.path,
    problem: `No line${spec.pattern ? ` matching "${spec.pattern}"` : ''} contains the current version ${current}. Fix the file (or its pattern) before the bump.`,
  };
}
