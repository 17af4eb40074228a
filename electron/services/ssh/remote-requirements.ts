import { AppError } from '../../../shared/ipc/errors';
import { requirementsMissingError } from './ssh-errors';
import type { SshSession } from './ssh-types';

/** What every demo server needs: the demo script is bash, and uses git, flock, setsid and base64. */
export const BASE_REQUIREMENTS: readonly string[] = ['git', 'flock', 'setsid', 'bash', 'base64'];

/** A program name the check accepts (it also may not start with a dash, so it never reads as an option). */
export const REQUIREMENT_NAME_PATTERN = /^[a-z0-9][a-z0-9._+-]{0,39}$/;

// A constant command: the names arrive on stdin, one a line, so nothing the user typed is ever part of a
// shell string. It prints the names `command -v` cannot find.
const CHECK_COMMAND =
  'while IFS= read -r name; do command -v -- "$name" >/dev/null 2>&1 || printf \'%s\\n\' "$name"; done';

/** The base requirements and `extra`, validated and without repeats; throws `INVALID_ARGUMENTS` on a bad name. */
export function requirementNames(extra: readonly string[] = []): string[] {
  for (const name of extra) {
    if (typeof name !== 'string' || !REQUIREMENT_NAME_PATTERN.test(name)) {
      throw new AppError(
        'INVALID_ARGUMENTS',
        `“${String(name).slice(0, 40)}” is not a program name (lower-case letters, digits, . _ + -; at most 40).`,
      );
    }
  }
  return [...new Set([...BASE_REQUIREMENTS, ...extra])];
}

/** The programs among `names` the server's user cannot run (not on its PATH). */
export async function missingPrograms(session: SshSession, names: readonly string[]): Promise<string[]> {
  const result = await session.exec(CHECK_COMMAND, { stdin: names.map((name) => `${name}\n`).join('') });
  if (result.code !== 0) {
    throw new AppError(
      'REQUIREMENTS_MISSING',
      'The server could not check which programs it has (its login shell failed). Check the user’s shell.',
      result.stderr.trim().slice(0, 500) || undefined,
    );
  }
  const asked = new Set(names);
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => asked.has(line));
}

/** Throws `REQUIREMENTS_MISSING` naming what the server lacks among the base requirements and `extra`. */
export async function checkRequirements(session: SshSession, extra: readonly string[] = []): Promise<void> {
  const missing = await missingPrograms(session, requirementNames(extra));
  if (missing.length > 0) throw requirementsMissingError(missing);
}
