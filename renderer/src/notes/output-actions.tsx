import { Check, Copy, Download, FileJson } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { NotesFormat } from '../../../shared/domain/notes/notes-view';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { assertNever } from '../lib/assert-never';
import { callReleaseDesk } from '../lib/release-desk';

/** Props of {@link OutputActions}. */
export interface OutputActionsProps {
  projectId: string;
  version: string;
  /** What Copy and Export take: the tab on show. */
  format: Exclude<NotesFormat, 'json'>;
  /** A generation is running; the output would be of the old notes. */
  busy: boolean;
  /** Resolves once the draft's last edits have reached main, so the output includes them. */
  settled: () => Promise<void>;
}

/** The outcome of the last copy or export, shown beside the buttons. */
type Outcome =
  | { kind: 'none' }
  | { kind: 'copied'; format: NotesFormat }
  | { kind: 'exported'; path: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: IpcError };

const FORMAT_NAMES: Record<NotesFormat, string> = { markdown: 'markdown', changelog: 'changelog', json: 'JSON' };

/** How long "Copied" stays before the line clears. */
const COPIED_VISIBLE_MS = 4000;

/**
 * Copy and export, done in main (the page has no clipboard or file access): the text is rendered
 * there from the same draft as the preview.
 */
export function OutputActions({ projectId, version, format, busy, settled }: OutputActionsProps) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  useEffect(() => {
    if (outcome.kind !== 'copied') return;
    const timer = window.setTimeout(() => setOutcome({ kind: 'none' }), COPIED_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    await settled();
    const result = await callReleaseDesk((api) => api.notes.copy({ projectId, version, format }));
    setOutcome(result.ok ? { kind: 'copied', format } : { kind: 'failed', error: result.error });
  };
  const exportAs = async (as: NotesFormat) => {
    await settled();
    const result = await callReleaseDesk((api) => api.notes.exportFile({ projectId, version, format: as }));
    if (!result.ok) setOutcome({ kind: 'failed', error: result.error });
    else setOutcome(result.value.path === null ? { kind: 'cancelled' } : { kind: 'exported', path: result.value.path });
  };
  const guard = (action: () => Promise<void>) => () => (busy ? undefined : void action());

  return (
    <div className="output-actions">
      <div className="output-actions__buttons">
        <Button variant="primary" icon={Copy} aria-disabled={busy} onClick={guard(copy)}>
          Copy {FORMAT_NAMES[format]}
        </Button>
        <Button icon={Download} aria-disabled={busy} onClick={guard(() => exportAs(format))}>
          Export…
        </Button>
        <Button
          variant="ghost"
          icon={FileJson}
          aria-disabled={busy}
          onClick={guard(() => exportAs('json'))}
          aria-label="Export JSON…"
          title="Save the entries, range and version as JSON"
        >
          JSON
        </Button>
      </div>
      <p className="output-actions__outcome" role="status">
        <OutcomeText outcome={outcome} />
      </p>
    </div>
  );
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'copied':
      return (
        <>
          <Check className="output-actions__icon" aria-hidden="true" />
          Copied the {FORMAT_NAMES[outcome.format]} to the clipboard.
        </>
      );
    case 'exported':
      return (
        <>
          <Check className="output-actions__icon" aria-hidden="true" />
          Saved to <span className="path">{outcome.path}</span>
        </>
      );
    case 'cancelled':
      return <>Not exported: the save dialog was closed.</>;
    case 'failed':
      return <span className="output-actions__error">{outcome.error.message}</span>;
    default:
      return assertNever(outcome);
  }
}
