import { readFileSync } from 'node:fs';

/**
 * Reads `version` from a package.json. The CLI reads it at run time rather than importing the JSON,
 * because the layer lint rule forbids imports from outside the layer folders (package.json is one).
 */
export function readPackageVersion(packageJsonPath: string): string {
  const parsed: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  throw new Error(`${packageJsonPath} has no "version" field.`);
}
