import { z } from 'zod';
import { sshServerSchema } from './demos/ssh-server';
import { githubAccountSchema } from './github/github-account';
import { projectSchema } from './project';

/**
 * Personal settings, persisted per user (electron-store in the app, conf in the CLI; same file).
 * Team-wide settings live in the repository's `.release-desk.yml`, never here; secrets live in the keychain.
 */
export const settingsSchema = z.object({
  projects: z.array(projectSchema).default([]),
  /** Connected GitHub accounts, one per host; their tokens are in the OS keychain. */
  githubAccounts: z.array(githubAccountSchema).default([]),
  /** SSH servers for feature demos, with pinned host keys; their private keys are in the OS keychain. */
  servers: z.array(sshServerSchema).default([]),
});

/** See {@link settingsSchema}. */
export type Settings = z.infer<typeof settingsSchema>;

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = { projects: [], githubAccounts: [], servers: [] };
