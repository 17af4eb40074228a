import { parse as parseYaml } from 'yaml';
import type { GitRepository } from '../../services/git/git-repository';

/** True when a workflow file's `on:` includes `release` (string, list or map form). */
export function runsOnRelease(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null) return false;
  // YAML 1.1 readers turn a bare `on` key into `true`; the `yaml` package keeps it as the string "on".
  const on = (parsed as Record<string, unknown>).on;
  if (on === 'release') return true;
  if (Array.isArray(on)) return on.includes('release');
  return typeof on === 'object' && on !== null && 'release' in on;
}

/** The workflow file on the main branch that a published release starts, if any. */
export async function releaseWorkflowOf(repo: GitRepository, mainRef: string | null): Promise<string | null> {
  if (!mainRef) return null;
  const files = (await repo.listFiles(mainRef)).filter((path) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path));
  for (const path of files.sort()) {
    const text = await repo.readFile(mainRef, path);
    if (text !== null && runsOnRelease(text)) return path.split('/').pop() ?? null;
  }
  return null;
}
