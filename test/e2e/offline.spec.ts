import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

test('work offline, reload while offline, and everything goes up on reconnect', async ({ app, page, context, serverUrl }) => {
  await app.signIn('tech');
  await app.navigate('Tickets');
  await expect(app.tickets.rows().first()).toBeVisible();
  await app.waitUntilSynced();

  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');

  const stamp = Date.now();
  const first = `Laptop fan loud ${stamp}`;
  const second = `New starter needs a notebook ${stamp}`;
  const note = `Cleaned the fan, running quiet now ${stamp}`;

  await app.navigate('Tickets');
  await app.tickets.create({ contract: /ANKA/, title: first, category: 'Hardware' });
  await app.tickets.setStatus('in_progress');
  await app.tickets.addNote(note);
  await app.navigate('Tickets');
  await app.tickets.create({ contract: /BOGAZ/, title: second, category: 'Request' });

  // Two tickets (one edited) and their events wait to go up.
  await expect(app.pending).not.toHaveText('0');
  const pendingBefore = await app.pending.innerText();
  expect(Number(pendingBefore)).toBeGreaterThanOrEqual(4);

  await page.reload();
  await expect(app.syncStatus).toBeVisible();
  await expect(app.online).toHaveAttribute('data-state', 'offline');
  await expect(app.pending).toHaveText(pendingBefore);
  await app.navigate('Tickets');
  await expect(app.tickets.row(first)).toBeVisible();
  await expect(app.tickets.row(second)).toBeVisible();
  await app.tickets.openFromList(first);
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByTestId('ticket-timeline')).toContainText(note);

  await context.setOffline(false);
  await app.waitUntilSynced();

  const witness = await signInApi(serverUrl, 'sup');
  const tickets = await pullAll(serverUrl, witness.accessToken, 'tickets');
  const a = tickets.find((t) => t.title === first);
  const b = tickets.find((t) => t.title === second);
  expect(a).toMatchObject({ status: 'in_progress', contractId: 'c-anka', _deleted: false });
  expect(b).toMatchObject({ status: 'new', contractId: 'c-bogaz', _deleted: false });
  const events = await pullAll(serverUrl, witness.accessToken, 'events');
  const ofA = events.filter((e) => e.subjectId === a?.id);
  expect(ofA.map((e) => e.type).sort()).toEqual(['ticket.created', 'ticket.note', 'ticket.status']);
  expect(ofA.find((e) => e.type === 'ticket.note')?.data).toMatchObject({ text: note });
  expect(ofA.find((e) => e.type === 'ticket.status')?.data).toMatchObject({ from: 'new', to: 'in_progress' });
});
