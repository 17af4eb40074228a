import type { FlowName, FlowRun } from '../../../shared/domain/flows/flow-plan';
import type { Envelope } from '../../../shared/ipc/api';
import type { FlowPreview, InputOf } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/errors';
import { assertNever } from '../lib/assert-never';

/**
 * The promotion wizard as a pure state machine: the choices form, the dry run, the run and its outcome.
 * The dialog renders a state and dispatches actions; the calls to main live in `use-flow-wizard.ts`.
 */

/** The wizard's screens, in order. */
export const WIZARD_SCREENS = ['choices', 'preflight', 'plan', 'run', 'result'] as const;
/** One of {@link WIZARD_SCREENS}. */
export type WizardScreen = (typeof WIZARD_SCREENS)[number];

/** The choices as typed: strings, so a half-typed sha stays on screen until it is checked. */
export interface ChoicesForm {
  /** Freeze: the development commit; empty means development's head. */
  sha: string;
  /** Freeze and release: empty means the suggested next version. */
  version: string;
  /** Hotfix: the branch is `hotfix/<name>`. */
  name: string;
  /** Hotfix and back-merge: the lane it starts from. */
  from: 'staging' | 'main';
  /** Hotfix: commits to cherry-pick, one per line (or separated by spaces or commas). */
  shas: string;
  /** Release: an annotated tag instead of a lightweight one. */
  annotated: boolean;
  /** Release: the release body. */
  notes: string;
}

/** The contract's choices of `flows.plan` and `flows.start`. */
export type FlowChoicesInput = InputOf<'flows.start'>['choices'];

/** A field of {@link ChoicesForm} that can be wrong. */
export type ChoiceField = 'sha' | 'version' | 'name' | 'shas' | 'notes';

/** The generated notes (release) and the suggested version they come with. */
export type NotesLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; version: string }
  | { status: 'failed'; error: IpcError };

/** The dry run: `flows.plan`'s answer. */
export type PreviewLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; preview: FlowPreview }
  | { status: 'failed'; error: IpcError };

/** A call that changes a run: starting it, resuming it, or abandoning it. */
export type RunCall = 'start' | 'resume' | 'abandon' | 'approve';

/** Everything the wizard shows. */
export interface WizardState {
  flow: FlowName;
  projectId: string;
  screen: WizardScreen;
  form: ChoicesForm;
  /** Field errors show once Next was pressed, not while the user is still typing the first time. */
  showErrors: boolean;
  notes: NotesLoad;
  preview: PreviewLoad;
  /** The run, from its first progress event or the call's answer. */
  run: FlowRun | null;
  /** The start, resume or abandon call in flight. */
  pending: RunCall | null;
  /** The last start, resume or abandon call failed (e.g. the lock is held); the run, if any, is unchanged. */
  callError: IpcError | null;
}

/** What can happen in the wizard. */
export type WizardAction =
  | { type: 'edit'; patch: Partial<ChoicesForm> }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'notes-started' }
  | { type: 'notes-settled'; result: Envelope<{ markdown: string; version: string }> }
  | { type: 'preview-started' }
  | { type: 'preview-settled'; result: Envelope<FlowPreview> }
  | { type: 'call-started'; call: RunCall }
  | { type: 'progress'; run: FlowRun }
  | { type: 'call-settled'; call: RunCall; result: Envelope<FlowRun> };

/** The longest release body GitHub accepts. */
export const MAX_NOTES_LENGTH = 125_000;
const FULL_SHA = /^[0-9a-f]{40}$/i;
const HOTFIX_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_CHERRY_PICKS = 100;

/** An empty form: every choice at its default. */
export function emptyForm(): ChoicesForm {
  return { sha: '', version: '', name: '', from: 'staging', shas: '', annotated: false, notes: '' };
}

