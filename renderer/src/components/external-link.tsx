import type { ReactNode } from 'react';
import type { IpcError } from '../../../shared/ipc/errors';
import { callReleaseDesk } from '../lib/release-desk';

/** Props of {@link ExternalLink}. */
export interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  className?: string;
  /** The tooltip, e.g. "Open pull request #42 on GitHub". */
  title?: string;
  /** Called when main refused or failed to open the link, so the screen can say so. */
  onError: (error: IpcError) => void;
}

/**
 * A link that opens in the user's browser through `shell.openExternal`. It is a real `<a href>`, so it
 * reads and behaves as a link (Enter opens it, the URL shows on hover), but the window never navigates.
 */
export function ExternalLink({ href, children, className, title, onError }: ExternalLinkProps) {
  return (
    <a
      className={className}
      href={href}
      title={title}
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        void callReleaseDesk((api) => api.shell.openExternal({ url: href })).then((result) => {
          if (!result.ok) onError(result.error);
        });
      }}
    >
      {children}
    </a>
  );
}
