import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { FlowRun } from '../../../shared/domain/flows/flow-plan';
import type { Envelope } from '../../../shared/ipc/api';
import { callReleaseDesk, releaseDeskApi } from '../lib/release-desk';
import { followRunEvents } from './run-events';
import {
  choiceErrors,
  choicesOf,
  wizardReducer,
  type ChoicesForm,
  type RunCall,
  type WizardState,
} from './wizard-state';

/** The wizard's state and what its buttons do. */
export interface FlowWizardModel {
  state: WizardState;
  edit: (patch: Partial<ChoicesForm>) => void;
  /** Choices → preflight (and checks), preflight → plan. */
  next: () => void;
  back: () => void;
  /** Runs the dry run (`flows.plan`) again. */
  check: () => void;
  start: () => void;
  resume: () => void;
  /** Approves the step a waiting run stopped at (publishes the reviewed draft release); the run goes on. */
  approve: (stepId: string) => void;
  /** Resolves once `flows.abandon` answered; the outcome is in `state`. */
  abandon: () => Promise<void>;
  /** Generates the release notes again after a failure. */
  loadNotes: () => void;
  /** Removes a stale lock; resolves with the answer so the confirmation can show a failure. */
  breakLock: () => Promise<Envelope<{ broken: boolean }>>;
}

/** Options of {@link useFlowWizard}. */
export interface FlowWizardOptions {
  /**
   * A run ended (completed, failed or abandoned) through this wizard; the Train screen refreshes. Also
   * called after the wizard was closed.
   */
  onRunEnded: (run: FlowRun) => void;
}

/**
 * The calls behind the wizard: the dry run, the notes for a release, and starting, resuming and
 * abandoning a run while following its `flows.progress` events. Each dry run has a number, so the
 * answer to one that newer choices superseded is dropped.
 */
export function useFlowWizard(initial: WizardState, { onRunEnded }: FlowWizardOptions): FlowWizardModel {
  const [state, dispatch] = useReducer(wizardReducer, initial);
  const checks = useRef(0);
  const { projectId, flow } = state;

  // Subscribe before any call: the first events of a run can arrive before `flows.start` answers.
  useEffect(() => {
    followRunEvents();
    return releaseDeskApi()?.on('flows.progress', (run) => dispatch({ type: 'progress', run }));
  }, []);

  // The release notes are generated once when a release wizard opens (the state starts as loading).
  const loadsNotes = initial.notes.status === 'loading';
  useEffect(() => {
    if (!loadsNotes) return;
    let live = true;
    void generateNotes(projectId).then((result) => live && dispatch({ type: 'notes-settled', result }));
    return () => {
      live = false;
    };
  }, [loadsNotes, projectId]);

  // The Train screen's callback of the moment, for a run that ends after this wizard re-rendered or closed.
  const onRunEndedRef = useRef(onRunEnded);
  useEffect(() => {
    onRunEndedRef.current = onRunEnded;
  }, [onRunEnded]);

  const runCall = useCallback(async (call: RunCall, request: () => Promise<Envelope<FlowRun>>): Promise<void> => {
    const result = await request();
    dispatch({ type: 'call-settled', call, result });
    if (result.ok && result.value.status !== 'running') onRunEndedRef.current(result.value);
  }, []);

  // Opened by the Train banner's Resume: the state says a resume is pending; make the call once (the
  // ref keeps StrictMode's second effect run from resuming twice).
  const resumesOnOpen = initial.pending === 'resume' && initial.run !== null ? initial.run.id : null;
  const resumed = useRef(false);
  useEffect(() => {
    if (resumesOnOpen === null || resumed.current) return;
    resumed.current = true;
    void runCall('resume', () => callReleaseDesk((api) => api.flows.resume({ runId: resumesOnOpen })));
  }, [resumesOnOpen, runCall]);

  const check = () => {
    checks.current += 1;
    const number = checks.current;
    dispatch({ type: 'preview-started' });
    const choices = choicesOf(flow, state.form);
    void callReleaseDesk((api) => api.flows.plan({ projectId, flow, choices })).then((result) => {
      if (number === checks.current) dispatch({ type: 'preview-settled', result });
    });
  };

  return {
    state,
    edit: (patch) => dispatch({ type: 'edit', patch }),
    next: () => {
      const valid = Object.keys(choiceErrors(flow, state.form)).length === 0;
      dispatch({ type: 'next' });
      if (state.screen === 'choices' && valid) check();
    },
    back: () => dispatch({ type: 'back' }),
    check,
    start: () => {
      if (state.pending !== null) return;
      dispatch({ type: 'call-started', call: 'start' });
      const choices = choicesOf(flow, state.form);
      void runCall('start', () => callReleaseDesk((api) => api.flows.start({ projectId, flow, choices })));
    },
    resume: () => {
      const run = state.run;
      if (!run || state.pending !== null) return;
      dispatch({ type: 'call-started', call: 'resume' });
      void runCall('resume', () => callReleaseDesk((api) => api.flows.resume({ runId: run.id })));
    },
    approve: (stepId) => {
      const run = state.run;
      if (!run || state.pending !== null) return;
      dispatch({ type: 'call-started', call: 'approve' });
      void runCall('approve', () => callReleaseDesk((api) => api.flows.approve({ runId: run.id, stepId })));
    },
    abandon: async () => {
      const run = state.run;
      if (!run || state.pending !== null) return;
      dispatch({ type: 'call-started', call: 'abandon' });
      await runCall('abandon', () => callReleaseDesk((api) => api.flows.abandon({ runId: run.id })));
    },
    loadNotes: () => {
      dispatch({ type: 'notes-started' });
      void generateNotes(projectId).then((result) => dispatch({ type: 'notes-settled', result }));
    },
    breakLock: () => callReleaseDesk((api) => api.flows.breakLock({ projectId })),
  };
}

/** The release notes and the suggested version, from the notes engine with the saved draft applied. */
async function generateNotes(projectId: string): Promise<Envelope<{ markdown: string; version: string }>> {
  const result = await callReleaseDesk((api) => api.notes.generate({ projectId }));
  return result.ok
    ? { ok: true, value: { markdown: result.value.markdown, version: result.value.version.next } }
    : result;
}
