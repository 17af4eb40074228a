/** The outcome of validating a branch or tag name. */
export type RefNameCheck = { ok: true } | { ok: false; reason: string };

/**
 * Validates a branch or tag name with git's `check-ref-format` rules, plus "no leading dash" so a
 * name can never be read as an option. Every user-supplied ref is checked with this before it
 * reaches git, even though git is also called with `--`.
 */
export function checkRefName(name: string): RefNameCheck {
  const fail = (reason: string): RefNameCheck => ({
    ok: false,
    reason: `"${name}" is not a valid ref name: ${reason}.`,
  });
  if (name.length === 0) return { ok: false, reason: 'The ref name is empty.' };
  if (name.length > 255) return fail('it is longer than 255 characters');
  if (name.startsWith('-')) return fail('it cannot start with "-"');
  if (name === '@') return fail('it cannot be "@"');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) {
    return fail('it cannot contain spaces, control characters or any of ~ ^ : ? * [ \\');
  }
  if (name.includes('..')) return fail('it cannot contain ".."');
  if (name.includes('@{')) return fail('it cannot contain "@{"');
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) {
    return fail('it cannot start or end with "/" or contain "//"');
  }
  if (name.endsWith('.')) return fail('it cannot end with "."');
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return fail('no part of it may start with "."');
    if (component.endsWith('.lock')) return fail('no part of it may end with ".lock"');
  }
  return { ok: true };
}

/** True when {@link checkRefName} accepts the name. */
export function isValidRefName(name: string): boolean {
  return checkRefName(name).ok;
}
