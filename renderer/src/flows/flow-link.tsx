import type { IpcError } from '../../../shared/ipc/errors';
import { GitHubLink } from '../train/github-link';

/** Props of {@link FlowLink}. */
export interface FlowLinkProps {
  label: string;
  url: string | null;
  /** A practice project: its pages cannot be opened, so the label shows as text. */
  practice: boolean;
  onError: (error: IpcError) => void;
  className?: string;
}

/**
 * A pull request, release or workflow run a flow made: a link that opens in the browser, or plain text
 * when there is no page to open (a tag, or anything on the practice project's loopback server).
 */
export function FlowLink({ label, url, practice, onError, className }: FlowLinkProps) {
  if (url === null) return <span className={className}>{label}</span>;
  return (
    <GitHubLink
      url={url}
      links={{ repositoryUrl: '', practice, onError }}
      title={`Open ${label} on GitHub`}
      className={className}
    >
      {label}
    </GitHubLink>
  );
}
