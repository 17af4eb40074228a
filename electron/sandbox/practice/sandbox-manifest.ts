import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** `sandbox.json`: marks a folder as a practice project. It never holds a token. */
export const MANIFEST_FILE = 'sandbox.json';

/** The server's state folder inside a practice project folder. */
export const STATE_DIR_NAME = 'state';

const manifestSchema = z.object({
  version: z.literal(1),
  owner: z.string().regex(/^[A-Za-z0-9-]{1,39}$/),
  repo: z.string().regex(/^(?!\.)[A-Za-z0-9._-]{1,100}$/),
  createdAt: z.string().min(1),
});

/** What `sandbox.json` holds. */
export type SandboxManifest = z.infer<typeof manifestSchema>;

/** A practice project on disk: where it is and which repository it serves. */
export interface PracticeSandboxInfo {
  /** The practice project's folder (absolute). */
  dir: string;
  owner: string;
  repo: string;
  /** The sandbox server's state folder (`DIR/state`). */
  stateDir: string;
  /** The bare repository the server serves: a path git can clone, fetch and push. */
  bareRepositoryPath: string;
}

/**
 * The info of the practice project in `dir`. The bare repository's place follows the server's layout
 * (`RepositoryStore.bareRepositoryPath`: owner and name lower-cased); a test holds the two together.
 */
export function sandboxInfo(dir: string, manifest: Pick<SandboxManifest, 'owner' | 'repo'>): PracticeSandboxInfo {
  const stateDir = join(dir, STATE_DIR_NAME);
  return {
    dir,
    owner: manifest.owner,
    repo: manifest.repo,
    stateDir,
    bareRepositoryPath: join(stateDir, 'repos', manifest.owner.toLowerCase(), `${manifest.repo.toLowerCase()}.git`),
  };
}

/** Reads and checks `dir/sandbox.json`; null when there is none or it is not a practice manifest. */
export function readManifest(dir: string): SandboxManifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    // Unreadable or not JSON: some other program's sandbox.json, not ours.
    return null;
  }
}

/** Writes `dir/sandbox.json` atomically (temp file, then rename): it is written last, once all else is there. */
export function writeManifest(dir: string, manifest: SandboxManifest): void {
  const path = join(dir, MANIFEST_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`);
  renameSync(temp, path);
}
