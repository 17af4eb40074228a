import { useId } from 'react';
import type { FlowName } from '../../../shared/domain/flows/flow-plan';
import type { IpcError } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { ReleaseNotesField } from './release-notes-field';
import type { ChoiceField, ChoicesForm, NotesLoad } from './wizard-state';

/** Props of {@link ChoicesScreen}. */
export interface ChoicesScreenProps {
  flow: FlowName;
  form: ChoicesForm;
  /** Shown once Next was pressed. */
  errors: Partial<Record<ChoiceField, string>>;
  notes: NotesLoad;
  onEdit: (patch: Partial<ChoicesForm>) => void;
  onRetryNotes: () => void;
  onLinkError: (error: IpcError) => void;
}

/** The wizard's first screen: what the user chooses for this flow. Every field has a default. */
export function ChoicesScreen(props: ChoicesScreenProps) {
  switch (props.flow) {
    case 'freeze':
      return <FreezeChoices {...props} />;
    case 'hotfix':
      return <HotfixChoices {...props} />;
    case 'promote':
      return (
        <p className="wizard__summary">
          Nothing to choose: the pull request goes from staging into main with the release notes draft in its body, and
          merges with the configured method once its checks and reviews pass. Press Next to check that staging is ready.
        </p>
      );
    case 'release':
      return <ReleaseChoices {...props} />;
    case 'backmerge':
      return (
        <FromLane
          legend="Back-merge from"
          hint="Development gets the commits of this lane that it lacks (hotfixes, a version bump)."
          {...props}
        />
      );
    default:
      return assertNever(props.flow);
  }
}

/** A text field with its label, hint and inline error, wired with `aria-describedby`. */
function TextField({
  label,
  hint,
  error,
  value,
  placeholder,
  onChange,
  autoFocus,
}: {
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="text"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function FreezeChoices({ form, errors, onEdit }: ChoicesScreenProps) {
  return (
    <div className="wizard__fields">
      <TextField
        label="Development commit (optional)"
        hint="The full sha to freeze. Leave empty to freeze the head of development; later merges stay out either way."
        placeholder="Head of development"
        error={errors.sha}
        value={form.sha}
        onChange={(sha) => onEdit({ sha })}
        autoFocus
      />
      <TextField
        label="Version (optional)"
        hint="Leave empty for the suggested next version; the plan shows which one it is. The branch is release/<version>."
        placeholder="The suggested next version"
        error={errors.version}
        value={form.version}
        onChange={(version) => onEdit({ version })}
      />
    </div>
  );
}

function HotfixChoices(props: ChoicesScreenProps) {
  const { form, errors, onEdit } = props;
  const shasId = useId();
  return (
    <div className="wizard__fields">
      <TextField
        label="Name"
        hint="The branch is hotfix/<name>: lower-case letters, digits and dashes, up to 40."
        placeholder="export-crash"
        error={errors.name}
        value={form.name}
        onChange={(name) => onEdit({ name })}
        autoFocus
      />
      <FromLane legend="Branch from" hint="The hotfix branches from this lane and merges back into it." {...props} />
      <div className="field">
        <label className="field__label" htmlFor={shasId}>
          Commits to cherry-pick (optional)
        </label>
        <textarea
          id={shasId}
          className="textarea textarea--mono"
          rows={3}
          value={form.shas}
          onChange={(event) => onEdit({ shas: event.target.value })}
          placeholder="One full sha per line, oldest first"
          spellCheck={false}
          aria-invalid={errors.shas ? true : undefined}
          aria-describedby={errors.shas ? `${shasId}-hint ${shasId}-error` : `${shasId}-hint`}
        />
        <p className="field__hint" id={`${shasId}-hint`}>
          Leave empty to push your own fix to the hotfix branch instead.
        </p>
        {errors.shas ? (
          <p className="field__error" id={`${shasId}-error`}>
            {errors.shas}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function FromLane({ legend, hint, form, onEdit }: ChoicesScreenProps & { legend: string; hint: string }) {
  const name = useId();
  return (
    <fieldset className="field choice-group" aria-describedby={`${name}-hint`}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-group__options">
        {(['staging', 'main'] as const).map((lane) => (
          <label key={lane} className="choice-group__option">
            <input
              type="radio"
              name={name}
              value={lane}
              checked={form.from === lane}
              onChange={() => onEdit({ from: lane })}
            />
            <span>{lane === 'staging' ? 'Staging' : 'Main'}</span>
          </label>
        ))}
      </div>
      <p className="field__hint" id={`${name}-hint`}>
        {hint}
      </p>
    </fieldset>
  );
}

function ReleaseChoices({ form, errors, notes, onEdit, onRetryNotes, onLinkError }: ChoicesScreenProps) {
  const suggested = notes.status === 'ready' ? notes.version : null;
  return (
    <div className="wizard__fields">
      <TextField
        label="Version (optional)"
        hint={
          suggested
            ? `Leave empty to release ${suggested}, the suggested next version.`
            : 'Leave empty for the suggested next version; the plan shows which one it is.'
        }
        placeholder={suggested ?? 'The suggested next version'}
        error={errors.version}
        value={form.version}
        onChange={(version) => onEdit({ version })}
        autoFocus
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.annotated}
          onChange={(event) => onEdit({ annotated: event.target.checked })}
        />
        <span>
          Annotated tag
          <span className="checkbox__hint">A tag object with a message and who tagged it, instead of a plain ref.</span>
        </span>
      </label>
      <ReleaseNotesField
        value={form.notes}
        error={errors.notes}
        notes={notes}
        onChange={(text) => onEdit({ notes: text })}
        onRetry={onRetryNotes}
        onLinkError={onLinkError}
      />
    </div>
  );
}
