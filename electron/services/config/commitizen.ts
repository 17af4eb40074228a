import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';

/** One version file: a path from the repository root and an optional line pattern (commitizen's `path:regex`). */
export interface VersionFileSpec {
  path: string;
  pattern: string | null;
}

/** What Release Desk takes from a `[tool.commitizen]` table. */
export interface CommitizenSettings {
  /** The pyproject.toml it came from, relative to the repository root. */
  file: string;
  version: string | null;
  versionFiles: VersionFileSpec[];
  ignoredTagFormats: string[];
  tagFormat: string | null;
}

/**
 * Splits `path:pattern` (commitizen's form) into its parts and resolves the path against `baseDir`
 * (the folder of the file that named it). Null when the path leaves the repository.
 */
export function parseVersionFileSpec(spec: string, baseDir = ''): VersionFileSpec | null {
  const separator = spec.indexOf(':');
  const rawPath = separator === -1 ? spec : spec.slice(0, separator);
  const pattern = separator === -1 ? null : spec.slice(separator + 1) || null;
  const path = posix.normalize(posix.join(baseDir, rawPath));
  if (path.startsWith('..') || posix.isAbsolute(path)) return null;
  return { path, pattern };
}

/**
 * Reads commitizen's settings from a pyproject.toml's text; null when it has no `[tool.commitizen]`.
 * Paths in `version_files` are relative to the pyproject.toml, as commitizen runs from there.
 */
export function readCommitizenSettings(file: string, text: string): CommitizenSettings | null {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const tool = document.tool as Record<string, unknown> | undefined;
  const table = tool?.commitizen as Record<string, unknown> | undefined;
  if (!table || typeof table !== 'object') return null;
  const baseDir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return {
    file,
    version: typeof table.version === 'string' ? table.version : null,
    versionFiles: strings(table.version_files)
      .map((spec) => parseVersionFileSpec(spec, baseDir))
      .filter((spec): spec is VersionFileSpec => spec !== null),
    ignoredTagFormats: strings(table.ignored_tag_formats),
    tagFormat: typeof table.tag_format === 'string' ? table.tag_format : null,
  };
}