/** A fresh wizard for `flow`, on its first screen. */
export function initialWizard(flow: FlowName, projectId: string): WizardState {
  return {
    flow,
    projectId,
    screen: 'choices',
    form: emptyForm(),
    showErrors: false,
    // A release's notes are generated as the wizard opens; the other flows need none.
    notes: flow === 'release' ? { status: 'loading' } : { status: 'idle' },
    preview: { status: 'idle' },
    run: null,
    pending: null,
    callError: null,
  };
}

/**
 * The back-merge wizard that a finished hotfix offers: its lane (staging or main) back into
 * development, so the next freeze does not lose the fix.
 */
export function backMergeAfterHotfix(run: FlowRun): WizardState | null {
  if (run.plan.flow !== 'hotfix' || run.status !== 'completed') return null;
  const from = run.plan.choices.from === 'main' ? 'main' : 'staging';
  return { ...initialWizard('backmerge', run.plan.projectId), form: { ...emptyForm(), from } };
}

/**
 * A wizard opened on a run that already exists: a live run whose wizard was closed, or an interrupted
 * one. With `resume`, the wizard opens as the resume call starts (the Train banner's Resume).
 */
export function wizardForRun(run: FlowRun, resume = false): WizardState {
  return {
    ...initialWizard(run.plan.flow, run.plan.projectId),
    notes: { status: 'idle' },
    screen: resume || run.status === 'running' ? 'run' : 'result',
    run,
    pending: resume ? 'resume' : null,
  };
}

/** Splits the cherry-pick field into shas: one per line, or separated by spaces or commas. */
export function parseShaList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((sha) => sha.trim())
    .filter((sha) => sha !== '');
}

/** What is wrong with the form for `flow`, per field; empty when it can go on. */
export function choiceErrors(flow: FlowName, form: ChoicesForm): Partial<Record<ChoiceField, string>> {
  const errors: Partial<Record<ChoiceField, string>> = {};
  const version = form.version.trim();
  if ((flow === 'freeze' || flow === 'release') && version.length > 100) {
    errors.version = 'A version is at most 100 characters.';
  }
  if (flow === 'freeze') {
    const sha = form.sha.trim();
    if (sha !== '' && !FULL_SHA.test(sha)) {
      errors.sha = 'Use a full 40-character commit sha, or leave the field empty for the head of development.';
    }
  }
  if (flow === 'hotfix') {
    const name = form.name.trim();
    if (name === '') errors.name = 'Enter a name for the hotfix, e.g. export-crash.';
    else if (!HOTFIX_NAME.test(name)) {
      errors.name =
        'Use 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit (e.g. export-crash).';
    }
    const shas = parseShaList(form.shas);
    const wrong = shas.find((sha) => !FULL_SHA.test(sha));
    if (wrong !== undefined) errors.shas = `“${wrong}” is not a full 40-character commit sha.`;
    else if (shas.length > MAX_CHERRY_PICKS) errors.shas = `Pick at most ${MAX_CHERRY_PICKS} commits.`;
  }
  if (flow === 'release' && form.notes.length > MAX_NOTES_LENGTH) {
    errors.notes = `The notes are ${form.notes.length.toLocaleString('en')} characters; GitHub takes at most 125,000.`;
  }
  return errors;
}

/** The choices `flows.plan` and `flows.start` get: only what the flow reads, defaults left out. */
export function choicesOf(flow: FlowName, form: ChoicesForm): FlowChoicesInput {
  const version = form.version.trim();
  switch (flow) {
    case 'freeze': {
      const sha = form.sha.trim().toLowerCase();
      return { ...(sha ? { sha } : {}), ...(version ? { version } : {}) };
    }
    case 'hotfix': {
      const shas = parseShaList(form.shas).map((sha) => sha.toLowerCase());
      return { name: form.name.trim(), from: form.from, ...(shas.length > 0 ? { shas } : {}) };
    }
    case 'promote':
      return {};
    case 'release':
      return {
        ...(version ? { version } : {}),
        annotated: form.annotated,
        // Empty notes mean "the generated ones": main generates them itself.
        ...(form.notes.trim() ? { notes: form.notes } : {}),
      };
    case 'backmerge':
      return { from: form.from };
    default:
      return assertNever(flow);
  }
}

