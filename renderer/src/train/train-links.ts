import type { IpcError } from '../../../shared/ipc/errors';

/** What the lane cards need to link to GitHub: the repository's web address and where failures go. */
export interface TrainLinks {
  /** E.g. `https://github.com/hotosm/field-tm`, from `repositoryWebUrl`. */
  repositoryUrl: string;
  /** Shows a link that could not be opened. */
  onError: (error: IpcError) => void;
}
