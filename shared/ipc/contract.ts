import { z } from 'zod';
import type { ConfigSources, Lane } from '../domain/config/project-config';
import {
  DEMO_ENV_NAME_PATTERN,
  parseExpiry,
  type ConnectionReport,
  type DemoView,
  type HostKeyProbe,
} from '../domain/demos/demo';
import { DEMO_NAME_PATTERN } from '../domain/demos/demo-name';
import {
  HOST_KEY_FINGERPRINT_PATTERN,
  SERVER_NAME_PATTERN,
  SSH_HOST_PATTERN,
  SSH_USER_PATTERN,
  type SshServer,
} from '../domain/demos/ssh-server';
import { FLOW_NAMES, type FlowPlan, type FlowRun, type PreflightCheck } from '../domain/flows/flow-plan';
import type { ConnectResult, GitHubAccountView } from '../domain/github/github-account';
import type { AddProjectProgress, Project } from '../domain/project';
import { entryEditSchema } from '../domain/notes/draft';
import { NOTES_FORMATS, type NotesWorkspaceView } from '../domain/notes/notes-view';
import type { TrainGitHubView } from '../domain/train/train-github';
import type { TrainStatus } from '../domain/train/train-status';
import type { EventChannel, InvokeChannel } from './channels';

const noArgs = z.object({}).strict();
const runId = z
  .string()
  .regex(/^[0-9]{8}-[0-9]{6}-[a-z]+-[a-z0-9]{4,12}$/, 'A run id looks like 20261126-101500-freeze-ab12.');
/**
 * What the user chose in a wizard. Names and versions are checked again in main with git's ref rules
 * before they reach a plan; shas must be full hex.
 */
const flowChoicesSchema = z
  .object({
    /** The development commit to freeze (default: head). */
    sha: z
      .string()
      .regex(/^[0-9a-f]{40}$/, 'Use a full 40-character commit sha.')
      .optional(),
    /** The version to release (default: the suggested next version). */
    version: z.string().trim().min(1).max(100).optional(),
    /** A hotfix name: lower-case letters, digits and dashes. */
    name: z.string().trim().min(1).max(40).optional(),
    /** The lane a hotfix or back-merge starts from. */
    from: z.enum(['staging', 'main']).optional(),
    /** Commits to cherry-pick into a hotfix. */
    shas: z
      .array(z.string().regex(/^[0-9a-f]{40}$/, 'Use full 40-character commit shas.'))
      .max(100)
      .optional(),
    method: z.enum(['merge', 'squash', 'rebase']).optional(),
    annotated: z.boolean().optional(),
    /** The release notes as edited in the wizard. */
    notes: z.string().max(125_000).optional(),
  })
  .strict();
const projectId = z.string().min(1).max(300);
/** A ref the user typed: checked again with git's rules in main before it reaches git. */
const userRef = z.string().trim().min(1).max(255).optional();
const targetVersion = z.string().min(1).max(100);

// Demos and their servers. Every name that reaches a server is checked here, again in the service, and
// again by the demo script; messages never echo a value (a pasted key must not come back in an error).
const serverName = z
  .string()
  .regex(SERVER_NAME_PATTERN, 'A server name is 1–40 lower-case letters, digits and dashes, not starting with a dash.');
const demoName = z
  .string()
  .regex(DEMO_NAME_PATTERN, 'A demo name is 1–40 lower-case letters, digits and dashes, not starting with a dash.');
const sshHost = z
  .string()
  .trim()
  .min(1, 'Enter a host name or an IP address.')
  .max(253)
  .regex(SSH_HOST_PATTERN, 'Enter a host name or an IP address.');
