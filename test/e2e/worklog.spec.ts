import { mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { blobPaths } from '../../common/blobs/blob-protocol.js';
import { AppPage } from './pages/app-page.js';
import { WorklogPanel } from './pages/worklog-panel.js';
import { stripedPng } from './support/png.js';
import { signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

const SHOTS = 'test-results/worklog-screens';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.use({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });

/**
 * A technician offline at a customer desk records travel and work and attaches a photo; back
 * online the photo uploads (content-addressed) and a colleague serving the same contract sees the
 * time totals and the picture on their own screen.
 */
test('offline time entries and a photo reach a colleague after reconnecting', async ({ app, page, context, browser, serverUrl }) => {
  test.setTimeout(240_000);
  const title = `Docking station dead, photo of the port ${Date.now()}`;
  const png = stripedPng(96, 64, Date.now() % 24);
  const sha256 = createHash('sha256').update(png).digest('hex');

  await app.signIn('tech');
  await app.navigate('Tickets');
  await expect(app.tickets.rows().first()).toBeVisible();
  const ref = await app.tickets.create({ contract: /ANKA/, title, category: 'Hardware' });
  await app.waitUntilSynced();
  const ticketUrl = page.url();
  const worklog = new WorklogPanel(page);

  // At the customer, no network.
  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');

  // A zero duration is refused in words, under the form; nothing is recorded.
  await worklog.addTime('Work', 0, 0);
  await expect(page.getByTestId('time-entry-error')).toHaveText('Enter how long, in whole hours and minutes.');
  await expect(page.getByTestId('time-entry-row')).toHaveCount(0);

  await worklog.addTime('Travel', 0, 45, 'Tuzla depot, traffic on the E-5');
  await expect(page.getByTestId('time-entry-row')).toHaveCount(1);
  await worklog.addTime('Work', 1, 30, 'Replaced the dock, firmware updated');
  await expect(page.getByTestId('time-entry-row')).toHaveCount(2);
  await expect(worklog.total('travel')).toHaveText('Travel: 45 min');
  await expect(worklog.total('work')).toHaveText('Work: 1 h 30 min');
  await expect(worklog.total('all')).toHaveText('Total: 2 h 15 min');

  await worklog.attachPhoto({ name: 'dock-port.png', mimeType: 'image/png', buffer: png }, 'Bent pins on the USB-C port');
  await expect(worklog.photos()).toHaveCount(1);
  const thumb = worklog.photos().first();
  await expect(thumb).toHaveAttribute('data-sha256', sha256);
  await expect(thumb).toHaveAttribute('data-status', 'ready');
  await expect(thumb.getByTestId('photo-state')).toHaveText('Waiting to upload');
  // The header counts the photo apart from the document changes.
  await expect(page.getByTestId('sync-photos')).toHaveAttribute('data-pending', '1');
  await expect(app.pending).not.toHaveText('0');
  await shot(page, '01-worklog-offline');

  // Back online: documents and the photo go up.
  await context.setOffline(false);
  await app.waitUntilSynced();
  await expect(page.getByTestId('sync-photos')).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
  await expect(thumb.getByTestId('photo-state')).toHaveCount(0);

  // A second witness: the server holds exactly these bytes under their hash.
  const { accessToken } = await signInApi(serverUrl, 'tech2');
  const stored = await fetch(`${serverUrl}${blobPaths.blob(sha256)}`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(stored.status).toBe(200);
  expect(Buffer.from(await stored.arrayBuffer()).equals(png)).toBe(true);

  // The technician's own worklog list: this week's time per ticket.
  await app.navigate('Worklog');
  const row = page.getByTestId('worklog-report-row').filter({ hasText: ref });
  await expect(row).toHaveAttribute('data-total', '135');
  await expect(row).toContainText('45 min');
  await expect(row).toContainText('1 h 30 min');
  await shot(page, '04-worklog-page');

  // tech2 (ANKA only) on another laptop opens the same ticket.
  const otherContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
  const other = new AppPage(await otherContext.newPage(), serverUrl);
  await other.signIn('tech2');
  await other.waitUntilSynced();
  await other.page.goto(ticketUrl);
  const theirs = new WorklogPanel(other.page);
  await expect(theirs.total('all')).toHaveText('Total: 2 h 15 min');
  await expect(theirs.total('travel')).toHaveText('Travel: 45 min');
  const theirThumb = theirs.photos().first();
  await expect(theirThumb).toHaveAttribute('data-status', 'ready');
  await expect(theirThumb).toHaveAttribute('data-local', 'cached');
  const size = await theirThumb.getByTestId('photo-image').evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight]);
  expect(size).toEqual([96, 64]);
  await expect(other.page.getByTestId('ticket-timeline')).toContainText('Photo added');
  await expect(other.page.getByTestId('ticket-timeline')).toContainText('Bent pins on the USB-C port');
  await shot(other.page, '02-worklog-colleague');

  // Kept for offline viewing: the colleague's app shows it without the network after a reload.
  await otherContext.setOffline(true);
  await other.page.reload();
  await expect(theirs.photos().first()).toHaveAttribute('data-status', 'ready');
  await otherContext.close();
});
