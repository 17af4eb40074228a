import { useState } from 'react';
import type { Project } from '../../../shared/domain/project';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { assertNever } from '../lib/assert-never';
import { countText } from './draft-entries';
import { readCachedNotes } from './notes-cache';
import { NotesEditor } from './notes-editor';
import { NotesEmptyState } from './notes-empty-state';
import { NotesErrorPanel } from './notes-error-panel';
import { NotesHeader } from './notes-header';
import { DEFAULT_NOTES_OPTIONS, type NotesOptions } from './notes-options';
import { NotesPreview } from './notes-preview';
import { NotesSkeleton } from './notes-skeleton';
import { NotesWarnings } from './notes-warnings';
import { RangePanel } from './range-panel';
import { useNotesWorkspace, type NotesWorkspaceModel } from './use-notes-workspace';
import { VersionPanel } from './version-panel';

/** Props of {@link NotesScreen}. */
export interface NotesScreenProps {
  project: Project;
}

/** Today in the user's time zone, `YYYY-MM-DD` (what an empty release date means in main is today too). */
function todayText(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The Notes screen: the release notes of the selected project as a draft to review. The version and
 * range sit at the top with the fields that change them; below, the draft to edit beside a preview of
 * what will be published. Edits are saved as they are made and survive regeneration.
 */
export function NotesScreen({ project }: NotesScreenProps) {
  const [options, setOptions] = useState<NotesOptions>(
    () =>
      readCachedNotes({ projectId: project.id, addedAt: project.addedAt, configFile: project.configFile })?.options ??
      DEFAULT_NOTES_OPTIONS,
  );
  const model = useNotesWorkspace(project, options);
  const [linkError, setLinkError] = useState<IpcError | null>(null);
  const { view } = model;
  const workspace = view.status === 'ready' ? view.workspace : null;
  const busy = view.activity.kind !== 'idle';
  const commits = workspace ? new Set(workspace.notes.entries.flatMap((entry) => entry.commits)).size : 0;

  const useSuggestion = () => {
    const next = { ...options, version: '' };
    setOptions(next);
    model.generate(next);
  };

  return (
    <div className="screen screen--wide notes-screen">
      <form
        aria-label="Version and range"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) model.generate(options);
        }}
      >
        <NotesHeader project={project} view={view} />
        <div className="notes-setup">
          <VersionPanel
            version={workspace?.version ?? null}
            generating={busy}
            options={options}
            onOptionsChange={setOptions}
            fieldError={model.fieldError}
            onUseSuggestion={useSuggestion}
          />
          <RangePanel
            range={workspace?.notes.range ?? null}
            generating={busy}
            counts={workspace ? countText(commits, 'commit', 'commits') : null}
            options={options}
            onOptionsChange={setOptions}
            fieldError={model.fieldError}
            today={todayText()}
          />
        </div>
      </form>
      <div className="train-notices">
        {linkError ? (
          <ErrorAlert
            error={{ ...linkError, message: `The link could not be opened. ${linkError.message}` }}
            action={<Button onClick={() => setLinkError(null)}>Dismiss</Button>}
          />
        ) : null}
        {workspace ? <NotesWarnings warnings={workspace.warnings} /> : null}
      </div>
      <NotesBody model={model} onRetry={() => model.generate(options)} onLinkError={setLinkError} />
    </div>
  );
}

function NotesBody({
  model,
  onRetry,
  onLinkError,
}: {
  model: NotesWorkspaceModel;
  onRetry: () => void;
  onLinkError: (error: IpcError) => void;
}) {
  const { view } = model;
  const busy = view.activity.kind !== 'idle';
  switch (view.status) {
    case 'loading':
      return <NotesSkeleton />;
    case 'failed':
      return <NotesErrorPanel error={view.error} onRetry={onRetry} busy={busy} />;
    case 'ready': {
      const { workspace } = view;
      if (workspace.draft.entries.length === 0 && workspace.draft.vanished.length === 0) {
        return <NotesEmptyState range={workspace.notes.range} />;
      }
      return (
        <div className={busy ? 'notes-body notes-body--busy' : 'notes-body'} aria-busy={busy}>
          <NotesEditor
            workspace={workspace}
            summary={model.summary}
            save={model.save}
            onSummaryChange={model.editSummary}
            onSummaryBlur={model.flushSummary}
            onEdit={model.editEntry}
            onReorder={model.reorder}
            onLinkError={onLinkError}
          />
          <NotesPreview workspace={workspace} busy={busy} settled={model.settled} onLinkError={onLinkError} />
        </div>
      );
    }
    default:
      return assertNever(view);
  }
}
