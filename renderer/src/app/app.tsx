import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Project } from '../../../shared/domain/project';
import { ActivityScreen } from '../activity/activity-screen';
import { DemosScreen } from '../demos/demos-screen';
import { LiveRegion } from '../components/live-region';
import { assertNever } from '../lib/assert-never';
import { NotesPlaceholder } from '../notes/notes-placeholder';
import { NotesScreen } from '../notes/notes-screen';
import { ProjectsScreen } from '../projects/projects-screen';
import { useProjects, type ProjectsState } from '../projects/use-projects';
import { SettingsScreen } from '../settings/settings-screen';
import { TrainPlaceholder } from '../train/train-placeholder';
import { TrainScreen } from '../train/train-screen';
import { ExpiredNotice } from './expired-notice';
import { Sidebar } from './sidebar';
import { useExpiredReminder } from './use-expired-reminder';
import { pinScreen, useScreenRoute, type ScreenName } from './use-screen-route';

/**
 * The screen shown when the URL names none: on launch, the first project's Train if there is a project,
 * else Projects (its empty state says what to do first).
 */
function launchScreenFor(state: ProjectsState): ScreenName | null {
  if (state.status === 'loading') return null;
  return state.status === 'ready' && state.projects.length > 0 ? 'train' : 'projects';
}

/** The window: sidebar on the left, the current screen on the right. */
export function App() {
  const { state, reload } = useProjects();
  const route = useScreenRoute();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [launchScreen, setLaunchScreen] = useState<ScreenName | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const expired = useExpiredReminder();

  // Decided once, when the list first arrives; later changes to the list never move the user.
  const launchCandidate = launchScreenFor(state);
  if (launchScreen === null && launchCandidate !== null) setLaunchScreen(launchCandidate);

  // The selection falls back to the first project when nothing (or a removed project) was chosen.
  const projects = state.status === 'ready' ? state.projects : [];
  const selected = projects.find((project) => project.id === chosenId) ?? projects[0] ?? null;
  const wanted = route.requested ?? launchScreen ?? 'projects';
  // Train and Notes are the selected project's; without one (all removed), Projects says what to do.
  const needsProject = wanted === 'train' || wanted === 'notes';
  const screen: ScreenName = needsProject && !selected && state.status !== 'loading' ? 'projects' : wanted;

  useEffect(() => {
    if (state.status !== 'loading') pinScreen(screen);
  }, [state.status, screen]);

  // The Demos screen shows its own banner with the teardown; having seen it, the notice has done its job.
  const { dismiss: dismissExpired } = expired;
  useEffect(() => {
    if (screen === 'demos') dismissExpired();
  }, [screen, dismissExpired]);

  const openProject = (project: Project, target: 'train' | 'notes') => {
    setChosenId(project.id);
    setAnnouncement(`${project.repository.owner}/${project.repository.repo} selected.`);
    route.navigate(target);
  };
  // From the switcher, the Notes screen stays on Notes (of the other project); anything else opens its train.
  const select = (project: Project) => openProject(project, screen === 'notes' ? 'notes' : 'train');
  const onProjectChanged = useCallback(() => void reload(), [reload]);

  return (
    <div className="app-shell">
      <Sidebar
        projects={state}
        selectedId={selected?.id ?? null}
        screen={screen}
        onSelect={select}
        demosBadge={expired.reminder?.badge ?? null}
      />
      <main className="app-main">
        <ScreenContent
          screen={screen}
          selected={selected}
          onProjectChanged={onProjectChanged}
          projects={
            <ProjectsScreen
              state={state}
              selectedId={selected?.id ?? null}
              onRetry={() => void reload()}
              onOpenTrain={(project) => openProject(project, 'train')}
              onAdded={(project) => {
                setChosenId(project.id);
                setAnnouncement(`Added ${project.repository.owner}/${project.repository.repo}.`);
                void reload();
              }}
              onRemoved={(project) => {
                setAnnouncement(`Removed ${project.repository.owner}/${project.repository.repo}.`);
                void reload();
              }}
              onPracticeReset={(project) => {
                setAnnouncement(`Reset the practice project ${project.repository.owner}/${project.repository.repo}.`);
                void reload();
              }}
            />
          }
          settings={<SettingsScreen projects={state} selected={selected} onAnnounce={setAnnouncement} />}
          activity={<ActivityScreen projects={state} />}
          demos={
            <DemosScreen
              projects={state}
              selected={selected}
              onAnnounce={setAnnouncement}
              onInventory={expired.update}
            />
          }
        />
      </main>
      {expired.reminder && !expired.dismissed && screen !== 'demos' ? (
        <ExpiredNotice
          reminder={expired.reminder}
          onOpenDemos={() => route.navigate('demos')}
          onDismiss={expired.dismiss}
        />
      ) : null}
      <LiveRegion message={announcement} />
    </div>
  );
}

/** The screen on show; Train and Notes wait for the project list (placeholders) before they start. */
function ScreenContent({
  screen,
  selected,
  onProjectChanged,
  projects,
  settings,
  activity,
  demos,
}: {
  screen: ScreenName;
  selected: Project | null;
  onProjectChanged: (project: Project) => void;
  projects: ReactNode;
  settings: ReactNode;
  activity: ReactNode;
  demos: ReactNode;
}) {
  switch (screen) {
    case 'train':
      return selected ? (
        <TrainScreen key={selected.id} project={selected} onProjectChanged={onProjectChanged} />
      ) : (
        <TrainPlaceholder />
      );
    case 'notes':
      // Keyed by the config file too: other config, other categories and branches, other notes.
      return selected ? (
        <NotesScreen key={`${selected.id}:${selected.configFile ?? ''}`} project={selected} />
      ) : (
        <NotesPlaceholder />
      );
    case 'activity':
      return <>{activity}</>;
    case 'demos':
      return <>{demos}</>;
    case 'projects':
      return <>{projects}</>;
    case 'settings':
      return <>{settings}</>;
    default:
      return assertNever(screen);
  }
}
