import type { Locator, Page } from '@playwright/test';
import type { Lane } from '../../shared/domain/config/project-config';

/** Role- and label-based handles on the Train screen, so specs read like what a user does. */
export class TrainPage {
  constructor(readonly page: Page) {}

  /** The sidebar link to the Train screen (shown once a project is selected). */
  get navLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Train' });
  }

  /** Opens the Train screen from the sidebar and waits for the project's heading. */
  async open(projectName: string): Promise<void> {
    await this.navLink.click();
    await this.heading(projectName).waitFor();
  }

  heading(projectName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: projectName });
  }

  get refreshButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Refresh' });
  }

  get useConfigFileButton(): Locator {
    return this.page.getByRole('button', { name: 'Use a config file…' });
  }

  get useRepositoryConfigButton(): Locator {
    return this.page.getByRole('button', { name: 'Use the repository’s config' });
  }

  /** The line that says which config is in force. */
  get configLine(): Locator {
    return this.page.getByText(/^Config: \S/);
  }

  /** The header line: "Updated just now", or the fetch in progress. */
  get freshness(): Locator {
    return this.page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: /Updated|Fetching|Reading|Not / });
  }

  /** The row of arrows between the lanes, one item per adjacent pair. */
  get waiting(): Locator {
    return this.page.getByRole('list', { name: 'Waiting between lanes' }).getByRole('listitem');
  }

  /** A lane's card, found by its heading. */
  lane(name: Lane): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The error panel shown in place of (or above) the lanes. */
  get errorPanel(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }
}
