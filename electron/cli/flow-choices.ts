import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FlowName, MergeMethod } from '../../shared/domain/flows/flow-plan';
import { argSchemas } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import type { FlowChoices } from '../flows/flows-service';
import { hotfixBranchOf, requireFullSha } from '../flows/planners/choice-validation';

/** The choice flags of the flow commands, as commander parses them. */
export interface FlowChoiceOptions {
  version?: string;
  sha?: string;
  name?: string;
  from?: 'staging' | 'main';
  pick?: string[];
  method?: MergeMethod;
  annotated?: boolean;
  notesFile?: string;
}

/** The longest notes file taken: the contract's limit, which GitHub's release body limit (125 000) sets. */
const MAX_NOTES_CHARS = 125_000;

/** Collects a repeatable option (`--pick A --pick B`) into an array, in the order given. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function readNotes(path: string): Promise<string> {
  const info = await stat(path).catch(() => {
    throw new AppError('INVALID_ARGUMENTS', `--notes-file: ${path} does not exist.`);
  });
  if (!info.isFile()) throw new AppError('INVALID_ARGUMENTS', `--notes-file: ${path} is not a file.`);
  const text = await readFile(path, 'utf8');
  if (text.length > MAX_NOTES_CHARS) {
    throw new AppError(
      'INVALID_ARGUMENTS',
      `--notes-file: ${path} has ${text.length} characters; a GitHub release body takes at most ${MAX_NOTES_CHARS}.`,
    );
  }
  return text;
}

/**
 * Turns the flags into the flow's choices, checking each before anything reaches git or GitHub (the
 * planners check again): full shas, a safe hotfix name, a readable notes file; then the contract's own
 * schema, as the app's wizard is held to.
 */
export async function flowChoicesOf(flow: FlowName, options: FlowChoiceOptions, cwd: string): Promise<FlowChoices> {
  const choices: FlowChoices = {};
  if (options.sha !== undefined) choices.sha = requireFullSha(options.sha.trim(), 'commit (--sha)');
  if (options.version !== undefined) {
    const version = options.version.trim();
    if (!/^[0-9A-Za-z][0-9A-Za-z.+-]{0,99}$/.test(version)) {
      throw new AppError('INVALID_ARGUMENTS', `--version "${options.version}" is not a version such as 2026.11.0.`);
    }
    choices.version = version;
  }
  if (options.name !== undefined) {
    hotfixBranchOf(options.name);
    choices.name = options.name;
  }
  if (options.from !== undefined) choices.from = options.from;
  if (options.pick !== undefined)
    choices.shas = options.pick.map((sha) => requireFullSha(sha.trim(), 'commit (--pick)'));
  if (options.method !== undefined) choices.method = options.method;
  if (options.annotated !== undefined) choices.annotated = options.annotated;
  if (options.notesFile !== undefined) choices.notes = await readNotes(resolve(cwd, options.notesFile));
  const checked = argSchemas['flows.start'].safeParse({ projectId: 'cli', flow, choices });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.filter((part) => part !== 'choices').join('.') : '';
    throw new AppError('INVALID_ARGUMENTS', `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid choices'}`);
  }
  return checked.data.choices;
}
