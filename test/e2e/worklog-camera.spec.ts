import { existsSync, mkdirSync } from 'node:fs';
import { WorklogPanel } from './pages/worklog-panel.js';
import { expect, test } from './support/fixtures.js';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Chromium's fake camera (a moving test pattern) and an auto-accepted permission prompt: the
// real getUserMedia path of the app, with no camera on this machine. Turkish UI (switched after
// sign-in) on purpose.
test.use({
  locale: 'en-GB',
  viewport: { width: 1400, height: 1000 },
  launchOptions: {
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: ['--disable-gpu', '--disable-quic', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('a photo taken with the camera is stored on the device as a JPEG and uploaded', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.signIn('tech');
  await app.navigate('Tickets');
  await app.tickets.create({ contract: /BOGAZ/, title: `Monitor cracked in transit ${Date.now()}`, category: 'Hardware' });
  await page.getByTestId('language-switch').getByText('TR', { exact: true }).click();
  const worklog = new WorklogPanel(page);
  await expect(worklog.root).toBeVisible();
  await expect(worklog.photos()).toHaveCount(0);

  await page.getByTestId('photo-caption').fill('Kamera ile çekildi');
  await page.getByTestId('photo-camera').click();
  await expect(page.getByTestId('camera-capture')).toHaveAttribute('data-state', 'live');
  await page.getByTestId('camera-shoot').click();
  await expect(page.getByTestId('camera-capture')).toHaveAttribute('data-state', 'taken');
  await page.getByTestId('camera-use').click();
  await expect(page.getByTestId('photo-message')).toHaveText('Fotoğraf bu cihazda saklandı; çevrimiçi olunca yüklenir.');
  await expect(worklog.photos()).toHaveCount(1);
  const thumb = worklog.photos().last();
  await expect(thumb).toHaveAttribute('data-status', 'ready');
  // The camera stream is stopped once the dialog is closed (the camera light goes off).
  expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
  const stored = await page.evaluate(async (sha) => {
    const open = indexedDB.open('deskops-blobs-u-tech');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const rows = await new Promise<{ mime: string; size: number; sha256: string }[]>((resolve) => {
      const request = db.transaction('blobs').objectStore('blobs').getAll();
      request.onsuccess = () => resolve(request.result as { mime: string; size: number; sha256: string }[]);
    });
    db.close();
    return rows.find((row) => row.sha256 === sha) ?? null;
  }, await thumb.getAttribute('data-sha256'));
  expect(stored?.mime).toBe('image/jpeg');
  expect(stored?.size).toBeGreaterThan(1000);
  await expect(page.getByTestId('ticket-timeline')).toContainText('Fotoğraf eklendi');
  await expect(page.getByTestId('sync-photos')).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
  mkdirSync('test-results/worklog-screens', { recursive: true });
  await page.screenshot({ path: 'test-results/worklog-screens/03-camera-photo-tr.png', fullPage: true });
});
