import { Eye, EyeOff, Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { Button, IconButton } from '../components/button';
import type { EnvRow } from './new-demo-model';

/** Props of {@link EnvRows}. */
export interface EnvRowsProps {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  /** Problems by row id, shown under the row. */
  problems: Record<string, string>;
  disabled?: boolean;
}

let nextRowId = 1;

/** A new, blank environment row. */
export function blankEnvRow(): EnvRow {
  return { id: `env-${nextRowId++}`, key: '', value: '' };
}

/**
 * The demo's environment as name/value rows. Values are masked by default (they are often secrets)
 * and can be shown one row at a time; they travel to the server on stdin, never on a command line.
 */
export function EnvRows({ rows, onChange, problems, disabled = false }: EnvRowsProps) {
  const headingId = useId();
  const update = (id: string, change: Partial<EnvRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  return (
    <fieldset className="env-rows" aria-labelledby={headingId}>
      <legend className="field__label" id={headingId}>
        Environment values
      </legend>
      <p className="field__hint">
        Optional. Passed to the deploy command as environment variables; values reach the server on stdin, never on a
        command line.
      </p>
      {rows.map((row, index) => (
        <EnvRowFields
          key={row.id}
          row={row}
          index={index + 1}
          problem={problems[row.id]}
          disabled={disabled}
          onChange={(change) => update(row.id, change)}
          onRemove={() => onChange(rows.filter((candidate) => candidate.id !== row.id))}
        />
      ))}
      <div>
        <Button icon={Plus} variant="ghost" disabled={disabled} onClick={() => onChange([...rows, blankEnvRow()])}>
          Add value
        </Button>
      </div>
    </fieldset>
  );
}

function EnvRowFields({
  row,
  index,
  problem,
  disabled,
  onChange,
  onRemove,
}: {
  row: EnvRow;
  index: number;
  problem: string | undefined;
  disabled: boolean;
  onChange: (change: Partial<EnvRow>) => void;
  onRemove: () => void;
}) {
  const [shown, setShown] = useState(false);
  const problemId = useId();
  return (
    <div className="env-row">
      <div className="env-row__fields">
        <input
          className="input env-row__key"
          type="text"
          value={row.key}
          placeholder="NAME"
          aria-label={`Name of value ${index}`}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => onChange({ key: event.target.value.toUpperCase() })}
        />
        <input
          className="input env-row__value"
          type={shown ? 'text' : 'password'}
          value={row.value}
          placeholder="value"
          aria-label={`Value ${index}`}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          onChange={(event) => onChange({ value: event.target.value })}
        />
        <IconButton
          icon={shown ? EyeOff : Eye}
          aria-label={shown ? `Hide value ${index}` : `Show value ${index}`}
          aria-pressed={shown}
          disabled={disabled}
          onClick={() => setShown(!shown)}
        />
        <IconButton
          icon={Trash2}
          variant="danger-ghost"
          aria-label={`Remove value ${index}`}
          disabled={disabled}
          onClick={onRemove}
        />
      </div>
      {problem ? (
        <p className="field__error" id={problemId}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
