import { useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import { repositoryWebUrl } from '../../../shared/domain/remote-url';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { ConfigBar } from './config-bar';
import { FetchNotice } from './fetch-notice';
import { TrainErrorPanel } from './train-error-panel';
import { TrainHeader } from './train-header';
import { TrainLanes } from './train-lanes';
import type { TrainLinks } from './train-links';
import { TrainSkeleton } from './train-skeleton';
import type { TrainView } from './train-view-state';
import { useTrainReport } from './use-train-report';

/** Props of {@link TrainScreen}. */
export interface TrainScreenProps {
  project: Project;
  /** The project changed (its config file); the app reloads its list. */
  onProjectChanged: (project: Project) => void;
}

/**
 * The Train screen: where the selected project's release train stands. It opens on what the managed
 * clone already has, fetches in the background, and keeps the status visible while it refreshes.
 */
export function TrainScreen({ project, onProjectChanged }: TrainScreenProps) {
  const train = useTrainReport(project, onProjectChanged);
  const [linkError, setLinkError] = useState<IpcError | null>(null);
  const { view } = train;
  const links: TrainLinks = { repositoryUrl: repositoryWebUrl(project.repository), onError: setLinkError };

  return (
    <div className="screen screen--wide">
      <TrainHeader project={project} view={view} onRefresh={train.refresh} />
      <ConfigBar
        project={project}
        sources={view.status === 'ready' ? view.report.configSources : null}
        busy={view.activity.kind !== 'idle'}
        onChooseFile={train.chooseConfigFile}
        onUseRepository={train.revertToRepositoryConfig}
      />
      <div className="train-notices">
        {linkError ? (
          <ErrorAlert
            error={{ ...linkError, message: `The link could not be opened. ${linkError.message}` }}
            action={<Button onClick={() => setLinkError(null)}>Dismiss</Button>}
          />
        ) : null}
        {view.status === 'ready' && view.problem ? (
          <TrainErrorPanel
            error={view.problem.error}
            title={view.problem.title}
            statusKept
            onRetry={train.refresh}
            busy={view.activity.kind !== 'idle'}
          />
        ) : null}
        {view.status === 'ready' && view.report.fetchError ? <FetchNotice message={view.report.fetchError} /> : null}
      </div>
      <TrainBody view={view} links={links} onRetry={train.refresh} />
    </div>
  );
}

function TrainBody({ view, links, onRetry }: { view: TrainView; links: TrainLinks; onRetry: () => void }) {
  switch (view.status) {
    case 'loading':
      return (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading the train…
          </p>
          <TrainSkeleton />
        </div>
      );
    case 'failed':
      return <TrainErrorPanel error={view.error} onRetry={onRetry} busy={view.activity.kind !== 'idle'} />;
    case 'ready':
      return <TrainLanes status={view.report.status} links={links} />;
    default:
      return assertNever(view);
  }
}
