import { z } from 'zod';

/** The persisted shape of a project the user releases. Validated on every read from disk. */
export const projectSchema = z.object({
  /** `host/owner/repo`, lower-cased; see `repositoryId`. */
  id: z.string().min(1),
  /** Display name, the repository name. */
  name: z.string().min(1),
  /** The remote the managed clone fetches from. Never carries credentials. */
  remoteUrl: z.string().min(1),
  repository: z.object({
    /** `practice` for the practice project, served by the app's own GitHub-compatible server. */
    kind: z.enum(['github', 'enterprise', 'practice']),
    host: z.string().min(1),
    owner: z.string().min(1),
    repo: z.string().min(1),
  }),
  /** The user's own clone it was added from, if any. Release Desk never writes to it. */
  localPath: z.string().nullable(),
  /** The app-managed clone, inside the app's data directory. */
  clonePath: z.string().min(1),
  /** ISO-8601 time it was added. */
  addedAt: z.string().min(1),
  /** A `.release-desk.yml` outside the repository that replaces the repository's own; null for none. */
  configFile: z.string().min(1).nullable().default(null),
  /** Set for the practice project: the sandbox folder its server and bare repository live in. */
  practice: z
    .object({ sandboxDir: z.string().min(1) })
    .nullable()
    .default(null),
});

/** A project the user releases; see {@link projectSchema}. */
export type Project = z.infer<typeof projectSchema>;

/** Progress of adding a project, streamed while the managed clone is made. */
export interface AddProjectProgress {
  /** Correlates the events with the `projects.add` call that asked for them. */
  operationId: string;
  stage: 'checking' | 'cloning' | 'saving' | 'done';
  /** 0–100 while cloning; absent when git did not say. */
  percent?: number;
  /** Git's own phase name, e.g. "receiving", "resolving". */
  detail?: string;
}
