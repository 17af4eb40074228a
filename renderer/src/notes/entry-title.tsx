import { Pencil } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Props of {@link EntryTitle}. */
export interface EntryTitleProps {
  title: string;
  /** Names the entry in the input's label, e.g. "#3042". */
  label: string;
  /** Saves a new title; an empty one means "back to the generated title". */
  onCommit: (title: string) => void;
}

/**
 * An entry's title that edits in place: a button showing the title opens an input. Enter or leaving
 * the field saves, Escape cancels; with the keyboard, focus returns to the title afterwards.
 */
export function EntryTitle({ title, label, onCommit }: EntryTitleProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(title);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // Set when Enter or Escape closed the field, so the blur that follows does not save again.
  const closed = useRef(false);
  const refocus = useRef(false);

  useEffect(() => {
    if (editing) {
      input.current?.focus();
      input.current?.select();
    } else if (refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const open = () => {
    closed.current = false;
    setText(title);
    setEditing(true);
  };
  const close = (save: boolean, returnFocus: boolean) => {
    if (closed.current) return;
    closed.current = true;
    refocus.current = returnFocus;
    setEditing(false);
    const next = text.trim();
    if (save && next !== title) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      close(true, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // The Notes form must not see it (nor a dialog around it).
      event.stopPropagation();
      close(false, true);
    }
  };

  if (editing) {
    return (
      <input
        ref={input}
        className="input entry__title-input"
        value={text}
        maxLength={500}
        aria-label={`Title of ${label}`}
        title="Enter saves, Escape cancels; empty goes back to the generated title"
        spellCheck
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => close(true, false)}
      />
    );
  }
  return (
    <button ref={button} type="button" className="entry__title" onClick={open} title="Edit the title">
      <span className="visually-hidden">Edit title: </span>
      <span className="entry__title-text">{title}</span>
      <Pencil className="entry__pencil" aria-hidden="true" />
    </button>
  );
}
