import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DEMO_NAME_PATTERN } from '../../../shared/domain/demos/demo-name';
import { SERVER_NAME_PATTERN } from '../../../shared/domain/demos/ssh-server';

/**
 * What this machine launched, in `<dataDir>/demos.json`: the servers' status files are the truth about a
 * demo, but only these records can say that a demo exists on a server that no longer answers.
 */

/** One demo this machine launched. */
export const demoRecordSchema = z.object({
  server: z.string().regex(SERVER_NAME_PATTERN),
  name: z.string().regex(DEMO_NAME_PATTERN),
  branch: z.string().min(1),
  /** The project's id (`host/owner/repo`), for its stop command at teardown. */
  project: z.string().min(1),
  /** ISO time of the launch. */
  launchedAt: z.string().min(1),
  /** ISO time it expires, so an unreachable demo still shows its expiry. */
  expiresAt: z.string().default(''),
});

/** See {@link demoRecordSchema}. */
export type DemoRecord = z.infer<typeof demoRecordSchema>;

/** The local records of launched demos. */
export interface DemoRecords {
  list(): Promise<DemoRecord[]>;
  /** Adds or replaces the record of `record.server`/`record.name`. */
  put(record: DemoRecord): Promise<void>;
  /** Removes the record of the demo; false when there was none. */
  remove(server: string, name: string): Promise<boolean>;
}

/** The records file of a data directory. */
export function demoRecordsFile(dataDir: string): string {
  return join(dataDir, 'demos.json');
}

/**
 * Opens the records in `<dataDir>/demos.json`. Writes are atomic (temp file, then rename) and queued, so
 * two launches at once never lose one another; an unreadable file reads as no records (one bad entry
 * is skipped, the others kept).
 */
export function openDemoRecords(dataDir: string): DemoRecords {
  const file = demoRecordsFile(dataDir);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  const read = async (): Promise<DemoRecord[]> => {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      return [];
    }
    const list = typeof raw === 'object' && raw !== null ? (raw as { demos?: unknown }).demos : undefined;
    if (!Array.isArray(list)) return [];
    return list.flatMap((item) => {
      const parsed = demoRecordSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  };

  const write = async (records: DemoRecord[]): Promise<void> => {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    await writeFile(temp, `${JSON.stringify({ version: 1, demos: records }, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, file);
  };

  const same = (record: DemoRecord, server: string, name: string): boolean =>
    record.server === server && record.name === name;

  return {
    list: () => serial(read),
    put: (record) =>
      serial(async () => {
        const parsed = demoRecordSchema.parse(record);
        await write([...(await read()).filter((known) => !same(known, parsed.server, parsed.name)), parsed]);
      }),
    remove: (server, name) =>
      serial(async () => {
        const before = await read();
        const after = before.filter((known) => !same(known, server, name));
        if (after.length === before.length) return false;
        await write(after);
        return true;
      }),
  };
}
