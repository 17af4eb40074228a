import { Plus, Presentation } from 'lucide-react';
import { Button } from '../components/button';

/** Props of {@link DemosEmptyState}. */
export interface DemosEmptyStateProps {
  /** Whether a server is set up; without one, the first step is Settings → Servers. */
  hasServers: boolean;
  onNewDemo: () => void;
}

/** No demo yet: what a demo is and how to start one. */
export function DemosEmptyState({ hasServers, onNewDemo }: DemosEmptyStateProps) {
  return (
    <div className="demos-empty">
      <span className="demos-empty__icon" aria-hidden="true">
        <Presentation />
      </span>
      <div className="demos-empty__body">
        <h2 className="demos-empty__title">No demos running</h2>
        <p>
          A demo is a short-lived copy of the product running one branch on one of your servers, for a stakeholder
          review or a one-off deployment. Release Desk launches it over SSH, shows its log and URL, and reminds you to
          tear it down when it expires.
        </p>
        {hasServers ? null : (
          <p>
            Demos run on your own servers: first add one in <a href="#settings">Settings → Servers</a>.
          </p>
        )}
        <div>
          <Button variant="primary" icon={Plus} onClick={onNewDemo}>
            New demo
          </Button>
        </div>
      </div>
    </div>
  );
}
