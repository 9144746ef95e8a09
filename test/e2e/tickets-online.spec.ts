import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

test('a wrong password is refused in words and nothing opens', async ({ app, page }) => {
  await app.open();
  const form = page.getByTestId('sign-in-form');
  await form.getByLabel('Username', { exact: true }).fill('tech');
  await form.getByLabel('Password', { exact: true }).fill('not-the-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong username or password.')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
});

test('sign in, create a ticket, and it reaches the server', async ({ app, page, serverUrl }) => {
  await app.signIn('tech');
  await app.navigate('Tickets');
  await expect(app.tickets.rows().first()).toBeVisible(); // the demo tickets arrived by pull

  const title = `Docking station not charging ${Date.now()}`;
  const ref = await app.tickets.create({ contract: /ANKA/, title, category: 'Peripheral', description: 'USB-C dock, 3rd floor' });
  expect(ref).toMatch(/^ANKA-\d{6}-[A-Z0-9]{4}$/);
  await app.waitUntilSynced();

  const witness = await signInApi(serverUrl, 'sup');
  const tickets = await pullAll(serverUrl, witness.accessToken, 'tickets');
  const onServer = tickets.find((t) => t.title === title);
  expect(onServer).toMatchObject({ ref, contractId: 'c-anka', status: 'new', category: 'peripheral', createdBy: 'u-tech' });
  const events = await pullAll(serverUrl, witness.accessToken, 'events');
  expect(events.filter((e) => e.subjectId === onServer?.id).map((e) => e.type)).toEqual(['ticket.created']);
  await expect(page.getByTestId('sync-last')).not.toBeEmpty();
});
