import type { Lane } from '../../../shared/domain/config/project-config';
import type { TrainStatus } from '../../../shared/domain/train/train-status';

/** The first of `lanes` whose branch does not exist, so a comparison involving it was not made. */
export function missingLane(status: TrainStatus, lanes: readonly Lane[]): Lane | null {
  return lanes.find((name) => status.lanes.find((lane) => lane.name === name)?.ref === null) ?? null;
}

/** "Not compared: there is no development branch." (or a general reason when none is missing). */
export function notComparedText(missing: Lane | null): string {
  return missing ? `Not compared: there is no ${missing} branch.` : 'Not compared.';
}
