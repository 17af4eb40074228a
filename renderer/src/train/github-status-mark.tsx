import { CircleCheck, CircleDashed, CircleSlash, CircleX, Clock, LoaderCircle, type LucideIcon } from 'lucide-react';
import type { StatusIcon, StatusMark } from './train-github-model';

const ICONS: Record<StatusIcon, LucideIcon> = {
  check: CircleCheck,
  cross: CircleX,
  clock: Clock,
  spinner: LoaderCircle,
  slash: CircleSlash,
  dash: CircleDashed,
};

/**
 * A status as an icon and a word ("Succeeded", "Failing"). The word carries the meaning, so the icon is
 * hidden from screen readers and colour is never the only cue.
 */
export function GitHubStatusMark({ mark }: { mark: StatusMark }) {
  const Icon = ICONS[mark.icon];
  const iconClass = mark.icon === 'spinner' ? 'status-mark__icon spin' : 'status-mark__icon';
  return (
    <span className={`status-mark status-mark--${mark.tone}`}>
      <Icon className={iconClass} aria-hidden="true" />
      {mark.word}
    </span>
  );
}
