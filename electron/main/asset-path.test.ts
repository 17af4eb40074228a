import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAssetPath } from './asset-path';

const ROOT = resolve('/srv/release-desk/renderer');
const inRoot = (...parts: string[]): string => join(ROOT, ...parts);

describe('resolveAssetPath: files of the renderer build', () => {
  it.each<[string, string]>([
    ['app://release-desk/', inRoot('index.html')],
    ['app://release-desk', inRoot('index.html')],
    ['app://release-desk/index.html', inRoot('index.html')],
    ['app://release-desk/assets/x.js', inRoot('assets', 'x.js')],
    ['app://release-desk/assets/index-4f2a9c.css', inRoot('assets', 'index-4f2a9c.css')],
    ['app://release-desk/assets/font%20file.woff2', inRoot('assets', 'font file.woff2')],
    ['app://release-desk/index.html?theme=dark#train', inRoot('index.html')],
    ['app://release-desk/assets/../index.html', inRoot('index.html')],
  ])('%s → %s', (url, expected) => {
    expect(resolveAssetPath(ROOT, url)).toBe(expected);
  });

  it('resolves against a root given with a trailing slash or dot segments', () => {
    expect(resolveAssetPath(`${ROOT}/./`, 'app://release-desk/assets/x.js')).toBe(inRoot('assets', 'x.js'));
  });

  it('serves another host when one is configured, and then refuses the default one', () => {
    expect(resolveAssetPath(ROOT, 'app://practice/index.html', 'practice')).toBe(inRoot('index.html'));
    expect(resolveAssetPath(ROOT, 'app://release-desk/index.html', 'practice')).toBeNull();
  });
});

describe('resolveAssetPath: refusals', () => {
  it.each<[string, string]>([
    ['encoded "../" in one segment', 'app://release-desk/%2e%2e%2fetc/passwd'],
    ['encoded upper-case "../"', 'app://release-desk/%2E%2E%2Fetc%2Fpasswd'],
    ['".." followed by encoded slashes', 'app://release-desk/..%2f..%2f..%2fetc%2fpasswd'],
    ['an encoded slash then ".."', 'app://release-desk/%2F..'],
    ['encoded slashes all the way', 'app://release-desk/%2F..%2F..%2Fetc%2Fpasswd'],
    ['a raw backslash traversal', 'app://release-desk/..\\..\\etc\\passwd'],
    ['an encoded backslash traversal', 'app://release-desk/%5c..%5c..%5cetc%5cpasswd'],
    ['a single encoded backslash', 'app://release-desk/assets%5cx.js'],
    ['a NUL byte', 'app://release-desk/index.html%00.js'],
    ['a NUL byte alone', 'app://release-desk/%00'],
    ['a malformed percent-escape', 'app://release-desk/%E0%A4%A'],
    ['an empty host with an absolute path', 'app:////etc/passwd'],
    ['another host', 'app://evil.example/index.html'],
    ['a host that extends ours', 'app://release-desk.evil/index.html'],
    ['our host with a port', 'app://release-desk:8080/index.html'],
    ['not a URL', '/etc/passwd'],
    ['an empty string', ''],
  ])('%s: %s → null', (_label, url) => {
    expect(resolveAssetPath(ROOT, url)).toBeNull();
  });
});

describe('resolveAssetPath: never outside the root', () => {
  // Dot segments and doubled slashes that are not encoded are resolved by the WHATWG URL parser before
  // the path is looked at (Chromium does the same before the request reaches the protocol handler), so
  // they are clamped at the root rather than refused: the result is a path inside the build, never /etc.
  it.each<[string, string]>([
    ['app://release-desk/..', inRoot('index.html')],
    ['app://release-desk/../../etc/passwd', inRoot('etc', 'passwd')],
    ['app://release-desk/%2e%2e/%2e%2e/etc/passwd', inRoot('etc', 'passwd')],
    ['app://release-desk/assets/../../../etc/passwd', inRoot('etc', 'passwd')],
    ['app://release-desk//etc/passwd', inRoot('etc', 'passwd')],
    ['app://release-desk///etc/passwd', inRoot('etc', 'passwd')],
  ])('%s is clamped to %s', (url, expected) => {
    expect(resolveAssetPath(ROOT, url)).toBe(expected);
  });

  it('returns null or a path strictly inside the root for every hostile request', () => {
    const hostile = [
      '..',
      '../..',
      '%2e%2e',
      '%2e%2e%2f%2e%2e%2f',
      '.%2e/.%2e/',
      '%252e%252e%252f',
      '..%2f',
      '..%5c',
      '%2f%2fetc%2fpasswd',
      '/etc/passwd',
      '//etc/passwd',
      'assets/%2e%2e%2f%2e%2e%2fetc',
      '%c0%ae%c0%ae/',
      'index.html%00',
      'C:%5cWindows%5cwin.ini',
    ];
    for (const path of hostile) {
      const result = resolveAssetPath(ROOT, `app://release-desk/${path}`);
      if (result !== null) expect(result.startsWith(`${ROOT}${sep}`), `${path} → ${result}`).toBe(true);
    }
  });
});

describe('contentTypeFor', () => {
  it.each<[string, string]>([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index.js', 'text/javascript; charset=utf-8'],
    ['/r/assets/INDEX.JS', 'text/javascript; charset=utf-8'],
    ['/r/assets/index.css', 'text/css; charset=utf-8'],
    ['/r/icon.svg', 'image/svg+xml'],
    ['/r/icon.png', 'image/png'],
    ['/r/favicon.ico', 'image/x-icon'],
    ['/r/assets/inter.woff2', 'font/woff2'],
    ['/r/manifest.json', 'application/json'],
    ['/r/assets/index.js.map', 'application/octet-stream'],
    ['/r/README', 'application/octet-stream'],
    ['/r/payload.exe', 'application/octet-stream'],
  ])('%s → %s', (path, expected) => {
    expect(contentTypeFor(path)).toBe(expected);
  });
});
