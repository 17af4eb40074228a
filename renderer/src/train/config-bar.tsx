import { FileCog, FolderOpen, Undo2 } from 'lucide-react';
import type { ConfigSources } from '../../../shared/domain/config/project-config';
import type { Project } from '../../../shared/domain/project';
import { Button } from '../components/button';
import { assertNever } from '../lib/assert-never';

/** Props of {@link ConfigBar}. */
export interface ConfigBarProps {
  project: Project;
  /** Where the shown status's config came from; null before the first status arrives. */
  sources: ConfigSources | null;
  /** A status call is running; the buttons wait for it. */
  busy: boolean;
  onChooseFile: () => void;
  onUseRepository: () => void;
}

/** Which config is in force. */
type ConfigInForce =
  { kind: 'external'; path: string } | { kind: 'repository' } | { kind: 'defaults' } | { kind: 'unknown' };

function configInForce(project: Project, sources: ConfigSources | null): ConfigInForce {
  if (project.configFile) return { kind: 'external', path: project.configFile };
  if (!sources) return { kind: 'unknown' };
  return sources.file ? { kind: 'repository' } : { kind: 'defaults' };
}

/** The config in force (outside file, the repository's, or the defaults) and the ways to change it. */
export function ConfigBar({ project, sources, busy, onChooseFile, onUseRepository }: ConfigBarProps) {
  const config = configInForce(project, sources);
  return (
    <div className="config-bar">
      <FileCog className="config-bar__icon" aria-hidden="true" />
      <p className="config-bar__text">
        <span className="config-bar__label">Config:</span> <ConfigDescription config={config} />
        {/* An outside file's path is long already; the commitizen source is a detail it can do without. */}
        {sources?.commitizen && config.kind !== 'external' ? (
          <span className="config-bar__extra">
            {' '}
            · versions from <code>{sources.commitizen}</code>
          </span>
        ) : null}
      </p>
      <div className="config-bar__actions">
        <Button icon={FolderOpen} aria-disabled={busy} onClick={() => (busy ? undefined : onChooseFile())}>
          Use a config file…
        </Button>
        {config.kind === 'external' ? (
          <Button icon={Undo2} aria-disabled={busy} onClick={() => (busy ? undefined : onUseRepository())}>
            Use the repository’s config
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function ConfigDescription({ config }: { config: ConfigInForce }) {
  switch (config.kind) {
    case 'external':
      return (
        <code className="config-bar__path" title={config.path}>
          {config.path}
        </code>
      );
    case 'repository':
      return (
        <>
          <code>.release-desk.yml</code> in the repository
        </>
      );
    case 'defaults':
      return (
        <>
          defaults (no <code>.release-desk.yml</code>)
        </>
      );
    case 'unknown':
      return (
        <>
          looking for <code>.release-desk.yml</code> in the repository…
        </>
      );
    default:
      return assertNever(config);
  }
}
