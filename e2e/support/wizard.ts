import { expect, type Locator, type Page } from '@playwright/test';

/** A flow as the Train screen names it: its start button and its wizard's title. */
export interface FlowUi {
  /** The button in the Train screen's "Flows" group, e.g. `Freeze…`. */
  action: string;
  /** The wizard dialog's accessible name, e.g. `Freeze development into staging`. */
  title: string;
  /** The noun in "Start the freeze?" and "The freeze completed.". */
  noun: string;
}

/** The five flows as the UI names them (`renderer/src/flows/flow-labels.ts`). */
export const FLOWS = {
  freeze: { action: 'Freeze…', title: 'Freeze development into staging', noun: 'freeze' },
  promote: { action: 'Promote…', title: 'Promote staging into main', noun: 'promote' },
  release: { action: 'Release…', title: 'Release', noun: 'release' },
  hotfix: { action: 'Hotfix…', title: 'Hotfix', noun: 'hotfix' },
  backmerge: { action: 'Back-merge…', title: 'Back-merge into development', noun: 'back-merge' },
} as const satisfies Record<string, FlowUi>;

/** How long a run may take: its merges, and the deploy or release workflows it watches on a loaded runner. */
const RUN_TIMEOUT_MS = 240_000;
/** The preflight reads the train and the practice GitHub. */
const PREFLIGHT_TIMEOUT_MS = 60_000;

/**
 * The promotion wizard of one flow, driven as a user does: choices, Next, preflight, Next, the plan,
 * Start and its confirmation, then the result. Role- and label-based, like the other page objects.
 */
export class WizardPage {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly flow: FlowUi,
  ) {
    this.dialog = page.getByRole('dialog', { name: flow.title, exact: true });
  }

  /** Opens `flow`'s wizard from the Train screen's Flows group (the Train screen must be on show). */
  static async open(page: Page, flow: FlowUi): Promise<WizardPage> {
    await page.getByRole('group', { name: 'Flows' }).getByRole('button', { name: flow.action, exact: true }).click();
    const wizard = new WizardPage(page, flow);
    await expect(wizard.dialog).toBeVisible();
    return wizard;
  }

  /** A text field of the choices screen, by its whole label (e.g. `Name`, not every label holding it). */
  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  /** Picks a lane in the "Branch from" (hotfix) or "Back-merge from" (back-merge) radio group. */
  async chooseLane(legend: string, lane: 'Staging' | 'Main'): Promise<void> {
    await this.dialog.getByRole('group', { name: legend }).getByRole('radio', { name: lane, exact: true }).check();
  }

  /** The radio of `lane` in the group named `legend`, to assert a preset choice. */
  laneRadio(legend: string, lane: 'Staging' | 'Main'): Locator {
    return this.dialog.getByRole('group', { name: legend }).getByRole('radio', { name: lane, exact: true });
  }

  /** The wizard's stage list item that is current (Choices, Preflight, Plan, Run, Result). */
  get currentStage(): Locator {
    return this.dialog.getByRole('list', { name: 'Stages' }).locator('[aria-current="step"]');
  }

  async next(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Next', exact: true }).click();
  }

  /**
   * From the choices: Next, waits for the preflight's checks, and returns them as text (so a failure
   * names the check that blocked). Fails unless the run can start.
   */
  async runPreflight(): Promise<string> {
    await this.next();
    await expect(this.currentStage).toHaveText('Preflight');
    const checks = this.dialog.getByRole('list', { name: 'Preflight checks' });
    await expect(checks.or(this.dialog.getByRole('alert'))).toBeVisible({ timeout: PREFLIGHT_TIMEOUT_MS });
    const text = await this.dialog.locator('.wizard__body').innerText();
    await expect(checks, `the preflight did not produce its checks:\n${text}`).toBeVisible();
    await expect(this.dialog.getByRole('button', { name: 'Next', exact: true }), text).toBeEnabled();
    return text;
  }

  /** From the preflight: Next, to the plan (the exact dry run). Returns the steps as text. */
  async showPlan(): Promise<string> {
    await this.next();
    await expect(this.currentStage).toHaveText('Plan');
    const steps = this.dialog.getByRole('list', { name: 'Steps' });
    await expect(steps).toBeVisible();
    return steps.innerText();
  }

  /** From the plan: Start, then the confirmation ("Start the <noun>?") and its Start. */
  async start(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Start', exact: true }).click();
    const confirm = this.page.getByRole('alertdialog');
    await expect(confirm).toContainText(`Start the ${this.flow.noun}?`);
    await confirm.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(confirm).toHaveCount(0);
  }

  /** Choices to run: preflight, plan, Start + confirm. Returns the plan's steps as text. */
  async checkAndStart(): Promise<string> {
    await this.runPreflight();
    const plan = await this.showPlan();
    await this.start();
    return plan;
  }

  /** The outcome line of the result screen ("The freeze completed.", "The … stopped at step …"). */
  get outcome(): Locator {
    return this.dialog
      .getByRole('status')
      .filter({ hasText: `The ${this.flow.noun} completed.` })
      .or(this.dialog.getByRole('alert').filter({ hasText: `The ${this.flow.noun} stopped at step` }));
  }

  /**
   * Waits for the run to end and requires it to have completed; a failed run fails here with the
   * wizard's own words (the step it stopped at, the error, what to do).
   */
  async waitForCompleted(timeout = RUN_TIMEOUT_MS): Promise<void> {
    await expect(this.outcome).toBeVisible({ timeout });
    const body = await this.dialog.locator('.wizard__body').innerText();
    expect(body, `the ${this.flow.noun} did not complete`).toContain(`The ${this.flow.noun} completed.`);
  }

  /** The result's "What the run made" list (PRs, tag, release, workflows), as link labels. */
  get outputs(): Locator {
    return this.dialog.getByRole('list', { name: 'What the run made' });
  }

  /** Closes the wizard with its footer's Close (the run, if any, goes on in main). */
  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(this.dialog).toHaveCount(0);
  }
}
