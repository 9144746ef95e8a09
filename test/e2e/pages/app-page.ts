import { expect, type Locator, type Page } from '@playwright/test';
import { TicketsPage } from './tickets-page.js';
import { UsersPage } from './users-page.js';

/** The app shell: sign-in, navigation and the always-visible sync status. */
export class AppPage {
  readonly tickets: TicketsPage;
  readonly users: UsersPage;

  constructor(
    readonly page: Page,
    readonly serverUrl: string,
  ) {
    this.tickets = new TicketsPage(page);
    this.users = new UsersPage(page);
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

  /** Opens the sync details popover (refused documents, last problem). */
  async openSyncDetails(): Promise<Locator> {
    const details = this.page.getByTestId('sync-details');
    if (!(await details.isVisible())) await this.syncStatus.click();
    await expect(details).toBeVisible();
    return details;
  }

  async navigate(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name }).click();
  }
}
