import { z } from 'zod';
import type { ConfigSources, Lane } from '../domain/config/project-config';
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
}

/** Payload types, one per event channel. */
export interface EventTypes {
  'projects.addProgress': AddProjectProgress;
  'train.fetchProgress': TrainFetchProgress;
  /** A run changed: a step started, ended or failed, or the run ended. */
  'flows.progress': FlowRun;
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
