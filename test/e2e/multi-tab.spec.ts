import { AppPage } from './pages/app-page.js';
import { expect, test } from './support/fixtures.js';

/**
 * Each tab of the browser build runs its replica's storage in its own worker
 * (renderer/db/storage.worker.ts) on the same IndexedDB. A write in one tab must reach the open
 * lists of the others without a reload and without the server: offline, only the workers'
 * cross-tab change broadcast can carry it.
 */
test('two tabs of one user: a ticket made offline in one shows up live in the other', async ({ app, page, context, serverUrl }) => {
  await app.signIn('tech');
  await app.waitUntilSynced();
  const other = new AppPage(await context.newPage(), serverUrl);
  await other.open();
  await expect(other.syncStatus).toBeVisible();
  await other.navigate('Tickets');
  await expect(other.tickets.rows().first()).toBeVisible();

  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');
  const title = `Printer jams on tray 2 ${Date.now()}`;
  await app.navigate('Tickets');
  await app.tickets.create({ contract: /ANKA/, title, category: 'Hardware' });

  // The other tab's list was open all along: it updates by itself.
  await expect(other.tickets.row(title)).toBeVisible();
  await expect(page.getByTestId('sync-pending')).not.toHaveText('0');
});
