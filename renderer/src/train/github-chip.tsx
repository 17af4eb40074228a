import { CircleUser } from 'lucide-react';
import type { TrainGitHubView } from '../../../shared/domain/train/train-github';

/**
 * "GitHub: @login" beside the project's name, once GitHub answered as connected: whose token the
 * deploys, CI and pull requests on this screen were read with. Nothing otherwise (the line above the
 * lanes says when GitHub is not connected).
 */
export function GitHubChip({ view }: { view: TrainGitHubView | null }) {
  if (view?.state !== 'connected') return null;
  return (
    <span className="github-chip" title={`Connected to ${view.host} as @${view.login}`}>
      <CircleUser className="github-chip__icon" aria-hidden="true" />
      GitHub: @{view.login}
    </span>
  );
}
