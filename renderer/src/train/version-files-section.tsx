import { CircleCheck, CircleHelp, TriangleAlert } from 'lucide-react';
import type { LastRelease, VersionFileStatus } from '../../../shared/domain/train/train-status';

/** Props of {@link VersionFilesSection}. */
export interface VersionFilesSectionProps {
  files: readonly VersionFileStatus[];
  /** The tag the files are compared with; without one there is nothing to agree with. */
  release: LastRelease | null;
}

/** On the main card: each file that carries the version, and whether it agrees with the last tag. */
export function VersionFilesSection({ files, release }: VersionFilesSectionProps) {
  return (
    <div className="lane-section">
      <h3 className="lane-section__title">Version files</h3>
      {files.length === 0 ? (
        <p className="lane-section__note">
          None configured. List them under versionFiles in .release-desk.yml (or commitizen’s version_files).
        </p>
      ) : (
        <ul className="version-files" aria-label="Version files">
          {files.map((file) => (
            <li className="version-files__item" key={file.path}>
              <VersionMark file={file} release={release} />
              <span className="version-files__path" title={file.path}>
                {file.path}
              </span>
              <span className="version-files__version">
                {file.version === null ? 'no readable version' : <code>{file.version}</code>}
                {release && !file.matchesTag ? <> · tag is {release.version}</> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VersionMark({ file, release }: { file: VersionFileStatus; release: LastRelease | null }) {
  if (!release) {
    return <CircleHelp className="version-files__mark" aria-label="No release tag to compare with" role="img" />;
  }
  if (file.matchesTag) {
    return (
      <CircleCheck
        className="version-files__mark version-files__mark--ok"
        aria-label={`Matches ${release.tag}`}
        role="img"
      />
    );
  }
  return (
    <TriangleAlert
      className="version-files__mark version-files__mark--warning"
      aria-label={`Differs from ${release.tag}`}
      role="img"
    />
  );
}
