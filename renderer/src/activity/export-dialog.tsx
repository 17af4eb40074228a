import * as Dialog from '@radix-ui/react-dialog';
import { TextSelect } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { Button } from '../components/button';

/** The formats the log is exported in. */
export type ExportFormat = 'json' | 'markdown';

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The log in each format, for the runs the filter keeps. */
  texts: Record<ExportFormat, string>;
  /** e.g. "12 runs" or "3 of 12 runs (flow: Freeze)". */
  scope: string;
}

/**
 * The activity log as JSON or Markdown text to copy. The page may neither write the clipboard nor
 * download a file (its CSP forbids `data:` links), so the text is shown selectable, with a button that
 * selects it all for Ctrl+C.
 */
export function ExportDialog({ open, onOpenChange, texts, scope }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const selectAll = () => {
    textRef.current?.focus();
    textRef.current?.select();
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide">
          <header className="dialog__header">
            <Dialog.Title className="dialog__title">Export the activity log</Dialog.Title>
            <Dialog.Description className="dialog__description">
              {scope}. Select all and copy (Ctrl+C, or ⌘C on a Mac), then paste it where you keep records.
            </Dialog.Description>
          </header>
          <fieldset className="field choice-group">
            <legend className="field__label">Format</legend>
            <div className="choice-group__options">
              {(
                [
                  ['markdown', 'Markdown'],
                  ['json', 'JSON'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="choice-group__option">
                  <input
                    type="radio"
                    name={`${id}-format`}
                    value={value}
                    checked={format === value}
                    onChange={() => setFormat(value)}
                  />
                  <span>{label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-text`}>
              {format === 'json' ? 'Exported JSON' : 'Exported Markdown'}
            </label>
            <textarea
              ref={textRef}
              id={`${id}-text`}
              className="textarea textarea--mono export-text"
              readOnly
              rows={14}
              value={texts[format]}
              spellCheck={false}
            />
          </div>
          <footer className="dialog__footer">
            <Button icon={TextSelect} onClick={selectAll}>
              Select all
            </Button>
            <Dialog.Close asChild>
              <Button variant="primary">Close</Button>
            </Dialog.Close>
          </footer>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