/** Why Start is not offered, or null when the run can start. */
export function startBlocker(state: WizardState): string | null {
  if (state.preview.status !== 'ready') return 'Check the preflight first.';
  const { preview } = state.preview;
  if (preview.canStart) return null;
  const failed = preview.preflight.filter((check) => !check.ok && check.severity === 'blocker');
  if (failed.length === 0) return 'A preflight check failed.';
  return `${failed.length === 1 ? 'A preflight check failed' : `${failed.length} preflight checks failed`}: ${failed
    .map((check) => check.title)
    .join('; ')}.`;
}

/** True when `event` is the run this wizard started or shows, and newer than what it has. */
function isOurRun(state: WizardState, event: FlowRun): boolean {
  if (state.run) return event.id === state.run.id && event.updatedAt >= state.run.updatedAt;
  // Before the first event the run has no id yet; one project runs one flow at a time (the lock), so
  // the first run of this project and flow after Start is ours.
  return state.pending === 'start' && event.plan.projectId === state.projectId && event.plan.flow === state.flow;
}

/** The screen a run is shown on: live progress while it runs, the outcome once it ended. */
function screenOfRun(run: FlowRun): WizardScreen {
  return run.status === 'running' ? 'run' : 'result';
}

/** The wizard after `action`. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'edit':
      if (state.screen !== 'choices') return state;
      // Other choices make another plan: the old dry run no longer says what will happen.
      return { ...state, form: { ...state.form, ...action.patch }, preview: { status: 'idle' } };
    case 'next':
      if (state.screen === 'choices') {
        if (Object.keys(choiceErrors(state.flow, state.form)).length > 0) return { ...state, showErrors: true };
        return { ...state, screen: 'preflight', showErrors: false };
      }
      if (state.screen === 'preflight' && state.preview.status === 'ready') return { ...state, screen: 'plan' };
      return state;
    case 'back':
      if (state.pending !== null) return state;
      if (state.screen === 'preflight') return { ...state, screen: 'choices' };
      if (state.screen === 'plan') return { ...state, screen: 'preflight' };
      // A start that failed before any run existed (the lock was held): back to the plan to try again.
      if (state.screen === 'run' && state.run === null) return { ...state, screen: 'plan', callError: null };
      return state;
    case 'notes-started':
      return { ...state, notes: { status: 'loading' } };
    case 'notes-settled': {
      if (!action.result.ok) return { ...state, notes: { status: 'failed', error: action.result.error } };
      const { markdown, version } = action.result.value;
      // What the user typed while the notes were generated wins over the generated text.
      const notes = state.form.notes === '' ? markdown : state.form.notes;
      return { ...state, notes: { status: 'ready', version }, form: { ...state.form, notes } };
    }
    case 'preview-started':
      return { ...state, preview: { status: 'loading' } };
    case 'preview-settled':
      return {
        ...state,
        preview: action.result.ok
          ? { status: 'ready', preview: action.result.value }
          : { status: 'failed', error: action.result.error },
      };
    case 'call-started':
      return {
        ...state,
        pending: action.call,
        callError: null,
        screen: action.call === 'abandon' ? state.screen : 'run',
      };
    case 'progress':
      if (!isOurRun(state, action.run)) return state;
      return {
        ...state,
        run: action.run,
        // A run that ends while no call of ours waits (the wizard was reopened on a live run) shows its outcome.
        screen: state.pending === null ? screenOfRun(action.run) : state.screen,
      };
    case 'call-settled': {
      if (!action.result.ok) {
        // The run is where it was: a failed resume or abandon shows the error on the outcome screen.
        const screen = state.run ? screenOfRun(state.run) : state.screen;
        return { ...state, pending: null, callError: action.result.error, screen };
      }
      const run = action.result.value;
      return { ...state, pending: null, callError: null, run, screen: screenOfRun(run) };
    }
  }
}
