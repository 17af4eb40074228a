import type { ReactNode } from 'react';
import { ExternalLink } from '../components/external-link';
import { openableUrl, PRACTICE_LINK_TITLE } from './train-github-model';
import type { TrainLinks } from './train-links';

/** Props of {@link GitHubLink}. */
export interface GitHubLinkProps {
  url: string;
  links: TrainLinks;
  /** The tooltip of the link, e.g. "Open pull request #42 on GitHub". */
  title: string;
  className?: string;
  children: ReactNode;
}

/**
 * A run or pull request on GitHub: a link that opens in the browser, or, on a practice project (whose
 * pages the browser cannot be sent to), the same text without a link and a tooltip that says why.
 */
export function GitHubLink({ url, links, title, className, children }: GitHubLinkProps) {
  const href = openableUrl(url, links.practice);
  if (href === null) {
    const classes = ['github-link--text', className].filter(Boolean).join(' ');
    return (
      <span className={classes} title={links.practice ? PRACTICE_LINK_TITLE : url}>
        {children}
      </span>
    );
  }
  return (
    <ExternalLink className={className} href={href} title={title} onError={links.onError}>
      {children}
    </ExternalLink>
  );
}
