/**
 * Placeholders with the boxes of the real editor and preview, so nothing jumps when the notes arrive.
 * Hidden from assistive tech; the header's status line says the notes are being generated.
 */
export function NotesSkeleton() {
  return (
    <div className="notes-body" aria-hidden="true" data-testid="notes-skeleton">
      <div className="notes-editor">
        <div className="notes-card notes-summary">
          <span className="skeleton skeleton--section-title" />
          <span className="skeleton skeleton--textarea" />
        </div>
        <div className="notes-categories">
          {[3, 2].map((rows, group) => (
            <div className="notes-category" key={group}>
              <span className="skeleton skeleton--section-title" />
              <ul className="entry-list">
                {Array.from({ length: rows }, (_, row) => (
                  <li className="entry" key={row}>
                    <div className="entry__main">
                      <span className="skeleton skeleton--entry-title" />
                      <span className="skeleton skeleton--entry-meta" />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </div>
      <div className="notes-card notes-preview">
        <span className="skeleton skeleton--section-title" />
        <span className="skeleton skeleton--button-row" />
        <div className="notes-preview__panel">
          {[90, 75, 82, 60, 88, 70].map((width, line) => (
            <span className="skeleton skeleton--preview-line" key={line} style={{ width: `${width}%` }} />
          ))}
        </div>
      </div>
    </div>
  );
}
