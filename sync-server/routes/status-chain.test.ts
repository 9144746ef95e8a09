import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { ticketDoc } from '../testing/fixtures.js';
import { push, type Doc } from '../testing/http-client.js';
import { signInAll, storedWire } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

const statusEvent = (id: string, ticketId: string, from: string, to: string, at: string): Doc => ({
  id,
  contractId: 'c-anka',
  subjectType: 'ticket',
  subjectId: ticketId,
  type: 'ticket.status',
  at,
  authorId: 'u-tech',
  deviceId: 'dev-tech',
  data: { from, to, waitingReason: to === 'waiting' ? 'user' : null },
  _deleted: false,
});

/**
 * Why the server checks a pushed ticket status by reachability (`canReach`) and not against the
 * ticket's status events: tickets and events are replicated separately, and the client's tickets
 * push regularly arrives before the events that explain it. A chain check would refuse that push —
 * the whole batch — until the other replication caught up. These tests pin the order that occurs.
 */
describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech']);
  });
  afterAll(async () => server.close());

  it('accepts a ticket worked offline to resolved before any of its status events arrive, then the events', async () => {
    const created = ticketDoc('t-chain-1', 'c-anka', { status: 'assigned', assigneeId: 'u-tech' });
    expect((await push(server.url, token.tech, 'tickets', [{ assumedMasterState: null, newDocumentState: created }])).status).toBe(200);
    // Offline: assigned → in_progress → waiting → in_progress → resolved; the tickets push goes first.
    const resolved = { ...created, status: 'resolved', updatedAt: '2026-11-25T15:00:00.000Z' };
    const ticketPush = await push(server.url, token.tech, 'tickets', [{ assumedMasterState: created, newDocumentState: resolved }]);
    expect(ticketPush.status).toBe(200);
    expect(ticketPush.body).toEqual([]);
    const events = [
      statusEvent('e-chain-1', 't-chain-1', 'assigned', 'in_progress', '2026-11-25T10:00:00.000Z'),
      statusEvent('e-chain-2', 't-chain-1', 'in_progress', 'waiting', '2026-11-25T11:00:00.000Z'),
      statusEvent('e-chain-3', 't-chain-1', 'waiting', 'in_progress', '2026-11-25T13:00:00.000Z'),
      statusEvent('e-chain-4', 't-chain-1', 'in_progress', 'resolved', '2026-11-25T15:00:00.000Z'),
    ];
    const eventPush = await push(server.url, token.tech, 'events', events.map((event) => ({ assumedMasterState: null, newDocumentState: event })));
    expect(eventPush.status).toBe(200);
    expect((await storedWire(server, 'tickets', 't-chain-1'))?.['status']).toBe('resolved');
  });

  it('still refuses what no chain could explain: a closed ticket going back to work', async () => {
    const closed = ticketDoc('t-chain-2', 'c-anka', { status: 'closed' });
    await push(server.url, token.tech, 'tickets', [{ assumedMasterState: null, newDocumentState: closed }]);
    const answer = await push(server.url, token.tech, 'tickets', [{ assumedMasterState: closed, newDocumentState: { ...closed, status: 'in_progress' } }]);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', docId: 't-chain-2', path: 'status' });
  });
});