const sshPort = z.number().int().min(1, 'A port is 1–65535.').max(65535, 'A port is 1–65535.');
/** The most environment values one demo may be given. */
export const MAX_DEMO_ENV_ENTRIES = 50;
/** The longest environment value, in characters. */
export const MAX_DEMO_ENV_VALUE = 4096;
const demoEnv = z
  .record(
    z.string().regex(DEMO_ENV_NAME_PATTERN, 'An environment name is upper-case letters, digits and _, e.g. API_KEY.'),
    z.string().max(MAX_DEMO_ENV_VALUE, `An environment value is at most ${MAX_DEMO_ENV_VALUE} characters.`),
  )
  .refine((env) => Object.keys(env).length <= MAX_DEMO_ENV_ENTRIES, {
    message: `A demo takes at most ${MAX_DEMO_ENV_ENTRIES} environment values.`,
  });
const serversAddSchema = z
  .object({
    name: serverName,
    host: sshHost,
    port: sshPort,
    user: z.string().regex(SSH_USER_PATTERN, 'Enter a user name (letters, digits, _ . -).'),
    auth: z.enum(['key', 'agent']),
    /** An absolute path main reads the private key from; the renderer never reads the key itself. */
    keyFile: z.string().min(1).max(4096).optional(),
    /** A pasted private key. Goes to the keychain and never comes back. */
    privateKey: z.string().min(1).max(32_768, 'That is too long to be a private key.').optional(),
    passphrase: z.string().max(1024, 'A passphrase is at most 1024 characters.').optional(),
    /** The fingerprint the user compared and trusted on the trust step. */
    trustedFingerprint: z
      .string()
      .regex(HOST_KEY_FINGERPRINT_PATTERN, 'A host key fingerprint looks like SHA256:… (43 characters).'),
  })
  .strict()
  .superRefine((value, context) => {
    const keys = [value.keyFile, value.privateKey].filter((key) => key !== undefined).length;
    if (value.auth === 'key' && keys !== 1) {
      context.addIssue({
        code: 'custom',
        path: ['privateKey'],
        message: 'Choose a key file or paste a private key (one of the two).',
      });
    }
    if (value.auth === 'agent' && (keys > 0 || value.passphrase !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['auth'],
        message: 'With the ssh-agent, send no key or passphrase: the agent holds them.',
      });
    }
  });

/**
 * Argument schemas, one per invoke channel. Main parses every payload with these before any handler
 * runs; `satisfies` makes a missing channel a type error.
 */
