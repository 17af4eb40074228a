import type { Locator, Page } from '@playwright/test';

/** Role- and label-based handles on the Notes screen, so specs read like what a user does. */
export class NotesPage {
  constructor(readonly page: Page) {}

  /** The sidebar link to the Notes screen (shown once a project is selected). */
  get navLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Notes' });
  }

  /** Opens the Notes screen from the sidebar and waits for its heading. */
  async open(): Promise<void> {
    await this.navLink.click();
    await this.page.getByRole('heading', { level: 1, name: 'Release notes' }).waitFor();
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get regenerateButton(): Locator {
    return this.main.getByRole('button', { name: 'Regenerate' });
  }

  get fromField(): Locator {
    return this.main.getByLabel('From', { exact: true });
  }

  get toField(): Locator {
    return this.main.getByLabel('To', { exact: true });
  }

  get dateField(): Locator {
    return this.main.getByLabel('Release date');
  }

  get versionField(): Locator {
    return this.main.getByLabel('Override');
  }

  /** The header line: "Generated just now", or the generation in progress. */
  get freshness(): Locator {
    return this.main.getByRole('status').filter({ hasText: /Generat|Not generated|Starting/ });
  }

  /** The suggested (or chosen) version number. */
  get version(): Locator {
    return this.main.getByTestId('notes-version');
  }

  /** "2026.1.2 → 2026.1.3" */
  get range(): Locator {
    return this.main.getByTestId('notes-range');
  }

  get rangeCard(): Locator {
    return this.main.getByRole('region', { name: 'Range' });
  }

  get summary(): Locator {
    return this.main.getByRole('textbox', { name: 'Summary' });
  }

  get saveIndicator(): Locator {
    return this.main.getByTestId('save-indicator');
  }

  /** Every entry row of every category (not the vanished ones). */
  get entries(): Locator {
    return this.main.getByRole('region', { name: 'Changes' }).locator('[data-entry-key]');
  }

  /** The row of an entry, found by its PR number or short sha as buttons name it ("#3042"). */
  entry(label: string): Locator {
    return this.entries.filter({ has: this.page.getByRole('button', { name: `Move ${label} up`, exact: true }) });
  }

  /** The button that shows an entry's title and opens its editor. */
  titleButton(label: string): Locator {
    return this.entry(label).getByRole('button', { name: /^Edit title: / });
  }

  titleInput(label: string): Locator {
    return this.main.getByRole('textbox', { name: `Title of ${label}` });
  }

  get preview(): Locator {
    return this.main.getByTestId('markdown-preview');
  }

  get changelog(): Locator {
    return this.main.getByTestId('changelog-preview');
  }

  tab(name: 'Release notes' | 'CHANGELOG'): Locator {
    return this.main.getByRole('tab', { name });
  }

  get vanished(): Locator {
    return this.main.getByRole('list', { name: 'No longer in this range' });
  }

  /** The error panel shown in place of the notes. */
  get errorPanel(): Locator {
    return this.main.getByRole('alert');
  }

  /** Fills the range fields (empty strings clear them) and regenerates, waiting until it is done. */
  async generate(fields: { from?: string; to?: string; date?: string; version?: string }): Promise<void> {
    if (fields.from !== undefined) await this.fromField.fill(fields.from);
    if (fields.to !== undefined) await this.toField.fill(fields.to);
    if (fields.date !== undefined) await this.dateField.fill(fields.date);
    if (fields.version !== undefined) await this.versionField.fill(fields.version);
    await this.regenerateButton.click();
    await this.waitUntilGenerated();
  }

  /** Waits until no generation is running. */
  async waitUntilGenerated(): Promise<void> {
    await this.regenerateButton.and(this.page.locator('[aria-disabled="false"]')).waitFor();
  }
}
