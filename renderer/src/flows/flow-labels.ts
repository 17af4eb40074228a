import type { FlowName, RunStatus } from '../../../shared/domain/flows/flow-plan';
import { assertNever } from '../lib/assert-never';

/** How a flow is named on screen: its start button, its wizard's title, and the noun in sentences. */
export interface FlowLabels {
  /** Its name in a table or a menu, e.g. "Back-merge". */
  name: string;
  /** The Train screen's button, e.g. "Freeze…" (it opens a dialog, hence the ellipsis). */
  action: string;
  /** The wizard's title, e.g. "Freeze development into staging". */
  title: string;
  /** In a sentence: "A freeze run was interrupted…", "Start the freeze?". */
  noun: string;
  /** One sentence under the wizard's title: what the flow does, end to end. */
  summary: string;
}

/** The order of the start buttons: the train's own order, then the side tracks. */
export const FLOW_ACTION_ORDER = [
  'freeze',
  'promote',
  'release',
  'hotfix',
  'backmerge',
] as const satisfies readonly FlowName[];

/** The words for one flow. */
export function flowLabels(flow: FlowName): FlowLabels {
  switch (flow) {
    case 'freeze':
      return {
        name: 'Freeze',
        action: 'Freeze…',
        title: 'Freeze development into staging',
        noun: 'freeze',
        summary:
          'Creates a release branch at a development commit, opens its pull request into staging, merges it once checks and reviews pass, and watches the staging deploy.',
      };
    case 'promote':
      return {
        name: 'Promote',
        action: 'Promote…',
        title: 'Promote staging into main',
        noun: 'promote',
        summary:
          'Opens a pull request from staging into main with the release notes draft in its body, merges it once checks and reviews pass, and watches the production deploy.',
      };
    case 'release':
      return {
        name: 'Release',
        action: 'Release…',
        title: 'Release',
        noun: 'release',
        summary:
          'Bumps the version files on main, tags the merged commit, creates the GitHub release with your notes, and opens the back-merge of the bump into development.',
      };
    case 'hotfix':
      return {
        name: 'Hotfix',
        action: 'Hotfix…',
        title: 'Hotfix',
        noun: 'hotfix',
        summary:
          'Branches hotfix/<name> from staging or main, cherry-picks the commits you choose, and merges it back through a pull request.',
      };
    case 'backmerge':
      return {
        name: 'Back-merge',
        action: 'Back-merge…',
        title: 'Back-merge into development',
        noun: 'back-merge',
        summary:
          'Opens a pull request from staging or main into development for the commits development lacks, and merges it once checks and reviews pass.',
      };
    default:
      return assertNever(flow);
  }
}

/** A run's status in a word, for the run list and the Activity table. */
export function runStatusLabel(status: RunStatus): string {
  switch (status) {
    case 'running':
      return 'Running';
    case 'waiting':
      return 'Waiting for you';
    case 'completed':
      return 'Completed';
    case 'failed':
      return 'Failed';
    case 'abandoned':
      return 'Abandoned';
    default:
      return assertNever(status);
  }
}
