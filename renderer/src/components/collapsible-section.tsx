import * as Collapsible from '@radix-ui/react-collapsible';
import { ChevronRight } from 'lucide-react';
import { useState, type ReactNode } from 'react';

/** Props of {@link CollapsibleSection}. */
export interface CollapsibleSectionProps {
  /** The trigger's text, e.g. "16 pull requests"; it says what opening shows. */
  title: ReactNode;
  defaultOpen?: boolean;
  /** `warning` tints the trigger for content that needs action (back-merge debt). */
  tone?: 'neutral' | 'warning';
  children: ReactNode;
}

/**
 * A list that can be folded away: a button with `aria-expanded` (Radix Collapsible) and the content it
 * controls. Closed content is unmounted, so a long commit list costs nothing until it is opened.
 */
export function CollapsibleSection({
  title,
  defaultOpen = false,
  tone = 'neutral',
  children,
}: CollapsibleSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <Collapsible.Root className="collapsible" open={open} onOpenChange={setOpen}>
      <Collapsible.Trigger className={`collapsible__trigger collapsible__trigger--${tone}`}>
        <ChevronRight className="collapsible__chevron" aria-hidden="true" />
        <span className="collapsible__title">{title}</span>
      </Collapsible.Trigger>
      <Collapsible.Content className="collapsible__content">{children}</Collapsible.Content>
    </Collapsible.Root>
  );
}
