/** A remote as configured in a repository, before any `insteadOf` rewriting. */
export interface ConfiguredRemote {
  name: string;
  url: string;
}

/**
 * Parses `git config --get-regexp '^remote\..*\.url$'` output (`remote.<name>.url <url>` per line).
 * Pure. Reading config rather than `git remote -v` keeps the URL the user wrote, not a rewritten one.
 */
export function parseRemoteConfig(output: string): ConfiguredRemote[] {
  const remotes: ConfiguredRemote[] = [];
  for (const line of output.split('\n')) {
    const match = /^remote\.(.+)\.url\s+(.+)$/.exec(line.trim());
    if (match) remotes.push({ name: match[1] as string, url: (match[2] as string).trim() });
  }
  return remotes;
}

/** The remote a project follows: `origin` when present, otherwise the first one configured. */
export function pickPrimaryRemote(remotes: ConfiguredRemote[]): ConfiguredRemote | undefined {
  return remotes.find((remote) => remote.name === 'origin') ?? remotes[0];
}
