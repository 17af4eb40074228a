/**
 * A feature demo as the inventory shows it: what the server's status file says, reconciled with what
 * this machine launched. Pure types and helpers; the SSH work is in `electron/services/demos`.
 */

/** The server name the inventory gives demos that run through a GitHub workflow (`demos.mode: workflow`). */
export const WORKFLOW_DEMO_SERVER = 'github';

/** Where a demo stands. `unreachable`: its server could not be asked (gone, down, or its key changed). */
export type DemoState = 'starting' | 'running' | 'failed' | 'stopping' | 'stopped' | 'unreachable';

/** What the demo script writes to `<demo>/status.json` on the server (and `status` prints). */
export interface DemoStatusFile {
  name: string;
  branch: string;
  sha: string;
  /** Empty until the deploy command said where the demo answers. */
  url: string;
  /** Who launched it (`user@machine`). */
  owner: string;
  /** ISO times. */
  startedAt: string;
  expiresAt: string;
  state: Exclude<DemoState, 'unreachable'>;
  /** The exit status of the deploy command once it ended, else null. */
  exitCode: number | null;
}

/** One row of the inventory. */
export interface DemoView extends Omit<DemoStatusFile, 'state'> {
  /** The server's name in settings. */
  server: string;
  state: DemoState;
  /** Past `expiresAt`. */
  expired: boolean;
  /** When the server could not be asked: why, in a sentence. */
  problem: string | null;
}

/** Parses an expiry like `14d`, `36h` or `2w` into milliseconds; null when it is not one (max 90 days). */
export function parseExpiry(text: string): number | null {
  const match = /^(\d{1,4})([hdw])$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]) * ({ h: 1, d: 24, w: 24 * 7 } as const)[match[2] as 'h' | 'd' | 'w'];
  if (hours < 1 || hours > 90 * 24) return null;
  return hours * 3_600_000;
}

/** One stage of "Test connection", in the order they run. */
export type ConnectionStageId = 'dns' | 'tcp' | 'host-key' | 'auth' | 'requirements';

/** What "Test connection" found: each stage that ran, stopping at the first failure. */
export interface ConnectionReport {
  ok: boolean;
  stages: { id: ConnectionStageId; ok: boolean; message: string }[];
}

/** A server's host key as first contact reads it, and whether `~/.ssh/known_hosts` agrees. */
export interface HostKeyProbe {
  algorithm: string;
  /** `SHA256:…`, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  knownHosts: 'match' | 'mismatch' | 'absent';
}

/** An environment variable name a demo may be given. */
export const DEMO_ENV_NAME_PATTERN = /^[A-Z_][A-Z0-9_]{0,63}$/;
