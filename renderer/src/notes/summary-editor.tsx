import { Check, LoaderCircle, TriangleAlert } from 'lucide-react';
import { assertNever } from '../lib/assert-never';
import type { SaveState } from './notes-view-state';

/** Props of {@link SummaryEditor}. */
export interface SummaryEditorProps {
  summary: string;
  save: SaveState;
  onChange: (text: string) => void;
  /** Saves at once (leaving the field), rather than after the typing pause. */
  onBlur: () => void;
}

/**
 * The summary for users that opens the GitHub release. It saves itself after a pause in typing and
 * when the field is left; the indicator beside the label covers every edit of the draft.
 */
export function SummaryEditor({ summary, save, onChange, onBlur }: SummaryEditorProps) {
  return (
    <section className="notes-card notes-summary" aria-labelledby="notes-summary-label">
      <div className="notes-summary__head">
        <label className="notes-card__title" id="notes-summary-label" htmlFor="notes-summary">
          Summary
        </label>
        <SaveIndicator save={save} />
      </div>
      <textarea
        id="notes-summary"
        className="textarea notes-summary__text"
        value={summary}
        rows={4}
        maxLength={20_000}
        placeholder="What this release means for the people who use it. Markdown works."
        aria-describedby="notes-summary-hint"
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      <p className="field__hint" id="notes-summary-hint">
        It opens the GitHub release, above the technical summary. Edits are kept when the notes are regenerated.
      </p>
    </section>
  );
}

function SaveIndicator({ save }: { save: SaveState }) {
  return (
    <span className="save-indicator" role="status" data-testid="save-indicator">
      <SaveText save={save} />
    </span>
  );
}

function SaveText({ save }: { save: SaveState }) {
  switch (save.kind) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <>
          <LoaderCircle className="save-indicator__icon spin" aria-hidden="true" />
          Saving…
        </>
      );
    case 'saved':
      return (
        <>
          <Check className="save-indicator__icon save-indicator__icon--ok" aria-hidden="true" />
          Saved
        </>
      );
    case 'failed':
      return (
        <span className="save-indicator__failed">
          <TriangleAlert className="save-indicator__icon save-indicator__icon--warning" aria-hidden="true" />
          Not saved: {save.error.message}
        </span>
      );
    default:
      return assertNever(save);
  }
}
