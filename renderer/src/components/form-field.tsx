import { useId, type ReactNode } from 'react';

/** The props a {@link FormField} hands its control: its id and the ids of its hint and problem. */
export interface FormFieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid': boolean;
}

/** Props of {@link FormField}. */
export interface FormFieldProps {
  label: string;
  hint?: ReactNode;
  /** The inline error, in a sentence; the control is marked invalid while there is one. */
  problem?: string | undefined;
  children: (control: FormFieldControlProps) => ReactNode;
}

/**
 * A labelled form field whose control (an input, a select…) gets its id, and its hint and problem wired
 * through `aria-describedby`, so a screen reader reads them with the control.
 */
export function FormField({ label, hint, problem, children }: FormFieldProps) {
  const id = useId();
  const hintId = useId();
  const problemId = useId();
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': problem !== undefined })}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field__error" id={problemId}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
