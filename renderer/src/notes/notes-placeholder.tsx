import { NotesSkeleton } from './notes-skeleton';

/**
 * The Notes screen before the project list has arrived (a reload on `#notes`): the header, the two
 * cards and the body as placeholders, so the screen keeps its shape when the notes start generating.
 */
export function NotesPlaceholder() {
  return (
    <div className="screen screen--wide notes-screen" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the notes…
      </p>
      <div className="screen__header train-header" aria-hidden="true">
        <div className="train-header__identity">
          <span className="skeleton skeleton--train-title" />
          <span className="skeleton skeleton--train-meta" />
        </div>
      </div>
      <div className="notes-setup" aria-hidden="true">
        <div className="notes-card notes-version">
          <span className="skeleton skeleton--section-title" />
          <span className="skeleton skeleton--version" />
          <span className="skeleton skeleton--reason" />
        </div>
        <div className="notes-card notes-range">
          <span className="skeleton skeleton--section-title" />
          <span className="skeleton skeleton--range" />
          <span className="skeleton skeleton--reason" />
        </div>
      </div>
      <div className="train-notices" />
      <NotesSkeleton />
    </div>
  );
}
