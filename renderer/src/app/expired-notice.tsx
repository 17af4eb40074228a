import { Clock, Presentation, X } from 'lucide-react';
import { Button, IconButton } from '../components/button';
import type { ExpiredReminder } from './expired-reminder';

/** Props of {@link ExpiredNotice}. */
export interface ExpiredNoticeProps {
  reminder: ExpiredReminder;
  onOpenDemos: () => void;
  onDismiss: () => void;
}

/**
 * The calm reminder at start that feature demos have expired, on whatever screen is open. It floats in
 * a corner rather than pushing the screen down when the servers answer late (no layout shift).
 */
export function ExpiredNotice({ reminder, onOpenDemos, onDismiss }: ExpiredNoticeProps) {
  return (
    <div className="expired-notice alert alert--warning" role="status" aria-label="Expired demos">
      <Clock className="alert__icon" aria-hidden="true" />
      <div className="alert__body">
        <p className="alert__message">{reminder.message}</p>
        <div className="alert__action">
          <Button icon={Presentation} onClick={onOpenDemos}>
            Open Demos
          </Button>
        </div>
      </div>
      <IconButton className="expired-notice__close" icon={X} aria-label="Dismiss the reminder" onClick={onDismiss} />
    </div>
  );
}
