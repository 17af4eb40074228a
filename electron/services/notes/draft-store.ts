import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDraft, notesDraftSchema, type NotesDraft } from '../../../shared/domain/notes/draft';

/** Notes drafts on disk, one JSON file per project and target version. */
export interface DraftStore {
  load(projectId: string, version: string): NotesDraft;
  save(projectId: string, version: string, draft: NotesDraft): void;
}

/** A version as a file name: versions are `[0-9A-Za-z.-]`, anything else is replaced. */
function fileNameFor(version: string): string {
  return `${version.replace(/[^0-9A-Za-z.-]/g, '_')}.json`;
}

/**
 * Stores drafts under `<dataDir>/drafts/<hash of project id>/<version>.json`. Writes go to a temp file
 * then rename, so a crash mid-write leaves the previous draft intact; an unreadable file reads as empty.
 */
export function createDraftStore(dataDir: string): DraftStore {
  const folderFor = (projectId: string): string =>
    join(dataDir, 'drafts', createHash('sha256').update(projectId).digest('hex').slice(0, 24));
  return {
    load(projectId, version) {
      try {
        const raw: unknown = JSON.parse(readFileSync(join(folderFor(projectId), fileNameFor(version)), 'utf8'));
        const parsed = notesDraftSchema.safeParse(raw);
        return parsed.success ? parsed.data : emptyDraft();
      } catch {
        return emptyDraft();
      }
    },
    save(projectId, version, draft) {
      const folder = folderFor(projectId);
      mkdirSync(folder, { recursive: true });
      const target = join(folder, fileNameFor(version));
      const temporary = `${target}.${randomUUID()}.tmp`;
      writeFileSync(temporary, JSON.stringify(notesDraftSchema.parse(draft), null, 2));
      renameSync(temporary, target);
    },
  };
}
