import { expect, type Locator, type Page } from '@playwright/test';

/** The worklog panel on a ticket: time entries, totals and photos. */
export class WorklogPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('ticket-worklog');
  }

  total(which: 'travel' | 'work' | 'all'): Locator {
    return this.page.getByTestId(which === 'all' ? 'worklog-total' : `worklog-total-${which}`);
  }

  async addTime(kind: 'Travel' | 'Work', hours: number, minutes: number, note = ''): Promise<void> {
    const form = this.page.getByTestId('time-entry-form');
    await form.getByTestId('time-entry-kind').getByText(kind, { exact: true }).click();
    await form.getByTestId('time-entry-hours').fill(String(hours));
    await form.getByTestId('time-entry-minutes').fill(String(minutes));
    if (note) await form.getByTestId('time-entry-note').fill(note);
    await form.getByTestId('time-entry-add').click();
  }

  async attachPhoto(file: { name: string; mimeType: string; buffer: Buffer }, caption: string): Promise<void> {
    await this.page.getByTestId('photo-caption').fill(caption);
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('photo-attach').click();
    await (await chooser).setFiles(file);
    await expect(this.page.getByTestId('photo-message')).toBeVisible();
  }

  photos(): Locator {
    return this.page.getByTestId('photo-thumb');
  }
}
