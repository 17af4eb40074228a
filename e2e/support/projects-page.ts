import type { Locator, Page } from '@playwright/test';

/** Role- and label-based handles on the Projects screen, so specs read like what a user does. */
export class ProjectsPage {
  constructor(readonly page: Page) {}

  /** The primary "Add project" button in the screen header (the empty state repeats it further down). */
  get addButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Add project' }).first();
  }

  get addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add a project' });
  }

  get sourceField(): Locator {
    return this.addDialog.getByLabel('Folder or remote URL');
  }

  get submitButton(): Locator {
    return this.addDialog.getByRole('button', { name: 'Add project' });
  }

  get emptyState(): Locator {
    return this.page.getByRole('heading', { name: 'No projects yet' });
  }

  get projectList(): Locator {
    return this.page.getByRole('list', { name: 'Projects' });
  }

  get switcher(): Locator {
    return this.page.getByRole('list', { name: 'Project switcher' });
  }

  /** The card of a project, found by its name heading. */
  card(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  removeConfirmation(fullName: string): Locator {
    return this.page.getByRole('alertdialog', { name: `Remove ${fullName} from Release Desk?` });
  }

  /** Fills the add dialog (opening it first) and submits, without waiting for the outcome. */
  async submitSource(source: string): Promise<void> {
    if (!(await this.addDialog.isVisible())) await this.addButton.click();
    await this.sourceField.fill(source);
    await this.submitButton.click();
  }

  /** Adds a project through the dialog and waits until the dialog has closed. */
  async add(source: string): Promise<void> {
    await this.submitSource(source);
    await this.addDialog.waitFor({ state: 'hidden' });
  }
}
