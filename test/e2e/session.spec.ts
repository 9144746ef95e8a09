import { adminPaths } from '../../common/admin/accounts.js';
import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

const PASSWORD = 'Kestane-Balı-7';

async function adminCall(serverUrl: string, path: string, body: unknown): Promise<void> {
  const { accessToken } = await signInApi(serverUrl, 'admin');
  const response = await fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

test('an app too old for the server says so, keeps its changes, and sends them once updated', async ({ app, page, serverUrl }, testInfo) => {
  await app.signIn('tech');
  await app.navigate('Tickets');
  await app.waitUntilSynced();

  // This build now names an older schema in every sync URL, as an out-of-date install would.
  await page.route('**/api/v1/sync/**', (route) => route.continue({ url: route.request().url().replace(/([?&]schema=)\d+/, '$1-1') }));
  const title = `Written by an old build ${Date.now()}`;
  await app.tickets.create({ contract: /ANKA/, title, category: 'Hardware' });
  const banner = page.getByTestId('client-outdated');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('too old for the server');
  await expect(app.pending).not.toHaveText('0');
  await page.screenshot({ path: testInfo.outputPath('client-outdated.png') });

  // Updated (the route gone, the app reloaded): the kept change goes up.
  await page.unroute('**/api/v1/sync/**');
  await page.reload();
  await expect(banner).toBeHidden();
  await app.waitUntilSynced();
  const witness = await signInApi(serverUrl, 'sup');
  expect((await pullAll(serverUrl, witness.accessToken, 'tickets')).some((ticket) => ticket.title === title)).toBe(true);
});

test('a session ended on the server (password reset) keeps the offline work; signing in again sends it', async ({ app, context, page, serverUrl }) => {
  const username = `e2e-reset-${Date.now().toString(36)}`;
  await adminCall(serverUrl, adminPaths.users, { username, name: 'Kemal Öz', role: 'technician', contractIds: ['c-anka'], password: PASSWORD });
  await app.signIn(username, PASSWORD);
  await app.navigate('Tickets');
  await app.waitUntilSynced();

  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');
  const title = `Done offline before the reset ${Date.now()}`;
  await app.tickets.create({ contract: /ANKA/, title, category: 'Request' });
  await expect(app.pending).not.toHaveText('0');
  const waiting = await app.pending.innerText();

  // Meanwhile an admin resets the password: every session of the account ends.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await adminCall(serverUrl, adminPaths.password(`u-${username}`), { password: 'Yeni-Parola-Çok-Güzel' });
  await context.setOffline(false);
  const prompt = page.getByTestId('sign-in-required');
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  await expect(app.pending).toHaveText(waiting);

  await prompt.getByTestId('sign-in-again').click();
  const form = page.getByRole('dialog').getByTestId('sign-in-form');
  await form.getByLabel('Password', { exact: true }).fill('Yeni-Parola-Çok-Güzel');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(prompt).toBeHidden();
  await app.waitUntilSynced();
  const witness = await signInApi(serverUrl, 'sup');
  expect((await pullAll(serverUrl, witness.accessToken, 'tickets')).some((ticket) => ticket.title === title)).toBe(true);
});
