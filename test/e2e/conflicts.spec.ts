import type { Page } from '@playwright/test';
import { AppPage } from './pages/app-page.js';
import { ConflictsPage } from './pages/conflicts-page.js';
import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

/** Sync waits get room: three replicas sync at once on shared 2-core machines. */
const SYNC = { timeout: 45_000 };

async function signIn(app: AppPage, username: string): Promise<void> {
  await app.open();
  const form = app.page.getByTestId('sign-in-form');
  await expect(form).toBeVisible(SYNC);
  await form.getByLabel('Username', { exact: true }).fill(username);
  await form.getByLabel('Password', { exact: true }).fill('demo1234');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await synced(app);
}

async function synced(app: AppPage): Promise<void> {
  await expect(app.online).toHaveAttribute('data-state', 'online', SYNC);
  await expect(app.pending).toHaveText('0', SYNC);
}

async function renameTicket(page: Page, title: string): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByTestId('ticket-save').click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible(SYNC);
}

async function serverTicket(serverUrl: string, id: string) {
  const witness = await signInApi(serverUrl, 'sup');
  return (await pullAll(serverUrl, witness.accessToken, 'tickets')).find((ticket) => ticket.id === id);
}

test('two offline edits of one title converge, and a supervisor restores the overruled one', async ({ app, page, context, browser, serverUrl }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const original = `Docking station flickers ${stamp}`;
  const techTitle = `Docking station replaced ${stamp}`;
  const tech2Title = `Docking station firmware updated ${stamp}`;

  // Three laptops: both technicians serve ANKA; the supervisor watches from a third one.
  const context2 = await browser.newContext();
  const page2 = await context2.newPage();
  const tech2 = new AppPage(page2, serverUrl);
  const context3 = await browser.newContext();
  const page3 = await context3.newPage();
  const sup = new AppPage(page3, serverUrl);
  await Promise.all([signIn(app, 'tech'), signIn(tech2, 'tech2'), signIn(sup, 'sup')]);

  // tech creates the ticket online; both technicians have it open before going offline.
  await app.navigate('Tickets');
  await app.tickets.create({ contract: /ANKA/, title: original, category: 'Hardware' });
  await synced(app);
  const id = /#\/tickets\/([^/?]+)/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');
  await page2.goto(`${serverUrl}/#/tickets/${id}`);
  await expect(page2.getByRole('heading', { name: original })).toBeVisible(SYNC);
  await synced(tech2);

  await context.setOffline(true);
  await context2.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline', SYNC);
  await expect(tech2.online).toHaveAttribute('data-state', 'offline', SYNC);

  await renameTicket(page, techTitle);
  await renameTicket(page2, tech2Title);
  await tech2.tickets.setStatus('in_progress');

  // tech reaches the server first; tech2's push then conflicts and merges three-way.
  await context.setOffline(false);
  await synced(app);
  expect((await serverTicket(serverUrl, id))?.title).toBe(techTitle);
  await context2.setOffline(false);
  await synced(tech2);

  // Converged: the server's title wins the clash, tech2's status change (unopposed) survives.
  await expect(page2.getByRole('heading', { name: techTitle })).toBeVisible(SYNC);
  await expect(page2.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress', SYNC);
  await expect(page.getByRole('heading', { name: techTitle })).toBeVisible(SYNC);
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress', SYNC);
  await expect.poll(async () => (await serverTicket(serverUrl, id))?.status, SYNC).toBe('in_progress');
  expect((await serverTicket(serverUrl, id))?.title).toBe(techTitle);

  // The record reaches the supervisor live; what was lost is shown side by side and put back.
  await sup.navigate('Conflicts');
  const conflicts = new ConflictsPage(page3);
  const row = conflicts.rowOverruling(tech2Title);
  await expect(row).toHaveCount(1, SYNC);
  await expect(conflicts.kept(row)).toHaveText(techTitle);
  await expect(conflicts.overruled(row)).toHaveText(tech2Title);
  await expect(row.getByTestId('conflict-document')).toContainText(techTitle);
  await expect(row.getByTestId('conflict-base')).toContainText(original);
  await page3.screenshot({ path: test.info().outputPath('conflicts-screen.png'), fullPage: true });

  await conflicts.restore(row);
  await expect(row).toHaveCount(0);
  await synced(sup);
  await expect.poll(async () => (await serverTicket(serverUrl, id))?.title, SYNC).toBe(tech2Title);
  // Everyone converges on the restored title, and the record is resolved on the server.
  await expect(page.getByRole('heading', { name: tech2Title })).toBeVisible(SYNC);
  await expect(page2.getByRole('heading', { name: tech2Title })).toBeVisible(SYNC);
  const witness = await signInApi(serverUrl, 'sup');
  const records = (await pullAll(serverUrl, witness.accessToken, 'conflicts')).filter((record) => record.documentId === id);
  expect(records.map((record) => [record.field, record.resolution?.action])).toEqual([['title', 'restored']]);
  await conflicts.show('Resolved');
  await expect(conflicts.rows().filter({ hasText: tech2Title }).getByTestId('conflict-resolution')).toBeVisible();
  await page3.screenshot({ path: test.info().outputPath('conflicts-resolved.png'), fullPage: true });

  await context2.close();
  await context3.close();
});
