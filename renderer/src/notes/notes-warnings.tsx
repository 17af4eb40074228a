import { TriangleAlert } from 'lucide-react';

/**
 * What to check before publishing: a reset history, a body over GitHub's limit, and the like. Each
 * warning is a sentence from main that says what happened; they inform and never block.
 */
export function NotesWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status">
      <TriangleAlert className="notice__icon" aria-hidden="true" />
      <div className="notice__body">
        <p className="notice__title">
          {warnings.length === 1 ? 'Check before publishing' : `Check before publishing (${warnings.length})`}
        </p>
        {warnings.length === 1 ? (
          <p className="notice__message">{warnings[0]}</p>
        ) : (
          <ul className="notes-warnings__list" aria-label="Warnings">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
