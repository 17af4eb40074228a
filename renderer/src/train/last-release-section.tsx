import { CircleCheck, TriangleAlert } from 'lucide-react';
import type { LastRelease } from '../../../shared/domain/train/train-status';
import type { TagFormat } from '../../../shared/domain/versions/release-tags';
import { assertNever } from '../lib/assert-never';
import { countOf } from './train-format';

/** Props of {@link LastReleaseSection}. */
export interface LastReleaseSectionProps {
  release: LastRelease | null;
  tagFormat: TagFormat;
  /** The release branch's name, e.g. `main`. */
  branch: string;
}

/** On the main card: the newest release tag, whether main still contains it, and what came since. */
export function LastReleaseSection({ release, tagFormat, branch }: LastReleaseSectionProps) {
  return (
    <div className="lane-section">
      <h3 className="lane-section__title">Last release</h3>
      {release ? (
        <dl className="release-facts">
          <dt>Tag</dt>
          <dd className="release-facts__tag">
            <code className="tag">{release.tag}</code>
            {release.isAncestor ? (
              <span className="mark mark--ok">
                <CircleCheck className="mark__icon" aria-hidden="true" />
                in {branch}’s history
              </span>
            ) : (
              <span className="mark mark--warning">
                <TriangleAlert className="mark__icon" aria-hidden="true" />
                not in {branch}’s history
              </span>
            )}
          </dd>
          <dt>Since the tag</dt>
          <dd>
            {countOf(release.unreleasedCommits, 'commit', 'commits')} on {branch}
          </dd>
          {release.newestAncestorTag && release.newestAncestorTag !== release.tag ? (
            <>
              <dt>Newest in history</dt>
              <dd>
                <code className="tag">{release.newestAncestorTag}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="lane-section__note">
          No {describeScheme(tagFormat)} release tag yet. The first release creates one.
        </p>
      )}
    </div>
  );
}

function describeScheme(format: TagFormat): string {
  switch (format.scheme) {
    case 'calver':
      return `${format.prefix}YYYY.N.P`;
    case 'semver':
      return `${format.prefix}MAJOR.MINOR.PATCH`;
    default:
      return assertNever(format.scheme);
  }
}
