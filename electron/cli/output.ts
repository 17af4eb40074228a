import type { Project } from '../../shared/domain/project';
import { AppError, type IpcError } from '../../shared/ipc/errors';

/**
 * Exit codes, following the common convention (grep, git, curl): 1 when the work failed, 2 when the
 * command line itself was wrong, so a script can tell "fix the call" from "try again".
 */
/** Exit statuses: 3 means a flow run stopped to wait for a person (e.g. to publish its draft release). */
export const EXIT_CODE = { ok: 0, failure: 1, usage: 2, waiting: 3 } as const;

/** What the user is told when the list is empty: the next step, not just "nothing". */
export const NO_PROJECTS_MESSAGE = 'No projects yet. Add one with: release-desk projects add <folder-or-url>';

/** An error as the command line reports it: the contract shape plus the exit code it ends with. */
export interface ErrorReport {
  error: IpcError;
  exitCode: number;
}

/**
 * Turns anything thrown into an {@link ErrorReport}. An {@link AppError} already carries a message a
 * user can act on, so it is shown as is; anything else is a bug, reported in one line without a stack.
 */
export function reportError(error: unknown): ErrorReport {
  if (error instanceof AppError) {
    return {
      error: error.toIpcError(),
      exitCode: error.code === 'INVALID_ARGUMENTS' ? EXIT_CODE.usage : EXIT_CODE.failure,
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return {
    error: { code: 'INTERNAL', message: `Release Desk failed unexpectedly: ${reason}` },
    exitCode: EXIT_CODE.failure,
  };
}

/** `error: <message>`, then the technical detail (git's own line, say) indented under it. */
export function formatErrorText(error: IpcError): string {
  const detail = error.detail
    ? error.detail
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n') + '\n'
    : '';
  return `error: ${error.message}\n${detail}`;
}

/** The `--json` form of an error: `{ "error": { code, message, detail? } }`. */
export function formatErrorJson(error: IpcError): string {
  return formatJson({ error });
}

/** Pretty JSON with a final newline, so `jq` and a human both read it. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `owner/repo`, the name people use for a repository. */
export function projectLabel(project: Project): string {
  return `${project.repository.owner}/${project.repository.repo}`;
}

/** Left-aligned columns separated by two spaces, with an upper-case header row. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers.map((header) => header.toUpperCase())), ...rows.map(line)].join('\n') + '\n';
}

/**
 * The human form of `projects list`. SOURCE is where the project was added from: the user's own
 * clone when there is one, otherwise the URL.
 */
export function formatProjectList(projects: readonly Project[]): string {
  if (projects.length === 0) return `${NO_PROJECTS_MESSAGE}\n`;
  return formatTable(
    ['id', 'repository', 'source', 'added'],
    projects.map((project) => [
      project.id,
      projectLabel(project),
      project.localPath ?? project.remoteUrl,
      project.addedAt.slice(0, 10),
    ]),
  );
}
