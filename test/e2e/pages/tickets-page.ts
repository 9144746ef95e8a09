import { expect, type Locator, type Page } from '@playwright/test';

export interface NewTicket {
  readonly contract: RegExp;
  readonly title: string;
  readonly category: string;
  readonly description?: string;
}

/** Ticket list, create form and detail page. */
export class TicketsPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('ticket-row');
  }

  row(title: string): Locator {
    return this.rows().filter({ hasText: title });
  }

  async pick(label: string, option: string | RegExp): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Creates a ticket through the form; returns its reference as shown after saving. */
  async create(ticket: NewTicket): Promise<string> {
    await this.page.getByTestId('ticket-new').click();
    await expect(this.page.getByTestId('ticket-create-form')).toBeVisible();
    await this.pick('Contract', ticket.contract);
    await this.page.getByLabel('Title', { exact: true }).fill(ticket.title);
    if (ticket.description) await this.page.getByLabel('Description', { exact: true }).fill(ticket.description);
    await this.pick('Category', ticket.category);
    await this.page.getByTestId('ticket-save').click();
    const ref = this.page.getByTestId('ticket-ref');
    await expect(ref).toBeVisible();
    return (await ref.innerText()).trim();
  }

  async openFromList(title: string): Promise<void> {
    await this.row(title).first().click();
    await expect(this.page.getByTestId('ticket-ref')).toBeVisible();
  }

  async setStatus(action: 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'cancelled'): Promise<void> {
    await this.page.getByTestId(`ticket-status-action-${action}`).click();
    await expect(this.page.getByTestId('ticket-status')).toHaveAttribute('data-status', action);
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByTestId('ticket-note-input').fill(text);
    await this.page.getByTestId('ticket-note-add').click();
    await expect(this.page.getByTestId('ticket-timeline')).toContainText(text);
  }
}
