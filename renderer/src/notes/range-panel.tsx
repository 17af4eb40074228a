import { ArrowRight } from 'lucide-react';
import type { NotesRange, RangeMode } from '../../../shared/domain/notes/notes-model';
import { assertNever } from '../lib/assert-never';
import { shortRef } from './draft-entries';
import { NotesField } from './notes-field';
import type { FieldError, NotesOptions } from './notes-options';

/** Props of {@link RangePanel}. */
export interface RangePanelProps {
  /** The range of the notes on screen; null before the first generation. */
  range: NotesRange | null;
  /** A generation is running: an empty card shows placeholders rather than "not generated". */
  generating: boolean;
  /** e.g. "11 entries from 11 commits"; null before the first generation. */
  counts: string | null;
  options: NotesOptions;
  onOptionsChange: (options: NotesOptions) => void;
  fieldError: FieldError | null;
  /** Today, `YYYY-MM-DD`, shown as the date's placeholder. */
  today: string;
}

function modeLabel(mode: RangeMode): string {
  switch (mode) {
    case 'ancestry':
      return 'ancestry';
    case 'released-set':
      return 'released set';
    default:
      return assertNever(mode);
  }
}

/**
 * The range the notes cover and how its start was chosen, with From, To and the release date to
 * change it. Empty fields mean the defaults: the previous release, the release branch, today.
 */
export function RangePanel({
  range,
  generating,
  counts,
  options,
  onOptionsChange,
  fieldError,
  today,
}: RangePanelProps) {
  return (
    <section className="notes-card notes-range" aria-labelledby="notes-range-title">
      <div className="notes-range__head">
        <h2 className="notes-card__title" id="notes-range-title">
          Range
        </h2>
        {range ? (
          <span className="badge" title="How the previous release was chosen">
            {modeLabel(range.mode)}
          </span>
        ) : null}
        {counts ? <span className="notes-range__counts">{counts}</span> : null}
      </div>
      {range ? (
        <>
          <p className="notes-range__refs" data-testid="notes-range">
            <code className="tag" title={range.fromSha ?? 'No earlier release'}>
              {range.from ? shortRef(range.from) : 'the first commit'}
            </code>
            <ArrowRight className="notes-range__arrow" aria-label="to" role="img" />
            <code className="tag" title={range.toSha}>
              {shortRef(range.to)}
            </code>
          </p>
          <p className="notes-range__explanation">{range.explanation}</p>
        </>
      ) : generating ? (
        <div className="notes-card__placeholder" aria-hidden="true">
          <span className="skeleton skeleton--range" />
          <span className="skeleton skeleton--reason" />
        </div>
      ) : (
        <p className="notes-range__explanation">No range until the notes are generated.</p>
      )}
      <div className="notes-range__fields">
        <NotesField
          name="from"
          label="From"
          value={options.from}
          placeholder="previous release"
          onValueChange={(value) => onOptionsChange({ ...options, from: value })}
          error={fieldError}
        />
        <NotesField
          name="to"
          label="To"
          value={options.to}
          placeholder="release branch"
          onValueChange={(value) => onOptionsChange({ ...options, to: value })}
          error={fieldError}
        />
        <NotesField
          name="date"
          label="Release date"
          value={options.date}
          placeholder={today}
          inputMode="numeric"
          title="YYYY-MM-DD. It decides the CalVer year of the version."
          onValueChange={(value) => onOptionsChange({ ...options, date: value })}
          error={fieldError}
        />
      </div>
    </section>
  );
}
