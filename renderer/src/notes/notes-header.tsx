import { RotateCw } from 'lucide-react';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { assertNever } from '../lib/assert-never';
import { formatRelativeTime } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import type { NotesView } from './notes-view-state';

/** Props of {@link NotesHeader}. */
export interface NotesHeaderProps {
  project: Project;
  view: NotesView;
}

/**
 * The screen's title, how fresh the notes are (or how long the generation has been running), and
 * Regenerate: the submit button of the form around the header, the version and the range.
 */
export function NotesHeader({ project, view }: NotesHeaderProps) {
  const busy = view.activity.kind !== 'idle';
  return (
    <header className="screen__header train-header">
      <div className="train-header__identity">
        <h1 className="screen__title">Release notes</h1>
        <div className="screen__subtitle train-header__meta">
          <span>
            {project.repository.owner}/{project.repository.repo}
          </span>
          <span className="train-header__dot" aria-hidden="true">
            ·
          </span>
          <span className="freshness" role="status">
            <NotesFreshness view={view} />
          </span>
        </div>
      </div>
      {/* aria-disabled rather than disabled: a disabled button drops keyboard focus to the page. */}
      <Button
        type="submit"
        icon={RotateCw}
        busy={busy}
        aria-disabled={busy}
        title="Generate the notes again with the version, range and date below; your edits are kept"
      >
        Regenerate
      </Button>
    </header>
  );
}

function NotesFreshness({ view }: { view: NotesView }) {
  switch (view.activity.kind) {
    case 'generating':
      return <Elapsed since={view.activity.since} />;
    case 'idle':
      if (view.status === 'ready') return <GeneratedAt iso={view.workspace.generatedAt} />;
      return <>{view.status === 'failed' ? 'Not generated' : 'Starting…'}</>;
    default:
      return assertNever(view.activity);
  }
}

function Elapsed({ since }: { since: number }) {
  const now = useNow(1000);
  const seconds = Math.max(0, Math.floor((now.getTime() - since) / 1000));
  // A large range reads thousands of commits; the count shows the app has not stalled.
  // The seconds are hidden from the live region, which would otherwise read out every second.
  return (
    <>
      Generating the notes…<span aria-hidden="true">{seconds >= 1 ? ` ${seconds} s` : ''}</span>
      <span className="progress progress--indeterminate freshness__bar" aria-hidden="true">
        <span className="progress__fill" />
      </span>
    </>
  );
}

function GeneratedAt({ iso }: { iso: string }) {
  const now = useNow();
  const when = formatRelativeTime(iso, now);
  return (
    <span>
      Generated{' '}
      <time dateTime={iso} title={when.full}>
        {when.label}
      </time>
    </span>
  );
}
