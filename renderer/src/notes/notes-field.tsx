import type { InputHTMLAttributes } from 'react';
import type { FieldError, NotesField as FieldName } from './notes-options';

/** Props of {@link NotesField}. */
export interface NotesFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  name: FieldName;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** The current field problem, shown here when it is this field's. */
  error: FieldError | null;
}

/** One labelled input of the Notes form, with its problem (from the check or from main) under it. */
export function NotesField({ name, label, value, onValueChange, error, ...rest }: NotesFieldProps) {
  const id = `notes-${name}`;
  const mine = error?.field === name ? error : null;
  return (
    <div className="notes-field">
      <label className="notes-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        {...rest}
        id={id}
        name={name}
        className="input notes-field__input"
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={mine ? true : undefined}
        aria-describedby={mine ? `${id}-error` : undefined}
        onChange={(event) => onValueChange(event.target.value)}
      />
      {mine ? (
        <p className="notes-field__error" id={`${id}-error`}>
          {mine.message}
        </p>
      ) : null}
    </div>
  );
}
