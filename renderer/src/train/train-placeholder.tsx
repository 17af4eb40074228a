import { TrainSkeleton } from './train-skeleton';

/**
 * The Train screen before the project list has arrived (a reload on `#train`): the header and lanes as
 * placeholders, so the screen does not change shape when the project's status starts loading.
 */
export function TrainPlaceholder() {
  return (
    <div className="screen screen--wide" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the train…
      </p>
      <div className="screen__header train-header" aria-hidden="true">
        <div className="train-header__identity">
          <span className="skeleton skeleton--train-title" />
          <span className="skeleton skeleton--train-meta" />
        </div>
      </div>
      <div className="config-bar" aria-hidden="true">
        <span className="skeleton skeleton--config" />
      </div>
      <div className="train-notices" />
      <TrainSkeleton />
    </div>
  );
}
