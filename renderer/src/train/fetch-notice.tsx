import { CloudOff } from 'lucide-react';

/**
 * Shown when the fetch before a status failed (offline, signed out): the status below is still useful,
 * so this informs rather than blocks. The message already ends with what the status is based on.
 */
export function FetchNotice({ message }: { message: string }) {
  return (
    <div className="notice notice--warning" role="status">
      <CloudOff className="notice__icon" aria-hidden="true" />
      <div className="notice__body">
        <p className="notice__title">Could not fetch from origin</p>
        <p className="notice__message">{message}</p>
      </div>
    </div>
  );
}
