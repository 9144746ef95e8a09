import { expect, type Locator, type Page } from '@playwright/test';
import { TicketsPage } from './tickets-page.js';

/** The app shell: sign-in, navigation and the always-visible sync status. */
export class AppPage {
  readonly tickets: TicketsPage;

  constructor(
    readonly page: Page,
    readonly serverUrl: string,
  ) {
    this.tickets = new TicketsPage(page);
  }

  get syncStatus(): Locator {
    return this.page.getByTestId('sync-status');
  }

  get pending(): Locator {
    return this.page.getByTestId('sync-pending');
  }

  get online(): Locator {
    return this.page.getByTestId('sync-online');
  }

  async open(): Promise<void> {
    await this.page.goto(`${this.serverUrl}/`);
  }

  async signIn(username: string, password = 'demo1234'): Promise<void> {
    await this.open();
    const form = this.page.getByTestId('sign-in-form');
    await expect(form).toBeVisible();
    await form.getByLabel('Username', { exact: true }).fill(username);
    await form.getByLabel('Password', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.syncStatus).toBeVisible();
  }

  /** Waits until nothing waits to go up and the last sync is known. */
  async waitUntilSynced(): Promise<void> {
    await expect(this.online).toHaveAttribute('data-state', 'online');
    await expect(this.pending).toHaveText('0');
  }

  async navigate(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name }).click();
  }
}
