import { hostname } from 'node:os';
import { installDesktopBridge } from './support/desktop-bridge.js';
import { expect, test } from './support/fixtures.js';

test('"This computer" shows what the real main-process handlers report', async ({ app, context, page, serverUrl }) => {
  // The Electron binary cannot run here: the page gets window.desktop built by the preload's own
  // builder over the real main-process IPC registry and handlers (systeminformation, secrets).
  const desktop = await installDesktopBridge(context, new URL(serverUrl).origin);
  await app.signIn('tech');
  await app.navigate('This computer');
  await expect(page.getByTestId('this-computer-hostname')).toHaveText(hostname());
  await expect(page.getByTestId('this-computer-os')).toContainText(/linux/i);
  await expect(page.getByTestId('no-desktop-bridge')).toHaveCount(0);

  // The refresh token went to the (test) keychain through the secrets handler, not to web storage.
  await expect.poll(async () => (await desktop.handlers['secrets.get']({ name: 'sync.refreshToken' })).ok).toBe(true);
  const stored = await desktop.handlers['secrets.get']({ name: 'sync.refreshToken' });
  expect(stored.ok && typeof stored.value === 'string' && stored.value.length > 20).toBe(true);
  expect(await page.evaluate(() => JSON.stringify(sessionStorage).includes('refresh'))).toBe(false);
});

test('in a plain browser the page says the desktop bridge is missing', async ({ app, page }) => {
  await app.signIn('tech');
  await app.navigate('This computer');
  await expect(page.getByTestId('no-desktop-bridge')).toBeVisible();
});

test('a page from another origin cannot call the desktop bridge', async ({ context, page, serverUrl }) => {
  await installDesktopBridge(context, 'app://deskops');
  await page.goto(`${serverUrl}/`);
  const answer = await page.evaluate(() => window.desktop?.app.info());
  expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } });
});
