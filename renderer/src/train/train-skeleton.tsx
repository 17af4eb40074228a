import { LANES } from '../../../shared/domain/config/project-config';

/**
 * Placeholder lanes with the boxes of the real ones (the GitHub line, the waiting row, each card's
 * header and head commit), so the lanes do not jump when the status arrives. Hidden from assistive
 * tech; the screen announces "Loading the train…" instead.
 */
export function TrainSkeleton() {
  return (
    <div className="train" aria-hidden="true">
      {/* The line GitHub's side takes above the lanes, whatever it will say. */}
      <div className="github-bar">
        <span className="skeleton skeleton--github-bar" />
      </div>
      <div className="train__flow">
        {[0, 1].map((index) => (
          <div className="train__flow-item" key={index}>
            <div className="connector">
              <span className="connector__waiting">
                <span className="skeleton skeleton--connector" />
              </span>
              <span className="connector__arrow" />
            </div>
          </div>
        ))}
      </div>
      <div className="train__lanes">
        {LANES.map((lane) => (
          <div className="lane-card lane-card--skeleton" key={lane} data-testid="lane-skeleton">
            <div className="lane-card__header">
              <span className="lane-card__icon skeleton" />
              <span className="skeleton skeleton--lane-name" />
            </div>
            <div className="lane-head">
              <span className="lane-head__subject">
                <span className="skeleton skeleton--subject" />
                <span className="skeleton skeleton--subject-end" />
              </span>
              <span className="lane-head__meta">
                <span className="skeleton skeleton--meta" />
              </span>
            </div>
            <div className="lane-section">
              <span className="skeleton skeleton--section-title" />
              <span className="skeleton skeleton--section-line" />
              <span className="skeleton skeleton--section-line" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
