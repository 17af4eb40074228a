import { ArrowDown, ArrowUp, Eye, EyeOff } from 'lucide-react';
import { memo } from 'react';
import type { DraftEntry, EntryEdit } from '../../../shared/domain/notes/draft';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button, IconButton } from '../components/button';
import { ExternalLink } from '../components/external-link';
import { pullRequestUrl } from '../train/train-format';
import { entryLabel, type MoveDirection } from './draft-entries';
import { EntryTitle } from './entry-title';

/** Props of {@link EntryRow}. */
export interface EntryRowProps {
  item: DraftEntry;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** The repository's web address, for PR links; null when unknown. */
  repositoryUrl: string | null;
  onEdit: (key: string, edit: EntryEdit) => void;
  onMove: (key: string, direction: MoveDirection) => void;
  onLinkError: (error: IpcError) => void;
}

/**
 * One entry of the notes: its title (editable in place), PR or commit, authors and marks, with the
 * buttons to move it within its category and to hide it. A hidden entry stays listed, dimmed, so it can
 * be shown again; it is left out of what is published. Memoised: an edit re-renders its own row only.
 */
export const EntryRow = memo(function EntryRow({
  item,
  canMoveUp,
  canMoveDown,
  repositoryUrl,
  onEdit,
  onMove,
  onLinkError,
}: EntryRowProps) {
  const { entry } = item;
  const label = entryLabel(item);
  const classes = ['entry', item.hidden ? 'entry--hidden' : null, item.isNew ? 'entry--new' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-entry-key={entry.key}>
      <EntryTitle
        title={item.title}
        label={label}
        onCommit={(title) => onEdit(entry.key, { title: title === '' ? entry.title : title })}
      />
      <div className="entry__footer">
        <div className="entry__meta">
          <EntrySource item={item} label={label} repositoryUrl={repositoryUrl} onLinkError={onLinkError} />
          {entry.authors.length > 0 ? <span className="entry__authors">{entry.authors.join(', ')}</span> : null}
          {item.isNew ? (
            <span className="badge badge--new" title="Appeared since the draft was last generated">
              new
            </span>
          ) : null}
          {item.hidden ? <span className="badge badge--muted">hidden</span> : null}
          {item.edited ? (
            <>
              <span className="badge badge--edited" title={`Generated: ${entry.title}`}>
                edited
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={`Reset the title of ${label}`}
                title={`Back to: ${entry.title}`}
                onClick={(event) => {
                  // The button goes away with the edit; the title (which it changed) takes the focus.
                  event.currentTarget.closest('li')?.querySelector<HTMLButtonElement>('.entry__title')?.focus();
                  onEdit(entry.key, { title: entry.title });
                }}
              >
                Reset
              </button>
            </>
          ) : null}
        </div>
        <div className="entry__actions">
          <IconButton
            icon={ArrowUp}
            aria-label={`Move ${label} up`}
            aria-disabled={!canMoveUp}
            data-move="up"
            onClick={() => (canMoveUp ? onMove(entry.key, 'up') : undefined)}
          />
          <IconButton
            icon={ArrowDown}
            aria-label={`Move ${label} down`}
            aria-disabled={!canMoveDown}
            data-move="down"
            onClick={() => (canMoveDown ? onMove(entry.key, 'down') : undefined)}
          />
          <Button
            variant="ghost"
            className="entry__visibility"
            icon={item.hidden ? Eye : EyeOff}
            aria-label={`${item.hidden ? 'Show' : 'Hide'} ${label}`}
            onClick={() => onEdit(entry.key, { hidden: !item.hidden })}
          >
            {item.hidden ? 'Show' : 'Hide'}
          </Button>
        </div>
      </div>
    </li>
  );
});

function EntrySource({
  item,
  label,
  repositoryUrl,
  onLinkError,
}: {
  item: DraftEntry;
  label: string;
  repositoryUrl: string | null;
  onLinkError: (error: IpcError) => void;
}) {
  const { pr, commits } = item.entry;
  if (pr === null) {
    return (
      <code className="sha" title={`Direct commit ${commits[0] ?? ''}`}>
        {label}
      </code>
    );
  }
  if (!repositoryUrl) return <span className="entry__pr">{label}</span>;
  return (
    <ExternalLink
      className="pr-link"
      href={pullRequestUrl(repositoryUrl, pr)}
      title={`Open pull request ${label} on GitHub`}
      onError={onLinkError}
    >
      {label}
    </ExternalLink>
  );
}
