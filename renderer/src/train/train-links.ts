import type { IpcError } from '../../../shared/ipc/errors';

/** What the lane cards need to link to GitHub: the repository's web address and where failures go. */
export interface TrainLinks {
  /** E.g. `https://github.com/hotosm/field-tm`, from `repositoryWebUrl`. */
  repositoryUrl: string;
  /** A practice project: its web pages cannot be opened, so runs and PRs show as plain text. */
  practice: boolean;
  /** Shows a link that could not be opened. */
  onError: (error: IpcError) => void;
}
