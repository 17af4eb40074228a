import type { ReleaseNotes } from '../../../shared/domain/notes/notes-model';
import { parseRemoteUrl, repositoryWebUrl } from '../../../shared/domain/remote-url';
import { releaseTags } from '../../../shared/domain/versions/release-tags';
import { loadEffectiveConfig, type EffectiveConfig } from '../config/config-loader';
import { openRepository, type GitRepository } from '../git/git-repository';
import { parseRemoteConfig, pickPrimaryRemote } from '../git/remotes';
import { laneRef, tagFormatFor } from '../train/train-status';
import { suggestNextVersion, validateManualVersion, type NextVersion } from '../versions/next-version';
import { versionFileReport, type VersionFileReport } from '../versions/version-file-report';
import { groupCommits, withoutReleased } from './commit-grouping';
import { parseGitHubReleaseConfig } from './github-release-config';
import { buildNotes } from './notes-generator';
import { selectRange } from './range-selection';

/** What to make notes for. */
export interface NotesRequest {
  /** A clone or bare repository. */
  dir: string;
  configFile?: string;
  from?: string;
  to?: string;
  /** The release date, for the CalVer year; today when absent. */
  date?: Date;
  /** A version chosen by hand instead of the suggestion; validated. */
  version?: string;
  /** The web URL of the repository when the caller knows it (a registered project). */
  repositoryUrl?: string | null;
}

/** Generated notes with the version they would be released as. */
export interface NotesResult {
  notes: ReleaseNotes;
  version: NextVersion;
  config: EffectiveConfig;
  /** The configured version files at the target: consistency with the current release, and the bump. */
  versionFiles: VersionFileReport[];
}

async function webUrlOf(repo: GitRepository): Promise<string | null> {
  const remotes = parseRemoteConfig(await repo.remoteConfig());
  const remote = pickPrimaryRemote(remotes);
  const parsed = remote ? parseRemoteUrl(remote.url) : null;
  return parsed?.ok ? repositoryWebUrl(parsed.ref) : null;
}

/**
 * Generates release notes from git alone (what `--offline` means, and what happens without a token):
 * picks the range, groups commits into PRs, classifies them, and suggests the next version.
 */
export async function generateNotes(request: NotesRequest, options: { hooksDir: string }): Promise<NotesResult> {
  const repo = openRepository(request.dir, { hooksDir: options.hooksDir });
  const refs = await repo.refs();
  const [config, webUrl] = await Promise.all([
    loadEffectiveConfig(repo, request.configFile, refs),
    request.repositoryUrl !== undefined ? Promise.resolve(request.repositoryUrl) : webUrlOf(repo),
  ]);
  const tagNames = refs
    .filter((ref) => ref.name.startsWith('refs/tags/'))
    .map((ref) => ref.name.slice('refs/tags/'.length));
  const format = tagFormatFor(config, tagNames);
  const releases = releaseTags(tagNames, format, config.ignoredTagFormats);
  const to = request.to ?? laneRef(refs, config.config.branches.main)?.name ?? config.config.branches.main;

  // GitHub's release config at the target, read while the range is chosen; a bad target is reported
  // by the range selection, so a failure here is only a missing file.
  const releaseConfig = repo.readFile(to, '.github/release.yml').catch(() => null);
  const selected = await selectRange({ repo, releases, to, ...(request.from ? { from: request.from } : {}) });
  const releaseConfigText = await releaseConfig;
  const github = releaseConfigText === null ? null : parseGitHubReleaseConfig(releaseConfigText);
  const repositoryUrl = webUrl;
  const notes = buildNotes({
    selected,
    groups: withoutReleased(groupCommits(selected.commits), selected.released),
    config,
    github,
    repositoryUrl,
  });
  if (releaseConfigText !== null && github === null) {
    // Said out loud: a broken release.yml silently changing every category would be a surprise.
    notes.warnings.push(
      '.github/release.yml could not be read (it is not valid YAML or has no "changelog" section), so the default categories were used.',
    );
  }

  const version = request.version
    ? validateManualVersion({
        format,
        current: selected.previousRelease,
        manual: request.version,
        existingTags: new Set(tagNames),
      })
    : suggestNextVersion({
        format,
        current: selected.previousRelease,
        entries: notes.entries,
        date: request.date ?? new Date(),
      });
  // The version files at the target, for `release-desk version`: consistency with the current release
  // and the bump. Not repeated as notes warnings: for a past range the target already carries its bump.
  const versionFiles = await versionFileReport(
    repo,
    selected.range.toSha,
    config.versionFiles,
    version.current,
    version.next,
  );
  return { notes, version, config, versionFiles };
}
