import type { Page } from '@playwright/test';
import { AppPage } from './pages/app-page.js';
import { ConflictsPage } from './pages/conflicts-page.js';
import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

async function renameTicket(page: Page, title: string): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByTestId('ticket-save').click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

async function serverTicket(serverUrl: string, id: string) {
  const witness = await signInApi(serverUrl, 'sup');
  return (await pullAll(serverUrl, witness.accessToken, 'tickets')).find((ticket) => ticket.id === id);
}

test('two offline edits of one title converge, and a supervisor restores the overruled one', async ({ app, page, context, browser, serverUrl }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const original = `Docking station flickers ${stamp}`;
  const techTitle = `Docking station replaced ${stamp}`;
  const tech2Title = `Docking station firmware updated ${stamp}`;

  // tech creates the ticket online; both technicians have it synced before going offline.
  await app.signIn('tech');
  await app.navigate('Tickets');
  await app.tickets.create({ contract: /ANKA/, title: original, category: 'Hardware' });
  await app.waitUntilSynced();
  const id = /#\/tickets\/([^/?]+)/.exec(page.url())?.[1];
  expect(id).toBeTruthy();

  const context2 = await browser.newContext();
  const page2 = await context2.newPage();
  const tech2 = new AppPage(page2, serverUrl);
  await tech2.signIn('tech2');
  await tech2.waitUntilSynced();
  await page2.goto(`${serverUrl}/#/tickets/${id}`);
  await expect(page2.getByRole('heading', { name: original })).toBeVisible();

  await context.setOffline(true);
  await context2.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');
  await expect(tech2.online).toHaveAttribute('data-state', 'offline');

  await renameTicket(page, techTitle);
  await renameTicket(page2, tech2Title);
  await tech2.tickets.setStatus('in_progress');

  // tech reaches the server first; tech2's push then conflicts and merges three-way.
  await context.setOffline(false);
  await app.waitUntilSynced();
  expect((await serverTicket(serverUrl, id ?? ''))?.title).toBe(techTitle);
  await context2.setOffline(false);
  await tech2.waitUntilSynced();

  // Converged: the server's title wins the clash, tech2's status change (unopposed) survives.
  await expect(page2.getByRole('heading', { name: techTitle })).toBeVisible();
  await expect(page2.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByRole('heading', { name: techTitle })).toBeVisible();
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress');
  await expect.poll(async () => (await serverTicket(serverUrl, id ?? ''))?.status).toBe('in_progress');
  expect((await serverTicket(serverUrl, id ?? ''))?.title).toBe(techTitle);

  // The supervisor sees what was lost, side by side, and puts it back.
  const context3 = await browser.newContext();
  const page3 = await context3.newPage();
  const sup = new AppPage(page3, serverUrl);
  await sup.signIn('sup');
  await sup.navigate('Conflicts');
  const conflicts = new ConflictsPage(page3);
  const row = conflicts.rowOverruling(tech2Title);
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await expect(conflicts.kept(row)).toHaveText(techTitle);
  await expect(conflicts.overruled(row)).toHaveText(tech2Title);
  await expect(row.getByTestId('conflict-document')).toContainText(techTitle);
  await expect(row.getByTestId('conflict-base')).toContainText(original);
  await page3.screenshot({ path: 'test-results/conflicts-screen.png', fullPage: true });

  await conflicts.restore(row);
  await expect(row).toHaveCount(0);
  await sup.waitUntilSynced();
  await expect.poll(async () => (await serverTicket(serverUrl, id ?? ''))?.title, { timeout: 20_000 }).toBe(tech2Title);
  // Everyone converges on the restored title, and the record is resolved on the server.
  await expect(page.getByRole('heading', { name: tech2Title })).toBeVisible({ timeout: 20_000 });
  await expect(page2.getByRole('heading', { name: tech2Title })).toBeVisible({ timeout: 20_000 });
  const witness = await signInApi(serverUrl, 'sup');
  const records = (await pullAll(serverUrl, witness.accessToken, 'conflicts')).filter((record) => record.documentId === id);
  expect(records.map((record) => [record.field, record.resolution?.action])).toEqual([['title', 'restored']]);
  await conflicts.show('Resolved');
  await expect(conflicts.rows().filter({ hasText: tech2Title }).getByTestId('conflict-resolution')).toBeVisible();
  await page3.screenshot({ path: 'test-results/conflicts-resolved.png', fullPage: true });

  await context2.close();
  await context3.close();
});
