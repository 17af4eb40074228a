import type { TrainPull } from '../../../shared/domain/train/train-github';
import { GitHubLink } from './github-link';
import type { TrainLinks } from './train-links';

/** Props of {@link PullList}. */
export interface PullListProps {
  pulls: readonly TrainPull[];
  /** Names the list for screen readers, e.g. "Pull requests waiting for staging". */
  label: string;
  links: TrainLinks;
  /** Also show where each PR goes (`main ← staging`) and who opened it; the waiting lists leave it out. */
  detailed?: boolean;
}

/** Pull requests as GitHub names them: "#42 Title" links (plain text on practice), like {@link PrLinks}. */
export function PullList({ pulls, label, links, detailed = false }: PullListProps) {
  return (
    <ul className={detailed ? 'pull-list pull-list--detailed' : 'pull-list'} aria-label={label}>
      {pulls.map((pull) => (
        <li className="pull-list__item" key={pull.number}>
          <GitHubLink
            className="pull-list__link"
            url={pull.url}
            links={links}
            title={`Open pull request #${pull.number} on GitHub: ${pull.title}`}
          >
            <span className="pull-list__number">#{pull.number}</span>{' '}
            <span className="pull-list__title">{pull.title}</span>
          </GitHubLink>
          {detailed ? <PullMeta pull={pull} /> : null}
        </li>
      ))}
    </ul>
  );
}

function PullMeta({ pull }: { pull: TrainPull }) {
  return (
    <span className="pull-list__meta">
      <span className="pull-list__branches">
        <span className="visually-hidden">into </span>
        <code className="pull-list__branch" title={pull.base}>
          {pull.base}
        </code>
        <span aria-hidden="true">←</span>
        <span className="visually-hidden"> from </span>
        <code className="pull-list__branch" title={pull.head}>
          {pull.head}
        </code>
      </span>
      <span className="pull-list__author">
        <span className="visually-hidden">by </span>
        {pull.author ? `@${pull.author}` : 'unknown author'}
      </span>
    </span>
  );
}
