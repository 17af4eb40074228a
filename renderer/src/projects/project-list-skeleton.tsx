/**
 * Placeholder cards with the same box as real ones, so the page does not jump when the list arrives.
 * Hidden from assistive tech; the list region announces "Loading projects" instead.
 */
export function ProjectListSkeleton({ rows = 2 }: { rows?: number }) {
  return (
    <ul className="project-list" aria-hidden="true">
      {Array.from({ length: rows }, (_, index) => (
        <li key={index}>
          <div className="project-card project-card--skeleton" data-testid="project-skeleton">
            <div className="project-card__header">
              <span className="project-card__avatar skeleton" />
              <div className="project-card__identity">
                <span className="skeleton skeleton--title" />
                <span className="skeleton skeleton--line" />
              </div>
            </div>
            <div className="project-card__facts">
              <span className="skeleton skeleton--label" />
              <span className="skeleton skeleton--value" />
              <span className="skeleton skeleton--label" />
              <span className="skeleton skeleton--value" />
              <span className="skeleton skeleton--label" />
              <span className="skeleton skeleton--short" />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
