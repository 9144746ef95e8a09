import { AppPage } from './pages/app-page.js';
import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

const PASSWORD = 'Kestane-Balı-7';

test('an admin takes a contract away from an online technician: its tickets leave, an unsent edit is refused and discarded, and the contract comes back', async ({ app, browser, serverUrl }, testInfo) => {
  const username = `e2e-scope-${Date.now().toString(36)}`;

  // The admin creates the technician on the Users screen.
  await app.signIn('admin');
  await app.navigate('Users');
  await expect(app.users.row('tech')).toBeVisible();
  // The form checks the server's rules inline before sending anything.
  await app.page.getByTestId('users-new').click();
  await app.page.getByTestId('user-form-username').fill('Ç');
  await app.page.getByTestId('user-form-password').fill('kısa');
  await app.page.getByTestId('user-form-save').click();
  await expect(app.users.form).toContainText('2 to 32 characters');
  await expect(app.users.form).toContainText('At least 10 characters.');
  await expect(app.users.form).toContainText('Required.');
  await app.page.screenshot({ path: testInfo.outputPath('users-form-errors.png') });
  await app.page.getByRole('button', { name: 'Cancel' }).click();
  await app.users.create({ username, name: 'Deniz Arslan', contracts: [/^ANKA/, /^BOGAZ/], password: PASSWORD });
  await expect(app.users.row(username)).toContainText('BOGAZ');
  await app.page.screenshot({ path: testInfo.outputPath('users-screen.png'), fullPage: true });

  // The technician works online in another browser (another laptop).
  const techContext = await browser.newContext();
  const tech = new AppPage(await techContext.newPage(), serverUrl);
  await tech.signIn(username, PASSWORD);
  await tech.navigate('Tickets');
  const bogazRows = tech.tickets.rows().filter({ hasText: 'BOGAZ' });
  await expect(bogazRows.first()).toBeVisible();
  await tech.waitUntilSynced();
  const bogazCount = await bogazRows.count();
  expect(bogazCount).toBeGreaterThan(1);

  // While the technician watches the list, the admin takes BOGAZ away: its tickets leave at once.
  await app.users.edit(username);
  await app.users.removeContract(/^BOGAZ/);
  await app.users.save();
  await expect(app.users.row(username)).not.toContainText('BOGAZ');
  await expect(bogazRows).toHaveCount(0, { timeout: 30_000 });
  await expect(tech.tickets.rows().filter({ hasText: 'ANKA' }).first()).toBeVisible();
  await expect(tech.pending).toHaveText('0');
  // …and come back when it is given back.
  await app.users.edit(username);
  await app.users.addContracts([/^BOGAZ/]);
  await app.users.save();
  await expect(bogazRows).toHaveCount(bogazCount, { timeout: 30_000 });
  await tech.waitUntilSynced();

  // Offline, the technician edits a BOGAZ ticket; meanwhile BOGAZ is taken away again.
  await techContext.setOffline(true);
  await expect(tech.online).toHaveAttribute('data-state', 'offline');
  await bogazRows.first().click();
  await expect(tech.page).toHaveURL(/#\/tickets\/[^/]+$/);
  const ticketId = decodeURIComponent(tech.page.url().split('/tickets/')[1] ?? '');
  const title = `Edited while BOGAZ was taken away ${Date.now()}`;
  await tech.page.getByLabel('Title', { exact: true }).fill(title);
  await tech.page.getByTestId('ticket-save').click();
  await expect(tech.pending).toHaveText('1');
  await app.users.edit(username);
  await app.users.removeContract(/^BOGAZ/);
  await app.users.save();

  // Back online: the other BOGAZ tickets leave; the unsent edit stays.
  await techContext.setOffline(false);
  await tech.navigate('Tickets');
  await expect(bogazRows).toHaveCount(1, { timeout: 30_000 });
  await expect(tech.tickets.row(title)).toBeVisible();

  // The edit goes up and is refused with the reason; it stays, counted as waiting.
  const details = await tech.openSyncDetails();
  const refused = details.locator(`[data-testid="sync-error"][data-doc-id="${ticketId}"]`);
  await expect(refused).toHaveAttribute('data-code', 'OUT_OF_SCOPE', { timeout: 30_000 });
  await expect(refused).toContainText('contract you do not serve');
  await expect(tech.pending).toHaveText('1');
  await tech.page.screenshot({ path: testInfo.outputPath('refused-document.png') });

  // Open it: the ticket page says the server refused it, and offers the discard too.
  await refused.getByTestId('sync-error-open').click();
  await expect(tech.page.getByTestId('refused-banner')).toHaveAttribute('data-code', 'OUT_OF_SCOPE');
  await tech.page.screenshot({ path: testInfo.outputPath('refused-banner.png') });
  await tech.page.getByTestId('refused-banner').getByTestId('sync-error-discard').click();
  await tech.page.getByTestId('refused-banner').getByTestId('sync-error-discard-confirm').click();
  await expect(tech.page.getByTestId('ticket-not-found')).toBeVisible();
  await expect(tech.pending).toHaveText('0');
  await tech.navigate('Tickets');
  await expect(bogazRows).toHaveCount(0);

  // Nothing was deleted or changed on the server by any of this.
  const witness = await signInApi(serverUrl, 'sup');
  const onServer = (await pullAll(serverUrl, witness.accessToken, 'tickets')).filter((ticket) => ticket.contractId === 'c-bogaz');
  expect(onServer.every((ticket) => !ticket._deleted)).toBe(true);
  expect(onServer.some((ticket) => ticket.title === title)).toBe(false);

  // BOGAZ comes back: so do its tickets, the discarded one in the server's version.
  await app.users.edit(username);
  await app.users.addContracts([/^BOGAZ/]);
  await app.users.save();
  await expect(bogazRows).toHaveCount(bogazCount, { timeout: 30_000 });
  await expect(tech.tickets.row(title)).toHaveCount(0);
  await expect(tech.pending).toHaveText('0');
  await techContext.close();

  // Accounts live on the server: offline, the Users screen says it needs a connection (in Turkish too).
  await app.page.context().setOffline(true);
  await app.page.getByTestId('language-switch').getByText('TR', { exact: true }).click();
  await expect(app.page.getByTestId('users-offline')).toContainText('Bağlantı gerekiyor');
  await app.page.screenshot({ path: testInfo.outputPath('users-offline-tr.png') });
  await app.page.context().setOffline(false);
  await expect(app.users.row(username)).toBeVisible();
  await app.page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
});
