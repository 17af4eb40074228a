import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentTypeFor, resolveAssetPath } from '../../electron/main/asset-path';

/** A file of the renderer build, ready to send. */
export interface Asset {
  body: Buffer | string;
  contentType: string;
}

/** The script tag that loads the bridge; it must run before the app's module script. */
const BRIDGE_TAG = '<script src="/__bridge.js"></script>';

/**
 * Looks up a request path in the renderer build with the app's own path-traversal-safe resolver
 * (the one `app://` uses), and injects the bridge script into index.html. Null means 404.
 */
export async function readRendererAsset(rendererDir: string, pathname: string): Promise<Asset | null> {
  // The resolver expects an app:// style URL; the host is fixed so only the path is ever looked at.
  const filePath = resolveAssetPath(rendererDir, `app://release-desk${pathname}`);
  if (!filePath) return null;
  let body: Buffer;
  try {
    body = await readFile(filePath);
  } catch {
    return null;
  }
  if (filePath !== join(rendererDir, 'index.html')) return { body, contentType: contentTypeFor(filePath) };
  return { body: injectBridge(body.toString('utf8')), contentType: contentTypeFor(filePath) };
}

/** Puts the bridge tag before the first script of the page (vite emits the app's module script in head). */
export function injectBridge(html: string): string {
  const firstScript = html.indexOf('<script');
  if (firstScript === -1) {
    throw new Error('The renderer build has no <script> in index.html; is out/renderer a real build?');
  }
  return `${html.slice(0, firstScript)}${BRIDGE_TAG}\n    ${html.slice(firstScript)}`;
}
