import { lazy, memo, Suspense, useDeferredValue, useRef, useState, type KeyboardEvent } from 'react';
import type { NotesWorkspaceView } from '../../../shared/domain/notes/notes-view';
import type { IpcError } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';
import { OutputActions } from './output-actions';

// react-markdown and its parsers are most of the page's script; they load when a preview first shows.
const MarkdownPreview = lazy(() =>
  import('./markdown-preview').then((module) => ({ default: module.MarkdownPreview })),
);

/** The preview's tabs: the GitHub release body and the CHANGELOG section. */
const TABS = [
  { format: 'markdown', label: 'Release notes' },
  { format: 'changelog', label: 'CHANGELOG' },
] as const;

/** One of the preview's tabs. */
type PreviewFormat = (typeof TABS)[number]['format'];

/** Props of {@link NotesPreview}. */
export interface NotesPreviewProps {
  workspace: NotesWorkspaceView;
  busy: boolean;
  /** Resolves once the draft's last edits have reached main. */
  settled: () => Promise<void>;
  onLinkError: (error: IpcError) => void;
}

/**
 * What will be published, with the draft applied: the release body rendered as markdown, or the
 * CHANGELOG section as text. Copy and export take the tab on show. The tabs follow the WAI-ARIA tabs
 * pattern: one tab stop, arrow keys move between tabs.
 */
export const NotesPreview = memo(function NotesPreview({ workspace, busy, settled, onLinkError }: NotesPreviewProps) {
  const [format, setFormat] = useState<PreviewFormat>('markdown');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((tab) => tab.format === format);
    const last = TABS.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFormat(TABS[next]?.format ?? 'markdown');
    tabs.current[next]?.focus();
  };

  return (
    <section className="notes-card notes-preview" aria-labelledby="notes-preview-title">
      <div className="notes-preview__head">
        <h2 className="notes-card__title" id="notes-preview-title">
          Preview
        </h2>
        <div className="tabs" role="tablist" aria-label="Preview format" onKeyDown={onKeyDown}>
          {TABS.map((tab, index) => (
            <button
              key={tab.format}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`notes-tab-${tab.format}`}
              className="tabs__tab"
              aria-selected={tab.format === format}
              aria-controls="notes-preview-panel"
              tabIndex={tab.format === format ? 0 : -1}
              onClick={() => setFormat(tab.format)}
            >
              {tab.label}
            </button>
          ))}
        </div>
      </div>
      <OutputActions
        projectId={workspace.projectId}
        version={workspace.version.next}
        format={format}
        busy={busy}
        settled={settled}
      />
      <div
        className="notes-preview__panel"
        role="tabpanel"
        id="notes-preview-panel"
        aria-labelledby={`notes-tab-${format}`}
        // The panel scrolls on its own, so it must be reachable by keyboard to be scrolled.
        tabIndex={0}
      >
        <PreviewBody format={format} workspace={workspace} onLinkError={onLinkError} />
      </div>
    </section>
  );
});

function PreviewBody({
  format,
  workspace,
  onLinkError,
}: {
  format: PreviewFormat;
  workspace: NotesWorkspaceView;
  onLinkError: (error: IpcError) => void;
}) {
  // A body near GitHub's limit takes a while to render; the edit that changed it shows first.
  const markdown = useDeferredValue(workspace.markdown);
  switch (format) {
    case 'markdown':
      return (
        <Suspense fallback={<p className="notes-preview__loading">Loading the preview…</p>}>
          <MarkdownPreview markdown={markdown} onLinkError={onLinkError} />
        </Suspense>
      );
    case 'changelog':
      return (
        <pre className="notes-preview__changelog" data-testid="changelog-preview">
          {workspace.changelog}
        </pre>
      );
    default:
      return assertNever(format);
  }
}
