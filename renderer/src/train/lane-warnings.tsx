import { TriangleAlert } from 'lucide-react';

/** Props of {@link LaneWarnings}. */
export interface LaneWarningsProps {
  warnings: readonly string[];
  /** The lane they concern, to name the list. */
  lane: string;
}

/** The warnings that concern one lane, each a sentence that says what is wrong and what to do. */
export function LaneWarnings({ warnings, lane }: LaneWarningsProps) {
  if (warnings.length === 0) return null;
  return (
    <ul className="lane-warnings" aria-label={`Warnings for ${lane}`}>
      {warnings.map((warning) => (
        <li className="lane-warnings__item" key={warning}>
          <TriangleAlert className="lane-warnings__icon" aria-hidden="true" />
          <span>{warning}</span>
        </li>
      ))}
    </ul>
  );
}
