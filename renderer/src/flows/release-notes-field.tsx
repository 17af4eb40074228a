import { Eye, Pencil, RotateCw } from 'lucide-react';
import { lazy, Suspense, useDeferredValue, useId, useState } from 'react';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import type { NotesLoad } from './wizard-state';

// react-markdown and its parsers load when the preview first shows, as on the Notes screen.
const MarkdownPreview = lazy(() =>
  import('../notes/markdown-preview').then((module) => ({ default: module.MarkdownPreview })),
);

/** Props of {@link ReleaseNotesField}. */
export interface ReleaseNotesFieldProps {
  value: string;
  error: string | undefined;
  notes: NotesLoad;
  onChange: (value: string) => void;
  onRetry: () => void;
  onLinkError: (error: IpcError) => void;
}

/**
 * The release body: prefilled with the generated notes (the Notes screen's draft applied), editable
 * as Markdown, with a Preview toggle that shows it as the release page will.
 */
export function ReleaseNotesField({ value, error, notes, onChange, onRetry, onLinkError }: ReleaseNotesFieldProps) {
  const [previewing, setPreviewing] = useState(false);
  const deferred = useDeferredValue(value);
  const id = useId();
  const loading = notes.status === 'loading';

  return (
    <div className="field release-notes">
      <div className="release-notes__head">
        <label className="field__label" htmlFor={id} id={`${id}-label`}>
          Release notes
        </label>
        <Button
          variant="ghost"
          icon={previewing ? Pencil : Eye}
          aria-pressed={previewing}
          onClick={() => setPreviewing((shown) => !shown)}
          disabled={loading}
        >
          Preview
        </Button>
      </div>
      {notes.status === 'failed' ? (
        <ErrorAlert
          error={notes.error}
          title="The release notes could not be generated"
          next="Write them here, or leave the field empty and the run uses the generated notes."
          action={
            <Button icon={RotateCw} onClick={onRetry}>
              Try again
            </Button>
          }
        />
      ) : null}
      {loading ? (
        <div className="release-notes__loading" aria-busy="true">
          <p className="visually-hidden" role="status">
            Generating the release notes…
          </p>
          <span className="skeleton skeleton--notes-line" />
          <span className="skeleton skeleton--notes-line" />
          <span className="skeleton skeleton--notes-short" />
        </div>
      ) : previewing ? (
        <div className="release-notes__preview" role="region" aria-labelledby={`${id}-label`} tabIndex={0}>
          {deferred.trim() ? (
            <Suspense fallback={<p className="field__hint">Loading the preview…</p>}>
              <MarkdownPreview markdown={deferred} onLinkError={onLinkError} />
            </Suspense>
          ) : (
            <p className="field__hint">No notes: the run uses the generated notes.</p>
          )}
        </div>
      ) : (
        <textarea
          id={id}
          className="textarea textarea--mono release-notes__text"
          rows={10}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          spellCheck
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      )}
      <p className="field__hint" id={`${id}-hint`}>
        Markdown, as the GitHub release will show it. Edits here are for this release only; the Notes screen keeps its
        own draft.
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
