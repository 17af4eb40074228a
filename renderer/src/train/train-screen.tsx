import { useState } from 'react';
import { LANES } from '../../../shared/domain/config/project-config';
import type { Project } from '../../../shared/domain/project';
import { repositoryWebUrl } from '../../../shared/domain/remote-url';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { TrainFlows } from '../flows/train-flows';
import { assertNever } from '../lib/assert-never';
import { useNow } from '../lib/use-now';
import { ConfigBar } from './config-bar';
import { FetchNotice } from './fetch-notice';
import { GitHubBar } from './github-bar';
import { GitHubChip } from './github-chip';
import { OpenPullsSection } from './open-pulls-section';
import { TrainErrorPanel } from './train-error-panel';
import { TrainHeader } from './train-header';
import { TrainLanes } from './train-lanes';
import type { TrainLinks } from './train-links';
import { connectedView, showsGitHubPlaceholders } from './train-github-model';
import { TrainSkeleton } from './train-skeleton';
import type { TrainView } from './train-view-state';
import { useTrainGitHub, type TrainGitHubModel } from './use-train-github';
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
  // A new report object arrives with each successful `train.status`; GitHub is asked after it, never before.
  const github = useTrainGitHub(project, view.status === 'ready' ? view.report : null);
  const links: TrainLinks = {
    repositoryUrl: repositoryWebUrl(project.repository),
    practice: project.repository.kind === 'practice',
    onError: setLinkError,
  };

  return (
    <div className="screen screen--wide">
      <TrainHeader
        project={project}
        view={view}
        onRefresh={train.refresh}
        chip={<GitHubChip view={github.load.view} />}
      />
      <TrainFlows project={project} onRunEnded={train.refresh} />
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
      <TrainBody view={view} links={links} github={github} onRetry={train.refresh} />
    </div>
  );
}

interface TrainBodyProps {
  view: TrainView;
  links: TrainLinks;
  github: TrainGitHubModel;
  onRetry: () => void;
}

function TrainBody({ view, links, github, onRetry }: TrainBodyProps) {
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
      return <ReadyTrain view={view} links={links} github={github} />;
    default:
      return assertNever(view);
  }
}

/** The lanes with GitHub's side around them: the line above, the rows on each card, the open PRs below. */
function ReadyTrain({
  view,
  links,
  github,
}: {
  view: Extract<TrainView, { status: 'ready' }>;
  links: TrainLinks;
  github: TrainGitHubModel;
}) {
  const now = useNow();
  const { status } = view.report;
  const connected = connectedView(github.load);
  const placeholder = showsGitHubPlaceholders(github.load, github.expectConnected);
  const laneBranches = LANES.flatMap((name) =>
    status.lanes.filter((lane) => lane.name === name).map((lane) => lane.branch),
  );
  return (
    <>
      <GitHubBar load={github.load} onRetry={github.retry} now={now} />
      <TrainLanes status={status} links={links} github={{ view: connected, placeholder }} />
      {connected || placeholder ? (
        <OpenPullsSection pulls={connected?.openPulls ?? null} laneBranches={laneBranches} links={links} />
      ) : null}
    </>
  );
}
