const VERSION_TOKEN = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/;

/**
 * Reads the version a version file declares. With a pattern (commitizen's `path:regex`), the first line
 * that matches it and carries a version; without one, the first line that carries a version. Null
 * when none does, or when the pattern is not a valid regular expression.
 */
export function readDeclaredVersion(text: string, pattern: string | null): string | null {
  let matcher: RegExp | null = null;
  if (pattern) {
    try {
      matcher = new RegExp(pattern);
    } catch {
      return null;
    }
  }
  for (const line of text.split('\n')) {
    if (matcher && !matcher.test(line)) continue;
    const token = VERSION_TOKEN.exec(line);
    if (token) return token[0];
  }
  return null;
}
