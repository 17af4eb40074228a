import { GitHubLink } from './github-link';
import { pullRequestUrl } from './train-format';
import type { TrainLinks } from './train-links';

/** Props of {@link PrLinks}. */
export interface PrLinksProps {
  prs: readonly number[];
  /** Names the list for screen readers, e.g. "Pull requests waiting for staging". */
  label: string;
  links: TrainLinks;
}

/** Pull requests as compact "#3068" links that open on GitHub in the browser (plain text on practice). */
export function PrLinks({ prs, label, links }: PrLinksProps) {
  return (
    <ul className="pr-links" aria-label={label}>
      {prs.map((number) => (
        <li key={number}>
          <GitHubLink
            className="pr-link"
            url={pullRequestUrl(links.repositoryUrl, number)}
            title={`Open pull request #${number} on GitHub`}
            links={links}
          >
            #{number}
          </GitHubLink>
        </li>
      ))}
    </ul>
  );
}