export const argSchemas = {
  'app.info': noArgs,
  'projects.list': noArgs,
  'projects.add': z
    .object({
      /** A local folder (absolute path) or a remote URL. */
      source: z.string().trim().min(1, 'Enter a folder or a remote URL.').max(4096),
      /** Chosen by the caller so it can match `projects.addProgress` events to this call. */
      operationId: z
        .string()
        .regex(/^[A-Za-z0-9-]{1,64}$/)
        .optional(),
    })
    .strict(),
  'projects.remove': z.object({ id: projectId }).strict(),
  'projects.setConfigFile': z
    .object({
      id: projectId,
      /** An absolute path to a `.release-desk.yml`, or null to use the repository's own. */
      path: z.string().min(1).max(4096).nullable(),
    })
    .strict(),
  'train.github': z.object({ projectId }).strict(),
  'train.status': z
    .object({
      projectId,
      /** Fetch from the remote first; false recomputes from what the managed clone already has. */
      fetch: z.boolean(),
    })
    .strict(),
  'notes.generate': z
    .object({
      projectId,
      from: userRef,
      to: userRef,
      /** The release date, `YYYY-MM-DD`; decides the CalVer year. */
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.')
        .optional(),
      /** A version chosen by hand; validated against the tags. */
      version: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  'notes.saveDraft': z
    .object({
      projectId,
      version: targetVersion,
      summary: z.string().max(20_000).optional(),
      edits: z.record(z.string().max(100), entryEditSchema).optional(),
      order: z.array(z.string().max(100)).max(20_000).optional(),
    })
    .strict(),
  'notes.copy': z.object({ projectId, version: targetVersion, format: z.enum(NOTES_FORMATS) }).strict(),
  'notes.exportFile': z.object({ projectId, version: targetVersion, format: z.enum(NOTES_FORMATS) }).strict(),
  'dialog.pickFolder': noArgs,
  'dialog.pickConfigFile': noArgs,
  'shell.openExternal': z.object({ url: z.string().min(1).max(2048) }).strict(),
  'github.accounts': noArgs,
  'github.connect': z
    .object({
      // Checked again in main (printable ASCII, no spaces); the message never echoes the value.
      token: z.string().trim().min(1, 'Paste a token.').max(255, 'That is too long to be a GitHub token.'),
      /** A host or API URL for GitHub Enterprise; github.com when absent. */
      server: z.string().trim().max(2048).optional(),
      /** Connect for this project's host and check the token's access to its repository. */
      projectId: projectId.optional(),
    })
    .strict(),
  'github.disconnect': z.object({ host: z.string().trim().min(1).max(260) }).strict(),
  'practice.open': z.object({ operationId: z.string().max(100).optional() }).strict(),
  'practice.reset': z.object({ operationId: z.string().max(100).optional() }).strict(),
  'practice.connect': noArgs,
  'flows.plan': z.object({ projectId, flow: z.enum(FLOW_NAMES), choices: flowChoicesSchema }).strict(),
  'flows.start': z.object({ projectId, flow: z.enum(FLOW_NAMES), choices: flowChoicesSchema }).strict(),
  'flows.resume': z.object({ runId }).strict(),
  'flows.abandon': z.object({ runId }).strict(),
  'flows.approve': z
    .object({
      runId,
      stepId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'A step id is lower-case letters, digits and dashes.'),
    })
    .strict(),
  'flows.runs': z.object({ projectId: projectId.optional() }).strict(),
  'flows.breakLock': z.object({ projectId }).strict(),
  'servers.list': noArgs,
  'servers.probe': z.object({ host: sshHost, port: sshPort }).strict(),
  'servers.add': serversAddSchema,
  'servers.remove': z.object({ name: serverName }).strict(),
  'servers.test': z.object({ name: serverName }).strict(),
  'dialog.pickKeyFile': noArgs,
  'demos.list': noArgs,
  'demos.status': z.object({ server: serverName, name: demoName }).strict(),
  'demos.up': z
    .object({
      projectId,
      server: serverName,
      /** A branch of the project; checked with git's ref rules in main. */
      branch: z.string().trim().min(1, 'Choose a branch.').max(255),
      name: demoName,
      /** How long until the demo expires: `14d`, `36h`, `2w` (at most 90 days). */
      expires: z.string().refine((text) => parseExpiry(text) !== null, {
        message: 'Give the expiry as hours, days or weeks, e.g. 14d, 36h or 2w (at most 90 days).',
      }),
      env: demoEnv,
    })
    .strict(),
  'demos.follow': z
    .object({
      server: serverName,
      name: demoName,
      /** The first log line (1-based) to send: one past the last line the caller has. */
      fromLine: z.number().int().min(1).max(1_000_000_000),
    })
    .strict(),
  /** Stops the `demos.follow` calls tailing this demo (the log panel closed); the demo keeps running. */
  'demos.unfollow': z.object({ server: serverName, name: demoName }).strict(),
  'demos.down': z.object({ server: serverName, name: demoName }).strict(),
  'demos.branches': z.object({ projectId }).strict(),
} satisfies Record<InvokeChannel, z.ZodType>;

/** What the app says about itself. */
export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

/** Result types, one per invoke channel. */
export interface ResultTypes {
  'app.info': AppInfo;
  'projects.list': Project[];
  'projects.add': Project;
  'projects.remove': { removed: string };
  'projects.setConfigFile': Project;
  'train.status': TrainReport;
  'train.github': TrainGitHubView;
  'notes.generate': NotesWorkspaceView;
  'notes.saveDraft': NotesWorkspaceView;
  'notes.copy': { copied: true };
  'notes.exportFile': { path: string | null };
  'dialog.pickFolder': { path: string | null };
  'dialog.pickConfigFile': { path: string | null };
  'shell.openExternal': { opened: boolean };
  'github.accounts': GitHubAccountView[];
  'github.connect': ConnectResult;
  'github.disconnect': { disconnected: boolean };
  'practice.open': Project;
  'practice.reset': Project;
  'practice.connect': ConnectResult;
  'flows.plan': FlowPreview;
  'flows.start': FlowRun;
  'flows.resume': FlowRun;
  'flows.abandon': FlowRun;
  'flows.approve': FlowRun;
  'flows.runs': FlowRun[];
  'flows.breakLock': { broken: boolean };
  'servers.list': SshServer[];
  'servers.probe': HostKeyProbe;
  'servers.add': SshServer;
  'servers.remove': { removed: boolean };
  'servers.test': ConnectionReport;
  'dialog.pickKeyFile': { path: string | null };
  'demos.list': DemoView[];
  'demos.status': DemoView;
  'demos.up': DemoView;
  'demos.follow': DemoView;
  'demos.unfollow': { stopped: boolean };
  'demos.down': { removed: boolean };
  'demos.branches': DemoBranches;
}

/** Payload types, one per event channel. */
export interface EventTypes {
  'projects.addProgress': AddProjectProgress;
  'train.fetchProgress': TrainFetchProgress;
  /** A run changed: a step started, ended or failed, or the run ended. */
  'flows.progress': FlowRun;
  /** Log lines of a demo being launched or followed, in order, batched (about every 50 ms). */
  'demos.log': DemoLogBatch;
  /** A demo changed state while launched or followed (a `problem` means the connection dropped). */
  'demos.state': DemoView;
}

/** A batch of a demo's log lines: `lines[0]` is line `fromLine` (1-based) of the demo's log. */
export interface DemoLogBatch {
  server: string;
  name: string;
  fromLine: number;
  lines: string[];
}

/** What a demo of a project can be launched from (branches, open PRs) and with (config defaults). */
export interface DemoBranches {
  /** Branch names on the project's remote, sorted. */
  branches: string[];
  /** Open PRs (empty when GitHub is not connected): each runs its head branch. */
  pulls: { number: number; title: string; head: string }[];
  /** `demos.expiryDays` from the project's config: the dialog's default expiry. */
  expiryDays: number;
  /** `demos.deployCommand` from the config, or null when none is set (a launch would be refused). */
  deployCommand: string | null;
  /**
   * `demos.mode`: `ssh` runs the demo on a server; `workflow` pushes `feature-demo/<name>` and watches
   * the GitHub workflow `workflow` (null when the config names none: a launch would be refused).
   */
  mode: 'ssh' | 'workflow';
  workflow: string | null;
}

/** A flow's dry run: the exact plan and the preflight checks, with nothing written. */
export interface FlowPreview {
  plan: FlowPlan;
  preflight: PreflightCheck[];
  /** True when no preflight check is a failed blocker. */
  canStart: boolean;
}

/** A train status with where its config came from and how fresh it is. */
export interface TrainReport {
  status: TrainStatus;
  configSources: ConfigSources;
  /** Set when the fetch before computing failed, so the status shows the last fetched state. */
  fetchError: string | null;
  /** Config `deployments`: the deploy workflow file of each lane that has one. */
  deployWorkflows: Partial<Record<Lane, string>>;
}

/** Progress of the fetch that precedes `train.status`. */
export interface TrainFetchProgress {
  projectId: string;
  phase: string;
  percent: number;
}

/** The parsed arguments of a channel. */
export type ArgsOf<C extends InvokeChannel> = z.infer<(typeof argSchemas)[C]>;
/** The input a caller passes (before defaults and trimming). */
export type InputOf<C extends InvokeChannel> = z.input<(typeof argSchemas)[C]>;
/** The result of a channel. */
export type ResultOf<C extends InvokeChannel> = ResultTypes[C];
/** The payload of an event. */
export type EventOf<E extends EventChannel> = EventTypes[E];

/** The main-side implementation of the contract: a missing handler is a type error. */
export type Handlers = {
  [C in InvokeChannel]: (args: ArgsOf<C>) => Promise<ResultOf<C>>;
};
