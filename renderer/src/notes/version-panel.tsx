import { Tag, Undo2 } from 'lucide-react';
import type { NextVersion } from '../../../shared/domain/notes/notes-view';
import { Button } from '../components/button';
import { NotesField } from './notes-field';
import type { FieldError, NotesOptions } from './notes-options';

/** Props of {@link VersionPanel}. */
export interface VersionPanelProps {
  /** The version of the notes on screen; null before the first generation. */
  version: NextVersion | null;
  /** A generation is running: an empty card shows placeholders rather than "not generated". */
  generating: boolean;
  options: NotesOptions;
  onOptionsChange: (options: NotesOptions) => void;
  fieldError: FieldError | null;
  /** Clears the override and generates with the suggestion. */
  onUseSuggestion: () => void;
}

/** The version the notes are for: the suggestion with its reason, or the one chosen by hand. */
export function VersionPanel({
  version,
  generating,
  options,
  onOptionsChange,
  fieldError,
  onUseSuggestion,
}: VersionPanelProps) {
  const chosen = version !== null && version.reason === 'Chosen by hand.';
  return (
    <section className="notes-card notes-version" aria-labelledby="notes-version-title">
      <h2 className="notes-card__title" id="notes-version-title">
        {chosen ? 'Version chosen by hand' : 'Suggested version'}
      </h2>
      {version ? (
        <>
          <div className="notes-version__value">
            <Tag className="notes-version__icon" aria-hidden="true" />
            <span className="notes-version__number" data-testid="notes-version">
              {version.next}
            </span>
            {version.tag !== version.next ? <code className="tag">tag {version.tag}</code> : null}
            <span className="notes-version__after">
              {version.current ? `after ${version.current}` : 'the first release'}
            </span>
          </div>
          <p className="notes-version__reason">{version.reason}</p>
        </>
      ) : generating ? (
        <div className="notes-card__placeholder" aria-hidden="true">
          <div className="notes-version__value">
            <span className="skeleton skeleton--version" />
          </div>
          <span className="skeleton skeleton--reason" />
        </div>
      ) : (
        <p className="notes-version__reason notes-version__none">No version until the notes are generated.</p>
      )}
      <div className="notes-version__override">
        <NotesField
          name="version"
          label="Override"
          value={options.version}
          placeholder={version ? `e.g. ${version.next}` : ''}
          onValueChange={(value) => onOptionsChange({ ...options, version: value })}
          error={fieldError}
        />
        {chosen ? (
          <Button variant="ghost" icon={Undo2} onClick={onUseSuggestion}>
            Use the suggestion
          </Button>
        ) : null}
      </div>
    </section>
  );
}
