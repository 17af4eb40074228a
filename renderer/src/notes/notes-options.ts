import { checkRefName } from '../../../shared/domain/refs/ref-name';
import type { InputOf } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/errors';

/** What the Notes screen's fields hold, as typed; an empty field means "the default". */
export interface NotesOptions {
  /** The previous release (a tag, branch or sha); empty: chosen automatically. */
  from: string;
  /** The target ref; empty: the release branch. */
  to: string;
  /** The release date, `YYYY-MM-DD`; empty: today. It decides the CalVer year. */
  date: string;
  /** A version chosen by hand; empty: the suggestion. */
  version: string;
}

/** Every field empty: the default range, today, the suggested version. */
export const DEFAULT_NOTES_OPTIONS: NotesOptions = { from: '', to: '', date: '', version: '' };

/** One of the fields of {@link NotesOptions}. */
export type NotesField = keyof NotesOptions;

/** A problem with one field, shown under it. */
export interface FieldError {
  field: NotesField;
  message: string;
}

/** The arguments of `notes.generate` other than the project. */
export type GenerateRequest = Omit<InputOf<'notes.generate'>, 'projectId'>;

/** The fields turned into a request, or the first field that cannot be sent. */
export type OptionsCheck = { ok: true; request: GenerateRequest } | { ok: false; error: FieldError };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (so 2026-02-30 is refused before main sees it). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks the fields the renderer can check alone (ref names with git's rules, the date) and builds
 * the request. Main checks everything again; the version can only be judged against the tags there.
 */
export function checkOptions(options: NotesOptions): OptionsCheck {
  const request: GenerateRequest = {};
  for (const field of ['from', 'to'] as const) {
    const ref = options[field].trim();
    if (ref === '') continue;
    const check = checkRefName(ref);
    if (!check.ok) return { ok: false, error: { field, message: check.reason } };
    request[field] = ref;
  }
  const date = options.date.trim();
  if (date !== '') {
    if (!isCalendarDate(date)) {
      return {
        ok: false,
        error: { field: 'date', message: `"${date}" is not a date. Use YYYY-MM-DD, e.g. 2026-03-01.` },
      };
    }
    request.date = date;
  }
  const version = options.version.trim();
  if (version !== '') request.version = version;
  return { ok: true, request };
}

/**
 * The field a failed generation is about, so it can be marked there. Refs and dates were checked
 * before sending, so an `INVALID_ARGUMENTS` answer to a request with a version is about the version
 * (not newer, already a tag, not a version). A missing ref is the field whose value the message quotes.
 */
export function fieldOfError(error: IpcError, request: GenerateRequest): FieldError | null {
  if (error.code === 'INVALID_ARGUMENTS' && request.version !== undefined) {
    return { field: 'version', message: error.message };
  }
  if (error.code === 'REF_MISSING') {
    for (const field of ['from', 'to'] as const) {
      const ref = request[field];
      if (ref !== undefined && error.message.includes(`"${ref}"`)) {
        return { field, message: `${ref} is not a tag, branch or commit of this repository.` };
      }
    }
  }
  return null;
}
