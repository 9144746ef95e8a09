import { AppPage } from './pages/app-page.js';
import { expect, test } from './support/fixtures.js';

test("a colleague's new ticket appears without reloading", async ({ app, browser, serverUrl }) => {
  // tech2 serves ANKA only; watches the ticket list in another browser (another laptop).
  const otherContext = await browser.newContext();
  const other = new AppPage(await otherContext.newPage(), serverUrl);
  await other.signIn('tech2');
  await other.navigate('Tickets');
  await expect(other.tickets.rows().first()).toBeVisible();
  await other.waitUntilSynced();

  await app.signIn('tech');
  await app.navigate('Tickets');
  const title = `Printer offline in accounting ${Date.now()}`;
  await app.tickets.create({ contract: /ANKA/, title, category: 'Peripheral' });
  await app.waitUntilSynced();

  // No reload: the server's stream pokes tech2's app, which pulls the new ticket.
  await expect(other.tickets.row(title)).toBeVisible({ timeout: 10_000 });
  await otherContext.close();
});

test("a ticket of a contract the user does not serve never reaches them", async ({ app, browser, serverUrl }) => {
  const otherContext = await browser.newContext();
  const other = new AppPage(await otherContext.newPage(), serverUrl);
  await other.signIn('tech2');
  await other.navigate('Tickets');
  await other.waitUntilSynced();

  await app.signIn('tech');
  await app.navigate('Tickets');
  const title = `BOGAZ-only scanner fault ${Date.now()}`;
  await app.tickets.create({ contract: /BOGAZ/, title, category: 'Peripheral' });
  await app.waitUntilSynced();
  // A poke for a visible contract's change proves the stream is alive; the BOGAZ ticket must not come.
  const visible = `ANKA keyboard swap ${Date.now()}`;
  await app.navigate('Tickets');
  await app.tickets.create({ contract: /ANKA/, title: visible, category: 'Peripheral' });
  await app.waitUntilSynced();
  await expect(other.tickets.row(visible)).toBeVisible({ timeout: 10_000 });
  await expect(other.tickets.row(title)).toHaveCount(0);
  await otherContext.close();
});
