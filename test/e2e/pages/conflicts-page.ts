import { expect, type Locator, type Page } from '@playwright/test';

/** The supervisor's conflict review: one card per overruled value. */
export class ConflictsPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('conflict-row');
  }

  /** The unresolved record whose overruled value is this text. */
  rowOverruling(text: string): Locator {
    return this.rows().filter({ has: this.page.getByTestId('conflict-overruled').getByText(text, { exact: true }) });
  }

  kept(row: Locator): Locator {
    return row.getByTestId('conflict-kept');
  }

  overruled(row: Locator): Locator {
    return row.getByTestId('conflict-overruled');
  }

  async show(filter: 'Unresolved' | 'Resolved' | 'All'): Promise<void> {
    await this.page.getByTestId('conflicts-filter').getByText(filter, { exact: true }).click();
  }

  async restore(row: Locator): Promise<void> {
    await row.getByTestId('conflict-restore').click();
    await expect(row.getByTestId('conflict-restore')).toHaveCount(0);
  }
}
