import type { EntryEdit } from '../../../shared/domain/notes/draft';
import type { NotesWorkspaceView } from '../../../shared/domain/notes/notes-view';
import type { IpcError } from '../../../shared/ipc/errors';
import { countText } from './draft-entries';
import { EntryGroups } from './entry-groups';
import type { SaveState } from './notes-view-state';
import { SummaryEditor } from './summary-editor';
import { VanishedEntries } from './vanished-entries';

/** Props of {@link NotesEditor}. */
export interface NotesEditorProps {
  workspace: NotesWorkspaceView;
  summary: string;
  save: SaveState;
  onSummaryChange: (text: string) => void;
  onSummaryBlur: () => void;
  onEdit: (key: string, edit: EntryEdit) => void;
  onReorder: (order: string[]) => void;
  onLinkError: (error: IpcError) => void;
}

/** The draft to edit: the summary, the entries by category, and what left the range. */
export function NotesEditor({
  workspace,
  summary,
  save,
  onSummaryChange,
  onSummaryBlur,
  onEdit,
  onReorder,
  onLinkError,
}: NotesEditorProps) {
  const { draft, notes } = workspace;
  const hidden = draft.entries.filter((item) => item.hidden).length;
  const fresh = draft.entries.filter((item) => item.isNew).length;
  return (
    <div className="notes-editor">
      <SummaryEditor summary={summary} save={save} onChange={onSummaryChange} onBlur={onSummaryBlur} />
      <section className="notes-changes" aria-labelledby="notes-changes-title">
        <div className="notes-changes__head">
          <h2 className="notes-card__title" id="notes-changes-title">
            Changes
          </h2>
          <span className="notes-changes__counts">
            {countText(draft.entries.length, 'entry', 'entries')}
            {fresh > 0 ? ` · ${fresh} new` : ''}
            {hidden > 0 ? ` · ${hidden} hidden` : ''}
            {notes.contributors.length > 0
              ? ` · ${countText(notes.contributors.length, 'contributor', 'contributors')}`
              : ''}
          </span>
        </div>
        <EntryGroups
          entries={draft.entries}
          categories={notes.categories}
          repositoryUrl={notes.repositoryUrl}
          onEdit={onEdit}
          onReorder={onReorder}
          onLinkError={onLinkError}
        />
        <VanishedEntries vanished={draft.vanished} />
      </section>
    </div>
  );
}
